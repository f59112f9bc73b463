"""Stakeholder analytics on small graphs and on the Albertslund snapshot."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from orgmodel import analytics
from orgmodel.analytics import Quadrant, grid, influence, interest, node_owners, weighted_graph
from orgmodel.records import EdgeRecord
from orgmodel.store.memory import MemoryStore

CHIEF = "post:chef-okonomi-og-stab"


def edge(edge_type: str, source: str, target: str, **extra: object) -> EdgeRecord:
    return EdgeRecord.model_validate({"type": edge_type, "from": source, "to": target,
                                      "source": "seed", "confidence": "high", **extra})


def test_tie_weight_prefers_strength_then_type() -> None:
    assert analytics.tie_weight(edge("COLLABORATES_WITH", "unit:a", "unit:b", strength=5)) == 1.0
    assert analytics.tie_weight(edge("REPORTS_TO", "post:a", "post:b")) == 1.0
    assert analytics.tie_weight(edge("USES", "unit:a", "system:b")) == 0.4


def test_interest_is_the_strongest_chain_within_depth() -> None:
    g = nx.Graph()
    # b is reached strongly in two steps and weakly in one; c lies one step behind b.
    g.add_weighted_edges_from([("ego", "a", 1.0), ("a", "b", 1.0), ("ego", "b", 0.2),
                               ("b", "c", 1.0)])
    scores = interest(g, "ego", depth=2)
    assert scores["b"] == 1.0
    assert scores["c"] == 0.2  # only the direct weak tie leads to c within two steps
    assert "ego" not in scores
    assert interest(g, "nobody") == {}


def test_influence_ranks_the_broker_highest() -> None:
    g = nx.barbell_graph(4, 1)  # two cliques joined through node 4 (between 3 and 5)
    scores = influence(g)
    assert min(scores[n] for n in (3, 4, 5)) > max(scores[n] for n in (0, 1, 2, 6, 7, 8))
    assert min(scores.values()) == 0.0 and max(scores.values()) == 1.0
    assert set(influence(g, within=[0, 4])) == {0, 4}
    assert influence(nx.Graph()) == {}


def test_grid_quadrants_follow_thresholds() -> None:
    g = nx.Graph()
    g.add_weighted_edges_from([("ego", "hub", 1.0), ("hub", "x", 1.0), ("hub", "y", 1.0),
                               ("hub", "z", 1.0), ("ego", "weak", 0.3)])
    scores = {s.id: s for s in grid(g, "ego")}
    assert scores["hub"].quadrant is Quadrant.MANAGE
    assert scores["weak"].quadrant is Quadrant.MONITOR
    assert scores["x"].distance == 2 and scores["x"].quadrant is Quadrant.INFORM


def test_grid_on_a_big_graph_uses_the_ego_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics, "WHOLE_GRAPH_LIMIT", 5)
    g = nx.path_graph(["a", "b", "c", "d", "e", "f", "g"])
    scores = {s.id: s for s in grid(g, "a")}
    assert set(scores) == {"b", "c"}


def test_chief_stakeholders(memory_store: MemoryStore) -> None:
    snapshot = memory_store.snapshot(as_of=date.today())
    actors = analytics.actor_ids(snapshot, ego=CHIEF)
    scores = {s.id: s for s in grid(weighted_graph(snapshot), CHIEF, actors=actors,
                                    ranks=analytics.authority(snapshot),
                                    heads=analytics.headed(snapshot))}
    # The chief's boss, the mayor, the council, the finance committee the chief attends and
    # the two fora the seed names are the ones to manage closely.
    for key in ("post:kommunaldirektor", "post:borgmester", "body:kommunalbestyrelsen",
                "body:okonomiudvalget", "forum:direktorforum", "forum:chefforum"):
        assert scores[key].quadrant is Quadrant.MANAGE, scores[key]
    # Not stakeholders: the municipality the chief works in, and people beside their posts.
    assert "org:albertslund-kommune" not in scores
    assert not [key for key in scores if key.startswith("person:")]
    assert scores["post:kommunaldirektor"].influence > scores["unit:okonomi-og-indkob"].influence
    assert scores["body:okonomiudvalget"].distance == 1
    near = memory_store.neighbourhood(CHIEF, depth=2, as_of=date.today()).nodes
    assert set(scores) == {n.id for n in near if n.id in actors} - {CHIEF}
    assert "task:lon" not in scores
    # The directors, the municipality's top administrative leadership with the municipal
    # director, are to manage closely too: by the share of the organisation below them (the
    # data details one department) a unit of the chief's outranked them.
    for director in ("post:direktor-1", "post:direktor-2"):
        assert scores[director].quadrant is Quadrant.MANAGE, scores[director]
        assert scores[director].influence > scores["post:chef-miljo-og-teknik"].influence
    # A unit's leader is as influential as the unit; the chief's own department is theirs to
    # lead, no stakeholder.
    assert scores["post:enhedsleder-okonomi-og-indkob"].influence == \
        scores["unit:okonomi-og-indkob"].influence
    assert "unit:okonomi-og-stab" not in scores


def test_no_stakeholder_is_less_influential_than_one_it_commands(
        memory_store: MemoryStore) -> None:
    # The chief's own boss ranked below a unit leader reporting to the chief (0.68 against
    # 0.79): that leader's unit holds many ties, and the leader is as central as the unit.
    snapshot = memory_store.snapshot(as_of=date.today())
    under = analytics.commanded(snapshot)
    scores = {s.id: s for s in grid(weighted_graph(snapshot), CHIEF, depth=3,
                                    actors=analytics.actor_ids(snapshot, ego=CHIEF),
                                    ranks=analytics.authority(snapshot),
                                    heads=analytics.headed(snapshot), under=under)}
    assert scores["post:kommunaldirektor"].influence > \
        scores["post:enhedsleder-organisation-og-politik"].influence
    pairs = [(upper, lower) for upper, lowers in under.items() for lower in lowers
             if upper in scores and lower in scores]
    assert len(pairs) > 20
    assert all(scores[upper].influence >= scores[lower].influence for upper, lower in pairs)


def test_influence_follows_the_levels_and_is_the_same_on_every_map(
        memory_store: MemoryStore) -> None:
    # The new chief's probe: the leader of Organisation og Politik (a unit of the one
    # department the data details) outranked both directors (0.79 against 0.54), and the
    # chief scored 1.00 on the mayor's map, as the municipal director did, 0.88 on another's.
    scoring = analytics.StakeholderGrid(memory_store.snapshot(as_of=date.today()))
    chiefs = {s.id: s.influence for s in scoring.scores(CHIEF)}
    for director in ("post:direktor-1", "post:direktor-2"):
        assert chiefs[director] > chiefs["post:enhedsleder-organisation-og-politik"]
    mayors = {s.id: s.influence for s in scoring.scores("post:borgmester")}
    assert mayors["post:kommunaldirektor"] > mayors[CHIEF]
    directors = {s.id: s.influence for s in scoring.scores("post:direktor-1")}
    for key in set(chiefs) & set(mayors) & set(directors):
        assert chiefs[key] == mayors[key] == directors[key], key
    assert len(set(chiefs) & set(mayors) & set(directors)) > 10


def test_node_owners(memory_store: MemoryStore) -> None:
    snapshot = memory_store.snapshot(as_of=date.today())
    owners = node_owners(snapshot)
    assert owners["task:lon"] == "unit:organisation-og-politik"  # the accountable unit
    assert owners["unit:okonomi-og-stab"] == CHIEF  # its head
    assert owners[CHIEF] == "post:kommunaldirektor"  # the post it reports to
    # ... and a unit's leader is not owned by the unit it leads: by the chief above it
    assert owners["post:enhedsleder-okonomi-og-indkob"] == CHIEF
    assert owners["post:kontraktansvarlig"] == "post:enhedsleder-okonomi-og-indkob"
    assert set(node_owners(snapshot, ids=["task:lon"])) == {"task:lon"}
    assert analytics.kle_main_group("85.11.06") == "85"
    assert analytics.kle_main_group("x") is None


def test_authority_follows_the_hierarchy(memory_store: MemoryStore) -> None:
    ranks = analytics.authority(memory_store.snapshot(as_of=date.today()))
    assert ranks["body:kommunalbestyrelsen"] == ranks["post:borgmester"] == 1.0
    assert ranks["post:kommunaldirektor"] > ranks[CHIEF] \
        > ranks["post:enhedsleder-okonomi-og-indkob"]
    assert ranks["task:lon"] == 0.0
    # Levels, not the share below: a director above departments named only by their names
    # outranks a unit of the one described in detail.
    assert ranks["post:direktor-1"] > ranks["unit:organisation-og-politik"]
    # A committee or forum carries the authority of its most senior member.
    assert ranks["body:okonomiudvalget"] == ranks["post:borgmester"]
    assert ranks["forum:chefforum"] >= ranks["post:kommunaldirektor"]
