"""The embedded store: the validated dataset as a networkx graph, zero set-up.

Examples
--------
>>> from orgmodel.records import NODE_ADAPTER, EdgeRecord
>>> def node(**kw):
...     return NODE_ADAPTER.validate_python({"source": "seed", "confidence": "high", **kw})
>>> def edge(**kw):
...     return EdgeRecord.model_validate({"source": "seed", "confidence": "high", **kw})
>>> ds = Dataset.build(
...     [node(id="body:kb", kind="Body", name="Kommunalbestyrelsen", classification="council"),
...      node(id="unit:lon", kind="Unit", name="Lønenheden", level="enhed"),
...      node(id="post:leder", kind="Post", name="Enhedsleder"),
...      node(id="task:lon", kind="Task", name="Løn", kle="81.15.00")],
...     [edge(type="HEADS", **{"from": "post:leder", "to": "unit:lon"}),
...      edge(type="REPORTS_TO", **{"from": "post:leder", "to": "body:kb"}),
...      edge(type="RESPONSIBLE_FOR", raci="A", **{"from": "unit:lon", "to": "task:lon"})])
>>> store = MemoryStore(ds)
>>> answer = store.owners("payroll")[0]
>>> answer.owners[0].name, answer.accountable_post.name, [p.name for p in answer.escalation]
('Lønenheden', 'Enhedsleder', ['Kommunalbestyrelsen'])
>>> [n.id for n in store.chain("unit:lon")]
['unit:lon', 'post:leder', 'body:kb']
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterator
from datetime import date
from functools import cached_property

import networkx as nx

from orgmodel.contract import (
    EdgeView,
    Membership,
    NodePage,
    NodeRef,
    NodeView,
    Note,
    OwnerEntry,
    OwnersResult,
    Responsibility,
    SearchResult,
    Subgraph,
)
from orgmodel.dataset import Dataset
from orgmodel.exceptions import NotFoundError, NotValidOnDateError
from orgmodel.kle import is_kle_number, kle_group_asked
from orgmodel.kle_catalogue import ROUTE_MARGIN, Matched, route, route_number
from orgmodel.records import AnyNode, EdgeRecord, is_node_id
from orgmodel.schema import Confidence, EdgeType, Kind, Raci
from orgmodel.search import SearchIndex
from orgmodel.semantics import (
    ANSWER_MIN,
    CHAIN_KINDS,
    MEMBERSHIP_EDGES,
    OWNER_MATCH_RATIO,
    RACI_ORDER,
    USED_KINDS,
    WEAK_MATCH,
    both_names,
    edge_view,
    is_valid,
    node_ref,
    node_view,
    note,
    task_ref,
)
from orgmodel.text import visible, without_lone_tokens, without_pronoun_it
from orgmodel.vocabulary import Vocabulary, load_vocabulary, search_docs

__all__ = ["MemoryStore"]

#: Most shortest paths enumerated before ranking (both stores use the same bound).
PATH_CANDIDATES = 1000
_ORG_KINDS = frozenset({Kind.UNIT, Kind.BODY, Kind.FORUM, Kind.ORGANISATION})


class MemoryStore:
    """The query contract over an in-memory networkx ``MultiDiGraph``."""

    def __init__(self, dataset: Dataset, vocabulary: Vocabulary | None = None) -> None:
        self.dataset = dataset
        self.vocabulary = vocabulary or load_vocabulary()
        # Plain adjacency lists answer the contract's queries; building a networkx graph of
        # 150,000 edges costs seconds, so it is made only when whole-graph algorithms need it.
        self._outgoing: dict[str, list[EdgeRecord]] = defaultdict(list)
        self._incoming: dict[str, list[EdgeRecord]] = defaultdict(list)
        for edge in dataset.edges.values():
            self._outgoing[edge.source_id].append(edge)
            self._incoming[edge.target_id].append(edge)
        self._tasks_by_kle = sorted(
            (kle, node.id)
            for node in dataset.nodes.values()
            if node.kind == Kind.TASK.value and (kle := getattr(node, "kle", None))
        )
        # A word KLE writes is a word, not a typo of one the data writes ("forsaltning" is no
        # misspelt "forvaltning"): it is read only at a typo's strength.
        self.index = SearchIndex(
            search_docs(dataset.nodes.values(), self.vocabulary), self.vocabulary.synonyms,
            known=self.vocabulary.catalogue.knows,
        )

    # -- validity -----------------------------------------------------------------------------

    def _record(self, node_id: str, when: date) -> AnyNode:
        node: AnyNode | None = self.dataset.nodes.get(node_id)
        if node is None:
            raise NotFoundError(node_id)
        if not is_valid(node.valid_from, node.valid_to, when):
            raise NotValidOnDateError(node_id, when, node.valid_from, node.valid_to)
        return node

    def _alive(self, node_id: str, when: date) -> bool:
        node = self.dataset.nodes.get(node_id)
        return node is not None and is_valid(node.valid_from, node.valid_to, when)

    @cached_property
    def graph(self) -> nx.MultiDiGraph:
        """The whole graph (all dates) as a networkx ``MultiDiGraph``, edges keyed by key."""
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node_id, {"r": node}) for node_id, node in self.dataset.nodes.items())
        graph.add_edges_from(
            (e.source_id, e.target_id, key, {"r": e}) for key, e in self.dataset.edges.items()
        )
        return graph

    def _out(self, node_id: str, when: date, *types: EdgeType) -> Iterator[EdgeRecord]:
        for edge in self._outgoing.get(node_id, ()):
            if (
                (not types or edge.type in types)
                and is_valid(edge.valid_from, edge.valid_to, when)
                and self._alive(edge.target_id, when)
            ):
                yield edge

    def _in(self, node_id: str, when: date, *types: EdgeType) -> Iterator[EdgeRecord]:
        for edge in self._incoming.get(node_id, ()):
            if (
                (not types or edge.type in types)
                and is_valid(edge.valid_from, edge.valid_to, when)
                and self._alive(edge.source_id, when)
            ):
                yield edge

    # -- nodes ---------------------------------------------------------------------------------

    def node(self, node_id: str, *, as_of: date | None = None) -> NodeView:
        """One node; raises NotFoundError."""
        return node_view(self._record(node_id, as_of or date.today()))

    def edges_of(self, node_id: str, *, as_of: date | None = None) -> list[EdgeView]:
        """All edges touching a node, sorted by key."""
        when = as_of or date.today()
        self._record(node_id, when)
        edges = {
            e.key: e for e in itertools.chain(self._out(node_id, when), self._in(node_id, when))
        }
        return [edge_view(edges[key]) for key in sorted(edges)]

    def list_nodes(
        self,
        *,
        kind: Kind | None = None,
        text: str | None = None,
        offset: int = 0,
        limit: int = 50,
        as_of: date | None = None,
        confidence: Confidence | None = None,
    ) -> NodePage:
        """Nodes filtered by kind, text and confidence (search order for text, else by id)."""
        when = as_of or date.today()
        if text and text.strip():
            hits = self.search(text, kinds=[kind] if kind else None, limit=10_000, as_of=when)
            ids = [hit.id for hit in hits]
        else:
            ids = sorted(
                node.id
                for node in self.dataset.nodes.values()
                if (kind is None or node.kind == kind)
                and is_valid(node.valid_from, node.valid_to, when)
            )
        if confidence is not None:
            ids = [i for i in ids if self.dataset.nodes[i].confidence == confidence]
        items = [node_view(self.dataset.nodes[i]) for i in ids[offset : offset + limit]]
        return NodePage(total=len(ids), offset=offset, limit=limit, items=items)

    # -- search and owners ---------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        kinds: Collection[Kind] | None = None,
        limit: int = 20,
        as_of: date | None = None,
    ) -> list[SearchResult]:
        """Danish-aware search, best first."""
        when = as_of or date.today()
        hits = self.index.search(
            query,
            kinds={str(k) for k in kinds} if kinds else None,
            allowed=lambda node_id: self._alive(node_id, when),
            limit=limit,
        )
        nodes = self.dataset.nodes
        return [
            SearchResult(id=h.id, name=nodes[h.id].name, name_en=nodes[h.id].name_en,
                         kind=Kind(nodes[h.id].kind), score=h.score)
            for h in hits
        ]

    def owners(
        self, query: str, *, limit: int = 5, as_of: date | None = None
    ) -> list[OwnersResult]:
        """Who owns the tasks matching a task id, a KLE number or free text, best first."""
        when = as_of or date.today()
        return [
            self._owners_of(task_id, score, when, found_by)
            for task_id, score, found_by in self.match_tasks(query.strip(), limit, when)
        ]

    def match_tasks(self, query: str, limit: int, when: date) -> list[Matched]:
        """The tasks a question names: a task id, a KLE number (or group) or free text.

        Free text is matched against the tasks' own words first, then read against the whole
        KLE catalogue (:func:`~orgmodel.kle_catalogue.route`), with notes on how a task was
        found that way.
        """
        query = visible(query)  # the rules below read the text as written, not folded
        node = self.dataset.nodes.get(query)
        if node is not None:
            # Another node's id ("system:aula") names no task; read as words, it would meet
            # tasks on "system" alone. Who is in charge of it is the owners hint's to say.
            is_task = node.kind == Kind.TASK.value and self._alive(query, when)
            return [(query, 1.0, ())] if is_task else []
        if is_node_id(query):  # "task:does-not-exist" names no node: its words name no task
            return []

        def tasks_under(number: str) -> list[str]:
            # A main group ("81") holds every task in it; a topic number only its own tasks.
            return sorted(task_id for kle, task_id in self._tasks_with_kle(number)
                          if (len(number) == 2 or kle == number) and self._alive(task_id, when))

        def by_number(number: str) -> list[Matched]:
            found = sorted(
                (kle != number, kle, task_id)
                for kle, task_id in self._tasks_with_kle(number)
                if self._alive(task_id, when)
            )
            if not found:  # none filed there: the general task a level or two up, if any
                return route_number(number, tasks_under, self.vocabulary.catalogue)[:limit]
            return [(task_id, 0.9 if prefix else 1.0, ()) for prefix, _, task_id in found[:limit]]

        if is_kle_number(query):
            return by_number(query)
        group = kle_group_asked(query)
        query = without_pronoun_it(without_lone_tokens(query))
        hits = (self.search(query, kinds=[Kind.TASK], limit=limit, as_of=when)
                if query.strip() else [])
        if not hits and group is not None:
            # "hvem har ansvaret for 81?": its words name no task, its number does (the
            # search leaves two digits out, as counts: the KLE hint read the number, and
            # said no task covered it).
            return by_number(group)
        if not query.strip():
            return []
        hits = [hit for hit in hits if hit.score >= ANSWER_MIN]
        best = hits[0].score if hits else 0.0
        strong = [(h.id, h.score) for h in hits if h.score >= best * OWNER_MATCH_RATIO]
        matched = route(query, strong, tasks_under, self.vocabulary.catalogue)
        matched = _merged(matched, self._tasks_using(query, best, when))[:limit]
        # A weak match is still an answer (it is often the right one), but not a sure one.
        return [(task_id, score, found_by if score >= WEAK_MATCH else
                 (*found_by, note("weak_match"))) for task_id, score, found_by in matched]

    def _tasks_using(self, query: str, best_task: float, when: date) -> list[Matched]:
        """The tasks that use a system or asset the question names better than any task.

        A question often names the tool, not the work: "hvem ejer RolleBi" asks who keeps the
        books, since bookkeeping USES RolleBi. As with a KLE reading, the tool must fit the
        question clearly better than every task does (by ``ROUTE_MARGIN``), and at least as
        well as a weak match: a tool that merely shares a word with the question (the payroll
        system for "løn", "Politiker Web" for "website") adds nothing.
        """
        found: list[Matched] = []
        for hit in self.search(query, kinds=USED_KINDS, limit=3, as_of=when):
            if hit.score < max(WEAK_MATCH, best_task + ROUTE_MARGIN):
                break
            users = sorted({e.source_id for e in self._in(hit.id, when, EdgeType.USES)
                            if self.dataset.nodes[e.source_id].kind == Kind.TASK.value})
            via = note("via_used", both_names(self.dataset.nodes[hit.id]))
            found += [(task_id, hit.score, (via,)) for task_id in users]
        return found

    def _tasks_with_kle(self, prefix: str) -> Iterator[tuple[str, str]]:
        """(KLE number, task id) of the tasks whose number starts with ``prefix``."""
        start = bisect.bisect_left(self._tasks_by_kle, (prefix, ""))
        return itertools.takewhile(lambda pair: pair[0].startswith(prefix),
                                   self._tasks_by_kle[start:])

    def _owners_of(self, task_id: str, score: float, when: date,
                   found_by: tuple[Note, ...] = ()) -> OwnersResult:
        task = self.dataset.nodes[task_id]
        notes = list(found_by)
        inherited_from: str | None = None
        edges = list(self._in(task_id, when, EdgeType.RESPONSIBLE_FOR))
        current = task_id
        seen = {task_id}
        while not edges:
            parents = sorted(e.target_id for e in self._out(current, when, EdgeType.PART_OF))
            if not parents or parents[0] in seen:
                notes.append(note("no_owner"))
                break
            current = parents[0]
            seen.add(current)
            edges = list(self._in(current, when, EdgeType.RESPONSIBLE_FOR))
            if edges:
                inherited_from = current
                notes.append(note("inherited", both_names(self.dataset.nodes[current])))
        edges.sort(key=lambda e: (RACI_ORDER.index(str(e.raci)), e.source_id))
        owners = [
            OwnerEntry(
                **node_ref(self.dataset.nodes[e.source_id]).model_dump(),
                raci=e.raci or Raci.R,
                inherited_from=inherited_from,
                confidence=e.confidence,
                source=e.source,
            )
            for e in edges
        ]
        accountable = next((o for o in owners if o.raci is Raci.A), None)
        post: NodeRef | None = None
        escalation: list[NodeRef] = []
        if accountable is not None:
            post = self._accountable_post(accountable.id, when, notes)
            start = post.id if post else accountable.id
            escalation = [
                ref for ref in self.chain(start, as_of=when)[1:] if ref.kind in CHAIN_KINDS
            ]
        elif owners:  # roles, but no one accountable (its owner ended): said, not left out
            notes.append(note("no_accountable"))
        sources = sorted({task.source, *(e.source for e in edges)})
        return OwnersResult(
            task=task_ref(task),
            score=score,
            owners=owners,
            accountable_post=post,
            escalation=escalation,
            sources=sources,
            notes=notes,
        )

    def _accountable_post(self, owner_id: str, when: date, notes: list) -> NodeRef | None:  # type: ignore[type-arg]
        owner = self.dataset.nodes[owner_id]
        if owner.kind == Kind.POST.value:
            return node_ref(owner)
        current, seen = owner_id, set()
        while current not in seen:
            seen.add(current)
            head = self._head(current, when)
            if head is not None:
                if current != owner_id:
                    notes.append(note("fallback_parent", both_names(owner),
                                      both_names(self.dataset.nodes[current])))
                return node_ref(self.dataset.nodes[head])
            parent = self._parent(current, when)
            if parent is None:
                break
            current = parent
        notes.append(note("no_head", both_names(owner)))
        return None

    # -- hierarchy ------------------------------------------------------------------------------

    def _head(self, node_id: str, when: date) -> str | None:
        heads = sorted(e.source_id for e in self._in(node_id, when, EdgeType.HEADS))
        return heads[0] if heads else None

    def _parent(self, node_id: str, when: date) -> str | None:
        parents = sorted(e.target_id for e in self._out(node_id, when, EdgeType.PART_OF))
        return parents[0] if parents else None

    def _next_up(self, node_id: str, kind: Kind, when: date, seen: set[str]) -> str | None:
        """The next step up the reporting line (see docs/query-contract.md)."""
        if kind is Kind.POST:
            bosses = sorted(
                (self.dataset.nodes[e.target_id].kind != Kind.POST.value, e.target_id)
                for e in self._out(node_id, when, EdgeType.REPORTS_TO)
            )
            if bosses:
                return bosses[0][1]
            homes = sorted(e.target_id for e in self._out(node_id, when, EdgeType.POST_IN))
            return self._parent(homes[0], when) if homes else None
        if kind is Kind.PERSON:
            posts = sorted(e.target_id for e in self._out(node_id, when, EdgeType.HOLDS))
            return posts[0] if posts else None
        if kind is Kind.TASK:
            owners = sorted(
                e.source_id
                for e in self._in(node_id, when, EdgeType.RESPONSIBLE_FOR)
                if e.raci is Raci.A
            )
            return owners[0] if owners else self._parent(node_id, when)
        if kind is Kind.BODY:  # the political level ends at the top body (the council)
            parent = self._parent(node_id, when)
            return parent if parent and self.dataset.nodes[parent].kind == Kind.BODY.value else None
        if kind in _ORG_KINDS:
            head = self._head(node_id, when)
            if head is not None and head not in seen:
                return head
        return self._parent(node_id, when)

    def chain(self, node_id: str, *, as_of: date | None = None) -> list[NodeRef]:
        """The reporting line from a node up to the top, the node itself first."""
        when = as_of or date.today()
        node = self._record(node_id, when)
        result, seen = [node_ref(node)], {node_id}
        current: str | None = node_id
        while current is not None:
            current = self._next_up(current, Kind(self.dataset.nodes[current].kind), when, seen)
            if current is None or current in seen:
                break
            seen.add(current)
            result.append(node_ref(self.dataset.nodes[current]))
        return result

    def members(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Members of a forum, body or initiative."""
        when = as_of or date.today()
        self._record(node_id, when)
        found = [(e.type, e.source_id, e.role) for e in self._in(node_id, when, *MEMBERSHIP_EDGES)]
        return self._memberships(found)

    def memberships(self, node_id: str, *, as_of: date | None = None) -> list[Membership]:
        """Fora, bodies and initiatives a node belongs to or takes part in."""
        when = as_of or date.today()
        self._record(node_id, when)
        found = [(e.type, e.target_id, e.role) for e in self._out(node_id, when, *MEMBERSHIP_EDGES)]
        return self._memberships(found)

    def _memberships(self, found: list[tuple[EdgeType, str, str | None]]) -> list[Membership]:
        return [
            Membership(node=node_ref(self.dataset.nodes[other]), type=edge_type, role=role)
            for edge_type, other, role in sorted(found, key=lambda f: (f[0], f[1], f[2] or ""))
        ]

    def _descendants(self, node_id: str, when: date) -> list[str]:
        """``node_id``, everything PART_OF it (transitively) and the posts in all of them."""
        found, queue = {node_id}, deque([node_id])
        while queue:
            current = queue.popleft()
            for edge in self._in(current, when, EdgeType.PART_OF, EdgeType.POST_IN, EdgeType.HEADS):
                if edge.source_id not in found:
                    found.add(edge.source_id)
                    queue.append(edge.source_id)
        return sorted(found)

    def responsibilities(
        self, node_id: str, *, descendants: bool = False, as_of: date | None = None
    ) -> list[Responsibility]:
        """Tasks a unit or post holds (with ``descendants``: also what is below it).

        Below a unit are its sub-units and the posts in them; below a post, what it heads too.
        """
        when = as_of or date.today()
        self._record(node_id, when)
        holders = sorted({holder for top in [node_id, *(
            e.target_id for e in self._out(node_id, when, EdgeType.HEADS))]
            for holder in self._descendants(top, when)}) if descendants else [node_id]
        found = [e for h in holders for e in self._out(h, when, EdgeType.RESPONSIBLE_FOR)]
        found.sort(key=lambda e: (e.target_id, RACI_ORDER.index(str(e.raci)), e.source_id))
        nodes = self.dataset.nodes
        return [
            Responsibility(
                task=task_ref(nodes[e.target_id]),
                holder=node_ref(nodes[e.source_id]),
                raci=e.raci or Raci.R,
            )
            for e in found
        ]

    # -- subgraphs ------------------------------------------------------------------------------

    def _subgraph(
        self,
        node_ids: Collection[str],
        when: date,
        keep: Callable[[EdgeRecord], bool] = lambda _: True,
    ) -> Subgraph:
        ids = set(node_ids)
        edges = {
            e.key: e for n in ids for e in self._out(n, when) if e.target_id in ids and keep(e)
        }
        return Subgraph(
            nodes=[node_view(self.dataset.nodes[n]) for n in sorted(ids)],
            edges=[edge_view(edges[k]) for k in sorted(edges)],
        )

    def neighbourhood(
        self,
        node_id: str,
        *,
        depth: int = 1,
        kinds: Collection[Kind] | None = None,
        edge_types: Collection[EdgeType] | None = None,
        as_of: date | None = None,
    ) -> Subgraph:
        """Nodes within ``depth`` steps (either direction), filtered by kind and edge type."""
        when = as_of or date.today()
        self._record(node_id, when)
        types = tuple(edge_types or ())
        wanted = {str(k) for k in kinds} if kinds else None

        def kind_ok(other: str) -> bool:
            return wanted is None or self.dataset.nodes[other].kind in wanted

        found, frontier = {node_id}, [node_id]
        for _ in range(max(depth, 0)):
            following = []
            for current in frontier:
                for e in itertools.chain(
                    self._out(current, when, *types), self._in(current, when, *types)
                ):
                    other = e.target_id if e.source_id == current else e.source_id
                    if other not in found and kind_ok(other):
                        found.add(other)
                        following.append(other)
            frontier = following
        return self._subgraph(found, when, lambda e: not types or e.type in types)

    def paths(
        self, source_id: str, target_id: str, *, max_paths: int = 5, as_of: date | None = None
    ) -> list[list[NodeRef]]:
        """Shortest paths between two nodes, ignoring direction."""
        when = as_of or date.today()
        self._record(source_id, when)
        self._record(target_id, when)
        found = self._shortest_paths(source_id, target_id, when, max_paths)
        return [[node_ref(self.dataset.nodes[n]) for n in path] for path in found[:max_paths]]

    def _shortest_paths(
        self, source_id: str, target_id: str, when: date, max_paths: int
    ) -> list[list[str]]:
        """All shortest undirected paths, in id order, by breadth-first search from the source."""
        predecessors: dict[str, set[str]] = {source_id: set()}
        frontier = [source_id]
        while frontier and target_id not in predecessors:
            reached: dict[str, set[str]] = defaultdict(set)
            for current in frontier:
                for e in itertools.chain(self._out(current, when), self._in(current, when)):
                    other = e.target_id if e.source_id == current else e.source_id
                    if other not in predecessors:
                        reached[other].add(current)
            predecessors.update(reached)
            frontier = list(reached)
        if target_id not in predecessors:
            return []

        def walk(node: str) -> Iterator[list[str]]:
            if node == source_id:
                yield [source_id]
                return
            for before in sorted(predecessors[node]):
                for path in walk(before):
                    yield [*path, node]

        # Hubs can make the number of shortest paths explode; rank at most PATH_CANDIDATES.
        return sorted(itertools.islice(walk(target_id), PATH_CANDIDATES))[:max_paths]

    def subtree(self, node_id: str, *, as_of: date | None = None) -> Subgraph:
        """A unit or body with everything PART_OF it, their posts and the posts' holders."""
        when = as_of or date.today()
        self._record(node_id, when)
        ids = set(self._descendants(node_id, when))
        ids |= {e.source_id for post in list(ids) for e in self._in(post, when, EdgeType.HOLDS)}
        return self._subgraph(ids, when)

    def snapshot(self, *, as_of: date | None = None) -> Dataset:
        """All records valid on the date, for analytics and exports."""
        when = as_of or date.today()
        nodes = {
            i: n for i, n in self.dataset.nodes.items() if is_valid(n.valid_from, n.valid_to, when)
        }
        edges = {
            k: e
            for k, e in self.dataset.edges.items()
            if is_valid(e.valid_from, e.valid_to, when)
            and e.source_id in nodes
            and e.target_id in nodes
        }
        origins = {k: o for k, o in self.dataset.origins.items() if k in nodes or k in edges}
        return Dataset(
            nodes=nodes, edges=edges, sources=dict(self.dataset.sources), origins=origins
        )


def _merged(matched: list[Matched], more: list[Matched]) -> list[Matched]:
    """Both lists of matches, a task once (where it scored best), best first (stable).

    What ``more`` adds fits better than anything in ``matched`` (see ``_tasks_using``), and
    the rule of :data:`OWNER_MATCH_RATIO` holds against it.
    """
    if not more:
        return matched
    best: dict[str, Matched] = {}
    for match in itertools.chain(matched, more):
        if match[0] not in best or match[1] > best[match[0]][1]:
            best[match[0]] = match
    top = max(match[1] for match in more)
    return sorted((m for m in best.values() if m[1] >= top * OWNER_MATCH_RATIO),
                  key=lambda match: -match[1])
