"""Every Cypher statement orgmodel runs, as named constants; values only ever as parameters.

Labels and relationship types cannot be parameters in Cypher 5, so a few statements are
templates with a ``{label}``/``{rel_type}`` slot. Those slots are filled only by the functions
at the end of this module, and only with members of the schema enums
(:class:`~orgmodel.schema.Kind`, :class:`~orgmodel.schema.EdgeType`) or the two staging labels
``Node``/``Pending``: never with text from a user or a data file.

Graph layout (see docs/neo4j.md): every visible node carries ``:Node`` plus its kind label;
a node staged by an unfinished load carries ``:Pending`` instead of ``:Node``, and a node a
load removed carries ``:Removed`` until it is deleted. Every read statement puts ``:Node`` on
every node pattern, so staged and removed records (and their edges) stay invisible.

Examples
--------
>>> upsert_edges_query(EdgeType.PART_OF, "Node", "Pending").splitlines()[2]
'MATCH (a:Node {id: row.source}) MATCH (b:Pending {id: row.target})'
"""

from __future__ import annotations

from typing import Literal

from orgmodel.schema import EdgeType, Kind

__all__ = [
    "ALL_EDGES",
    "ALL_NODES",
    "AUDITED_LAST",
    "AUDIT_APPEND",
    "AUDIT_COUNT",
    "AUDIT_LOG",
    "BUMP_META",
    "CLEAN_PENDING",
    "CLEAN_REMOVED",
    "CLOSURE",
    "COMPONENTS",
    "DELETE_NODES",
    "DELETE_SOURCES",
    "DESCENDANTS",
    "DUMP_NODES",
    "DUMP_RELATIONSHIPS",
    "EDGES_OF",
    "EDGE_BY_KEY",
    "HELD_BELOW",
    "HIDE_NODES",
    "HOLDERS",
    "LIST_NODES",
    "LOCK_META",
    "MEMBERS",
    "MEMBERSHIPS",
    "META_VERSION",
    "MOVE_NODES",
    "NEIGHBOURS",
    "NODES_BY_ID",
    "OUT_EDGES",
    "PATH_STEP",
    "PUBLISH_PENDING",
    "RESPONSIBILITIES",
    "SCHEMA",
    "SOURCES",
    "STAGE_NODES",
    "STATE_EDGES",
    "STATE_EDGES_STORED",
    "STATE_NODES",
    "STATE_NODES_STORED",
    "STATE_SOURCES",
    "STATE_SOURCES_STORED",
    "TASKS_USING",
    "UPSERT_SOURCES",
    "VALID_EDGES",
    "VALID_NODES",
    "WIPE",
    "StageLabel",
    "create_edges_query",
    "delete_edges_query",
    "move_edges_query",
    "update_edges_query",
    "update_nodes_query",
    "upsert_edges_query",
    "upsert_nodes_query",
]

StageLabel = Literal["Node", "Pending"]


def _valid(var: str) -> str:
    """Validity of ``var`` on ``$when``, both ends inclusive, missing ends open."""
    return (f"({var}.valid_from IS NULL OR {var}.valid_from <= $when) AND "
            f"({var}.valid_to IS NULL OR $when <= {var}.valid_to)")


# -- schema -------------------------------------------------------------------------------------

SCHEMA = (
    "CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT pending_id IF NOT EXISTS FOR (n:Pending) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT source_key IF NOT EXISTS FOR (s:Source) REQUIRE s.key IS UNIQUE",
    "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:Meta) REQUIRE m.key IS UNIQUE",
    "CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE",
    "CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind)",
    "CREATE INDEX task_kle IF NOT EXISTS FOR (n:Task) ON (n.kle)",
    "CREATE INDEX audit_record IF NOT EXISTS FOR (a:AuditEntry) ON (a.record_key)",
    "CREATE FULLTEXT INDEX node_text IF NOT EXISTS FOR (n:Node) "
    "ON EACH [n.name, n.name_en, n.aliases, n._keywords]",
)

# -- sync: state, staging, switch --------------------------------------------------------------

#: Delete everything, in batches (tests and ``wipe_graph`` only).
WIPE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
CLEAN_PENDING = "MATCH (n:Pending) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
#: Delete what earlier switches hid (``:Removed``), a batch at a time.
CLEAN_REMOVED = "MATCH (n:Removed) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"
META_VERSION = """
OPTIONAL MATCH (m:Meta {key: 'graph'})
RETURN m.graph_id AS graph_id, coalesce(m.version, 0) AS version
"""
LOCK_META = """
MERGE (m:Meta {key: 'graph'})
  ON CREATE SET m.version = 0, m.graph_id = randomUUID()
SET m.locked = true
REMOVE m.locked
RETURN m.graph_id AS graph_id, m.version AS version
"""
BUMP_META = """
MATCH (m:Meta {key: 'graph'})
SET m.version = m.version + 1, m.updated_at = datetime()
RETURN m.version AS version
"""
STATE_NODES = """
MATCH (n:Node)
RETURN n.id AS id, n.kind AS kind, n._hash AS hash, n._file AS file, n._line AS line
"""
STATE_EDGES = """
MATCH (a:Node)-[r]->(b:Node)
RETURN type(r) AS type, r.key AS key, a.id AS source, b.id AS target, r._hash AS hash,
       r._file AS file, r._line AS line
"""
STATE_SOURCES = "MATCH (s:Source) RETURN s.key AS key, s._hash AS hash"
#: The same three, with every property, for a load that checks what is stored (``--verify``).
STATE_NODES_STORED = STATE_NODES.rstrip() + ", n {.*} AS props\n"
STATE_EDGES_STORED = STATE_EDGES.rstrip() + ", r {.*} AS props\n"
STATE_SOURCES_STORED = STATE_SOURCES + ", s {.*} AS props"
PUBLISH_PENDING = """
UNWIND $ids AS id
MATCH (n:Pending {id: id}) WHERE n._load = $load
REMOVE n:Pending, n._load
SET n:Node
RETURN count(n) AS published
"""
MOVE_NODES = """
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n._file = row.file, n._line = row.line
"""
DELETE_NODES = "UNWIND $ids AS id MATCH (n:Node {id: id}) DETACH DELETE n"
#: Hide removed nodes in the switch (their edges vanish with them); deleted after the commit.
HIDE_NODES = "UNWIND $ids AS id MATCH (n:Node {id: id}) REMOVE n:Node SET n:Removed"
UPSERT_SOURCES = "UNWIND $rows AS row MERGE (s:Source {key: row.key}) SET s = row"
DELETE_SOURCES = "UNWIND $keys AS key MATCH (s:Source {key: key}) DELETE s"

#: Stage new nodes of any kinds (``row.kind``: a :class:`~orgmodel.schema.Kind` value, checked by
#: the caller). A sync knows which records are new (it read the graph first and cleared old
#: staging), so it CREATEs them: MERGE would look for a match first, which for a relationship
#: means scanning the edges between its two ends, the largest cost of a bulk load. The label is
#: a parameter (Neo4j 5.26's dynamic labels), so one statement writes every kind: a batch of
#: every kind costs one round trip, not one per kind.
STAGE_NODES = """
UNWIND $rows AS row
CREATE (n:Pending:$(row.kind))
SET n = row.props, n._load = $load
"""

# Templates; filled only by the functions below, with enum members (see the module docstring).
_UPSERT_NODES = """
UNWIND $rows AS row
MERGE (n:Node {{id: row.id}})
SET n = row.props
SET n:{label}
REMOVE n{others}
"""
_UPDATE_NODES = """
UNWIND $rows AS row
MATCH (n:Node {{id: row.id}})
SET n = row.props
SET n:{label}
REMOVE n{others}
"""
_UPSERT_EDGES = """
UNWIND $rows AS row
MATCH (a:{source_label} {{id: row.source}}) MATCH (b:{target_label} {{id: row.target}})
MERGE (a)-[r:{rel_type} {{key: row.key}}]->(b)
SET r = row.props
"""
# New edges of any types (``row.type``: an EdgeType value, checked by the caller), as above.
_CREATE_EDGES = """
UNWIND $rows AS row
MATCH (a:{source_label} {{id: row.source}}) MATCH (b:{target_label} {{id: row.target}})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
"""
_MATCH_EDGE = """
UNWIND $rows AS row
MATCH (:Node {{id: row.source}})-[r:{rel_type} {{key: row.key}}]->(:Node {{id: row.target}})
"""
_DELETE_EDGES = _MATCH_EDGE + "DELETE r\n"
_UPDATE_EDGES = _MATCH_EDGE + "SET r = row.props\n"
_MOVE_EDGES = _MATCH_EDGE + "SET r._file = row.file, r._line = row.line\n"

COMPONENTS = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
#: Everything in the database, raw (staged records and bookkeeping included), for comparisons.
DUMP_NODES = "MATCH (n) RETURN labels(n) AS labels, n {.*} AS props"
DUMP_RELATIONSHIPS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, r {.*} AS props, a.id AS source, b.id AS target
"""

# -- reads ---------------------------------------------------------------------------------------

ALL_NODES = "MATCH (n:Node) RETURN n {.*} AS props"
ALL_EDGES = """
MATCH (a:Node)-[r]->(b:Node)
RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
"""
SOURCES = "MATCH (s:Source) RETURN s {.*} AS props"
#: What tasks use (all dates): owners() reads a question that names a system as its tasks'.
TASKS_USING = """
MATCH (a:Node:Task)-[r:USES]->(b:Node)
RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
"""
VALID_NODES = f"MATCH (n:Node) WHERE {_valid('n')} RETURN n {{.*}} AS props"
VALID_EDGES = f"""
MATCH (a:Node)-[r]->(b:Node) WHERE {_valid('r')} AND {_valid('a')} AND {_valid('b')}
RETURN r {{.*}} AS props, type(r) AS type, a.id AS source, b.id AS target
"""
NODES_BY_ID = "UNWIND $ids AS id MATCH (n:Node {id: id}) RETURN n {.*} AS props"
EDGES_OF = f"""
MATCH (n:Node {{id: $id}})-[r]-(m:Node) WHERE {_valid('r')} AND {_valid('m')}
RETURN DISTINCT r {{.*}} AS props, type(r) AS type, startNode(r).id AS source,
       endNode(r).id AS target
"""
LIST_NODES = f"""
MATCH (n:Node) WHERE ($kind IS NULL OR n.kind = $kind)
  AND ($confidence IS NULL OR n.confidence = $confidence) AND {_valid('n')}
WITH n ORDER BY n.id
WITH collect(n) AS found
RETURN size(found) AS total, [x IN found[$offset..($offset + $limit)] | x {{.*}}] AS items
"""
MEMBERS = f"""
MATCH (n:Node {{id: $id}})<-[r:MEMBER_OF|PARTICIPATES_IN|POST_IN]-(m:Node)
WHERE {_valid('r')} AND {_valid('m')}
RETURN type(r) AS type, m {{.*}} AS props, r.role AS role
"""
MEMBERSHIPS = f"""
MATCH (n:Node {{id: $id}})-[r:MEMBER_OF|PARTICIPATES_IN|POST_IN]->(m:Node)
WHERE {_valid('r')} AND {_valid('m')}
RETURN type(r) AS type, m {{.*}} AS props, r.role AS role
"""
#: A unit or body, everything PART_OF it (transitively) and the posts in and heading them.
DESCENDANTS = f"""
MATCH (h:Node {{id: $id}})
MATCH (h)((x:Node)<-[r:PART_OF|POST_IN|HEADS]-(y:Node)
          WHERE {_valid('r')} AND {_valid('y')})*(d:Node)
RETURN DISTINCT d.id AS id
"""
#: ... and for the tasks held below a node: a post's below is also what it heads.
HELD_BELOW = f"""
MATCH (h:Node {{id: $id}})
OPTIONAL MATCH (h)-[r0:HEADS]->(u:Node) WHERE {_valid('r0')} AND {_valid('u')}
WITH h, collect(u) AS headed
UNWIND [h] + headed AS top
MATCH (top)((x:Node)<-[r:PART_OF|POST_IN|HEADS]-(y:Node)
            WHERE {_valid('r')} AND {_valid('y')})*(d:Node)
RETURN DISTINCT d.id AS id
"""
HOLDERS = f"""
UNWIND $ids AS id
MATCH (:Node {{id: id}})<-[r:HOLDS]-(h:Node) WHERE {_valid('r')} AND {_valid('h')}
RETURN DISTINCT h.id AS id
"""
RESPONSIBILITIES = f"""
UNWIND $ids AS id
MATCH (h:Node {{id: id}})-[r:RESPONSIBLE_FOR]->(t:Node) WHERE {_valid('r')} AND {_valid('t')}
RETURN h {{.*}} AS holder, t {{.*}} AS task, r.raci AS raci
"""
#: One step of a neighbourhood: the neighbours of ``$ids`` not yet found.
NEIGHBOURS = f"""
UNWIND $ids AS id
MATCH (:Node {{id: id}})-[r]-(m:Node)
WHERE ($types IS NULL OR type(r) IN $types) AND ($kinds IS NULL OR m.kind IN $kinds)
  AND {_valid('r')} AND {_valid('m')}
RETURN DISTINCT m.id AS id
"""
#: Valid out-edges of ``$ids`` (the caller keeps those ending inside the set).
OUT_EDGES = f"""
UNWIND $ids AS id
MATCH (a:Node {{id: id}})-[r]->(b:Node)
WHERE ($types IS NULL OR type(r) IN $types) AND {_valid('r')} AND {_valid('b')}
RETURN r {{.*}} AS props, type(r) AS type, a.id AS source, b.id AS target
"""
#: One breadth-first step of ``paths``: every (node, neighbour) pair, either direction.
PATH_STEP = f"""
UNWIND $ids AS id
MATCH (a:Node {{id: id}})-[r]-(m:Node) WHERE {_valid('r')} AND {_valid('m')}
RETURN a.id AS node, m.id AS other
"""
#: The reporting-line closure of ``$ids``: every node the chain and owners rules can step to
#: (out along REPORTS_TO, POST_IN, PART_OF, HOLDS; in along HEADS and accountable (raci A)
#: RESPONSIBLE_FOR), plus every owner (any RACI) of the tasks among them, with the valid edges
#: of those types between them. The start nodes come back whatever their validity; every row
#: also carries the graph version, so callers can tell whether their cached search is current.
CLOSURE = f"""
OPTIONAL MATCH (m:Meta {{key: 'graph'}})
WITH m.graph_id AS graph_id, coalesce(m.version, 0) AS version
MATCH (s:Node) WHERE s.id IN $ids
MATCH (s)((a:Node)-[r:REPORTS_TO|POST_IN|PART_OF|HOLDS|HEADS|RESPONSIBLE_FOR]-(b:Node)
    WHERE (startNode(r) = a) = (type(r) IN ['REPORTS_TO', 'POST_IN', 'PART_OF', 'HOLDS'])
      AND (type(r) <> 'RESPONSIBLE_FOR' OR r.raci = 'A')
      AND {_valid('r')} AND {_valid('b')})*(x:Node)
WITH graph_id, version, collect(DISTINCT x) AS up
CALL (up) {{
  UNWIND up AS t
  MATCH (t)<-[r:RESPONSIBLE_FOR]-(o:Node) WHERE {_valid('r')} AND {_valid('o')}
  RETURN collect(DISTINCT o) AS owners
}}
WITH graph_id, version, up + [o IN owners WHERE NOT o IN up] AS found
UNWIND found AS a
OPTIONAL MATCH (a)-[r:REPORTS_TO|POST_IN|PART_OF|HOLDS|HEADS|RESPONSIBLE_FOR]->(b:Node)
WHERE b IN found AND {_valid('r')}
RETURN graph_id, version, a {{.*}} AS props,
       collect(CASE WHEN r IS NULL THEN NULL
               ELSE {{props: r {{.*}}, type: type(r), target: b.id}} END) AS edges
"""

#: The edge with key ``$key`` (starting at ``$source`` when the key names it, else anywhere).
EDGE_BY_KEY = """
MATCH (a:Node)-[r]->(b:Node)
WHERE ($source IS NULL OR a.id = $source) AND r.key = $key
RETURN r {.*} AS props, type(r) AS type, a.id AS source, b.id AS target
"""

# -- audit ---------------------------------------------------------------------------------------

AUDIT_APPEND = """
MATCH (m:Meta {key: 'graph'})
SET m.audit_seq = coalesce(m.audit_seq, 0) + 1
CREATE (a:AuditEntry {seq: m.audit_seq, at: datetime(), actor: $actor, action: $action,
                      record_key: $record_key, before: $before, after: $after, ends: $ends,
                      change: coalesce($change, m.audit_seq), comment: $comment})
RETURN a.seq AS seq
"""
# Of the keys a load changes, those the log has writes for, each with its last record.
AUDITED_LAST = """
UNWIND $keys AS key
MATCH (a:AuditEntry {record_key: key})
WITH key, a ORDER BY a.seq DESC
WITH key, collect(a)[0] AS last
RETURN key, last.after AS after
"""
# With $with_edges, also the edges keyed TYPE:from->to#topic with the node at an end, read as
# orgmodel.records.keyed_by reads them (ids hold one colon and no "->"), and the edges with an
# id of their own by the ends written with them (orgmodel.records.record_ends).
_AUDIT_ASKED = """
MATCH (a:AuditEntry)
WITH a, split(a.record_key, '#')[0] AS head
WHERE ($record_key IS NULL OR a.record_key = $record_key
   OR ($with_edges AND ($record_key IN coalesce(a.ends, []) OR (head CONTAINS '->'
       AND (head ENDS WITH '->' + $record_key OR head CONTAINS ':' + $record_key + '->')))))
  AND ($actor IS NULL OR a.actor = $actor)
  AND ($since IS NULL OR a.at >= $since) AND ($until IS NULL OR a.at < $until)
"""
AUDIT_LOG = _AUDIT_ASKED + """\
RETURN a {.*} AS props ORDER BY a.seq DESC SKIP $offset LIMIT $limit
"""
# The same writes counted, on every page: the total a reader paging through them is told.
AUDIT_COUNT = _AUDIT_ASKED + """\
RETURN count(a) AS total
"""

# -- label/type templates (whitelist only) ------------------------------------------------------

_KIND_LABELS = tuple(kind.value for kind in Kind)


def update_nodes_query(kind: Kind) -> str:
    """Replace the properties of visible nodes, now of ``kind`` (other kind labels removed)."""
    label = Kind(kind).value
    others = "".join(f":{other}" for other in _KIND_LABELS if other != label)
    return _UPDATE_NODES.format(label=label, others=others)


def upsert_nodes_query(kind: Kind) -> str:
    """Create or replace visible nodes, now of ``kind`` (other kind labels removed)."""
    label = Kind(kind).value
    others = "".join(f":{other}" for other in _KIND_LABELS if other != label)
    return _UPSERT_NODES.format(label=label, others=others)


def _stage_label(label: StageLabel) -> str:
    if label not in ("Node", "Pending"):
        raise ValueError(f"not a staging label: {label!r}")
    return label


def upsert_edges_query(edge_type: EdgeType, source_label: StageLabel,
                       target_label: StageLabel) -> str:
    """MERGE edges of one type by key between visible or staged nodes."""
    return _UPSERT_EDGES.format(rel_type=EdgeType(edge_type).value,
                                source_label=_stage_label(source_label),
                                target_label=_stage_label(target_label))


def create_edges_query(source_label: StageLabel, target_label: StageLabel) -> str:
    """CREATE new edges (keys not in the graph) between visible or staged nodes.

    Each row carries its type (``row.type``), so one statement writes edges of every type.

    Examples
    --------
    >>> create_edges_query("Pending", "Node").splitlines()[2]
    'MATCH (a:Pending {id: row.source}) MATCH (b:Node {id: row.target})'
    """
    return _CREATE_EDGES.format(source_label=_stage_label(source_label),
                                target_label=_stage_label(target_label))


def delete_edges_query(edge_type: EdgeType) -> str:
    """Delete visible edges of one type by (source, key, target)."""
    return _DELETE_EDGES.format(rel_type=EdgeType(edge_type).value)


def update_edges_query(edge_type: EdgeType) -> str:
    """Replace the properties of visible edges of one type."""
    return _UPDATE_EDGES.format(rel_type=EdgeType(edge_type).value)


def move_edges_query(edge_type: EdgeType) -> str:
    """Update where visible edges of one type were read from."""
    return _MOVE_EDGES.format(rel_type=EdgeType(edge_type).value)
