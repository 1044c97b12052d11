"""Small indexes built from hand-written SearchDocuments, for tests that need no Pelican build."""

from __future__ import annotations

import pytest

from plugins.search.collection import weighting
from plugins.search.documents import SearchDocument
from plugins.search.indexing import open_index, update_index
from plugins.search.settings import DEFAULT_BOOSTS


def make_document(slug: str, **fields) -> SearchDocument:
    values = dict(url=f"2025/04/06/{slug}/", title=slug.replace("-", " ").title(), summary="A summary.",
                  body="Body text.", names="", section="strikes", section_name="Strikes", topics=[], people=[],
                  places=[], published=1743922800, date="6 April 2025", spans=[[20184, 20184]])
    values.update(fields)
    return SearchDocument(**values)


DOCUMENTS = [
    make_document("missile-strike", title="Missile strike on Kryvyi Rih kills 18",
                  summary="A ballistic missile hit a residential area.",
                  body="Eighteen people died when a ballistic missile struck Kryvyi Rih near a playground.",
                  names="Kryvyi Rih\nKryvyy Rih\nVolodymyr Zelenskyy\nZelensky", places=["kryvyi-rih"],
                  people=["volodymyr-zelenskyy"], topics=["missiles", "children"],
                  spans=[[20182, 20182], [20184, 20184]]),
    make_document("drone-attack", title="Drone attack on Kryvyi Rih",
                  summary="Drones struck the city again after the missile strike.",
                  body="Russian drones attacked Kryvyi Rih. One person was killed in the strikes.",
                  names="Kryvyi Rih\nKryvyy Rih", places=["kryvyi-rih"], topics=["drones"],
                  published=1743933600, spans=[[20179, 20208]]),
    make_document("peace-talks", title="Peacekeeping force talks in Kyiv", section="diplomacy",
                  section_name="Diplomacy", summary="Military chiefs met in Kyiv.",
                  body="The talks were about a force that could deploy after a ceasefire. Strike back, they said.",
                  names="Kyiv\nVolodymyr Zelenskyy\nZelensky", places=["kyiv"], people=["volodymyr-zelenskyy"],
                  topics=["peacekeeping"], published=1743915600, spans=[[20183, 20183], [20184, 20184]]),
    make_document("aid-pause", title="US pause in military aid", section="military-aid", section_name="Military aid",
                  summary="Aid was halted on 3 March and restored on 11 March.",
                  body="The United States paused military aid to Ukraine in March 2025.",
                  names="United States\nDonald Trump", places=["united-states"], people=["donald-trump"],
                  published=1743951600, spans=[[20150, 20158], [20184, 20184]]),
]


@pytest.fixture
def index_path(tmp_path):
    path = tmp_path / "index"
    update_index(path, DOCUMENTS, DEFAULT_BOOSTS)
    return path


@pytest.fixture
def searcher(index_path):
    with open_index(index_path).searcher(weighting=weighting()) as searcher:
        yield searcher
