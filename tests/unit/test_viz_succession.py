"""A view asked for a post that was handed over: said so, with the post that took over."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
from test_viz_routes import run

from orgmodel.batch import apply_all
from orgmodel.dataset import Dataset
from orgmodel.records import NODE_ADAPTER
from orgmodel.store.memory import MemoryStore
from orgmodel.succession import succession
from viz.routes import create_views_app

CHIEF = "post:chef-okonomi-og-stab"


def test_a_stakeholder_map_of_a_post_handed_over_names_the_post_that_took_over(
        albertslund: Dataset) -> None:
    # The successor probe: "Ingen stilling hedder »post:chef-okonomi-og-stab«", though it
    # was there until the day before, and the posts suggested had ended too
    new = NODE_ADAPTER.validate_python({"id": "post:okonomidirektor", "kind": "Post",
                                        "name": "Økonomidirektør", "source": "seed",
                                        "confidence": "medium"})
    changes = apply_all(albertslund, succession(albertslund, CHIEF, new,
                                                from_day=date(2027, 1, 1)))
    store = MemoryStore(changes[-1].dataset)

    async def check(client: httpx.AsyncClient) -> None:
        page: Any = await client.get("/views/stakeholders",
                                     params={"post": CHIEF, "as_of": "2027-06-01"})
        assert page.status_code == 404
        assert ("Stillingen »Chef for Økonomi og Stab« gælder ikke pr. 2027-06-01, men til "
                "2026-12-31.") in page.text
        assert "post=post%3Aokonomidirektor" in page.text and "Økonomidirektør" in page.text
        # the day before, it is the map it was
        before = await client.get("/views/stakeholders",
                                  params={"post": CHIEF, "as_of": "2026-12-31"})
        assert before.status_code == 200

    run(create_views_app(store), check)
