"""The docs are part of the product: generated parts current, every setting documented."""

import ast
import json
import re

import jsonschema
import pytest

from plugins.entries.reference import README_END, README_START, SCHEMA_PATH, entry_json_schema, front_matter_reference
from plugins.entries.frontmatter import decode, split
from tests.support.sites import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_json_schema_file_matches_the_model():
    assert (ROOT / SCHEMA_PATH).read_text(encoding="utf-8") == entry_json_schema(), "run ./dev schema"


def test_readme_front_matter_reference_matches_the_model():
    section = README.split(README_START, 1)[1].split(README_END, 1)[0]
    assert section.strip() == front_matter_reference().strip(), "run ./dev schema"


@pytest.mark.parametrize("path", sorted((ROOT / "content" / "articles").rglob("*.md")), ids=lambda p: p.name)
def test_sample_entries_validate_against_the_exported_schema(path):
    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    data = split(decode(path.read_bytes(), str(path)), str(path)).data
    jsonschema.validate(data, schema)


def test_schema_rejects_what_the_reader_rejects():
    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "T", "date": "2025-04-05", "summary": "S", "section": "s", "sumary": "x"}, schema)


def _project_settings():
    """Settings pelicanconf.py defines below its '# Project settings' line (Pelican's own are above)."""
    text = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    tree = ast.parse(text.split("\n# Project settings", 1)[1].split("\n", 1)[1])
    return sorted({t.id for node in tree.body if isinstance(node, ast.Assign) for t in node.targets
                   if isinstance(t, ast.Name) and t.id.isupper()})


def test_project_settings_are_found():
    assert "JSON_FEED_SAVE_AS" in _project_settings()


@pytest.mark.parametrize("name", _project_settings())
def test_every_project_setting_is_documented(name):
    assert re.search(rf"`{name}`", README), f"document {name} in the README's Settings table"


@pytest.mark.parametrize("task", ["build", "rebuild", "clean", "serve", "livereload", "check", "new", "test"])
def test_every_task_is_documented(task):
    assert f"./dev {task}" in README


@pytest.mark.parametrize("name", ["CONTRIBUTING.md", "content/pages/about.md"])
def test_claim_status_glossary_matches_the_code(name):
    from plugins.entries.statuses import GLOSSARY_END, GLOSSARY_START, between, glossary_markdown

    text = (ROOT / name).read_text(encoding="utf-8")
    assert between(text, GLOSSARY_START, GLOSSARY_END) == glossary_markdown(), "run ./dev schema"


def test_json_schema_gives_the_same_status_definitions():
    from plugins.entries.statuses import CLAIM_STATUSES

    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    described = schema["$defs"]["Claim"]["properties"]["status"]["description"]
    assert all(f"{s.id}: {s.definition}" in described for s in CLAIM_STATUSES)


def test_docs_page_documents_every_column_of_claims_csv():
    from plugins.claims.exports import CLAIM_FIELDS

    page = (ROOT / "docs" / "sources-and-claims.md").read_text(encoding="utf-8")
    section = page.split("## Open data", 1)[1].split("\n## ", 1)[0]
    documented = [line.split("|")[1].strip().strip("`") for line in section.splitlines() if line.startswith("| `")]
    assert documented == list(CLAIM_FIELDS)
