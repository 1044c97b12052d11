"""The importer's unit tests read the sample archive's registries (never write them)."""

from pathlib import Path

import pytest

from plugins.entries.registry import load_registries

ROOT = Path(__file__).resolve().parents[3]
PAGES = Path(__file__).resolve().parent / "pages"


@pytest.fixture(scope="session")
def registries():
    return load_registries(ROOT / "content" / "data")
