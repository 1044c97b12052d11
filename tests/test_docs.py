"""The docs are part of the product: generated parts current, every setting documented, every link live."""

import ast
import json
import re
import shutil

import jsonschema
import pytest

from plugins.entries.frontmatter import decode, split
from plugins.entries.reference import (REFERENCE_END, REFERENCE_PATH, REFERENCE_START, SCHEMA_PATH,
                                       entry_json_schema, front_matter_reference)
from tests.support.doc_pages import DOCS, INDEX, README, anchors, doc_pages, line_count, local_links, rendered
from tests.support.sites import ROOT

README_TEXT = README.read_text(encoding="utf-8")
README_MAX_LINES = 200


def test_json_schema_file_matches_the_model():
    assert (ROOT / SCHEMA_PATH).read_text(encoding="utf-8") == entry_json_schema(), "run ./dev schema"


def test_front_matter_reference_page_matches_the_model():
    page = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    section = page.split(REFERENCE_START, 1)[1].split(REFERENCE_END, 1)[0]
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


# A setting read by name: settings.get("X" / settings["X"] (any object's settings or context), setting(…, "X").
_READ = re.compile(r"""(?:settings|context)(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]*)["']|\bsetting\([^,()]+,\s*["']([A-Z][A-Z0-9_]*)["']""")


def _settings_read_by_code():
    """(setting, file:line, through setting()) for every setting the plugins and tasks read by name."""
    found = []
    for path in sorted([*(ROOT / "plugins").rglob("*.py"), *(ROOT / "desk").rglob("*.py"), ROOT / "tasks.py"]):
        if "tests" in path.relative_to(ROOT).parts:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in _READ.finditer(line):
                name = match.group(1) or match.group(2)
                found.append((name, f"{path.relative_to(ROOT)}:{number}", match.group(2) is not None))
    return found


def test_the_code_reads_settings_the_scan_finds():
    names = {name for name, _where, _declared in _settings_read_by_code()}
    assert {"SEARCH_SHARD_BYTES", "ENTITY_KINDS_WITH_PAGES", "OUTPUT_PATH", "SITEURL"} <= names


@pytest.mark.parametrize("name,where,through_setting", _settings_read_by_code(), ids=lambda v: str(v))
def test_every_setting_the_code_reads_is_declared(name, where, through_setting):
    from pelican.settings import DEFAULT_CONFIG

    from plugins.contract.settings import BY_NAME, PELICAN_UNDEFAULTED

    if name in BY_NAME:
        assert through_setting, f"{where}: read {name} with setting(settings, {name!r}) so its declared default applies"
    else:
        assert name in DEFAULT_CONFIG or name in PELICAN_UNDEFAULTED, (
            f"{where}: {name} is neither Pelican's nor declared — add it to plugins/contract/settings.py")


@pytest.mark.parametrize("name", _project_settings())
def test_every_project_setting_in_pelicanconf_is_declared(name):
    from plugins.contract.settings import BY_NAME

    assert name in BY_NAME, f"declare {name} (default, meaning) in plugins/contract/settings.py"


def test_settings_page_matches_the_declarations():
    from plugins.contract.settings import SETTINGS_DOC, settings_table

    assert (ROOT / SETTINGS_DOC).read_text(encoding="utf-8") == settings_table(), "run ./dev schema"


@pytest.mark.parametrize("task", ["build", "rebuild", "clean", "serve", "livereload", "check", "new", "test"])
def test_every_task_is_documented_in_the_readme(task):
    assert f"./dev {task}" in README_TEXT


@pytest.mark.parametrize("command", ["./dev serve", "./dev test"])
def test_the_readme_gives_the_two_commands_first(command):
    first = rendered(README).find("h2")
    assert first.get_text() == "The two commands" and command in first.find_next("pre").get_text()


def test_the_readme_is_short_enough_for_a_newcomer():
    assert line_count(README) <= README_MAX_LINES, f"README.md: move reference text to docs/ (limit {README_MAX_LINES})"


def test_the_readme_links_contributing_near_the_top():
    first_links = [link.target.name for link in local_links(README)[:3]]
    assert "CONTRIBUTING.md" in first_links


@pytest.mark.parametrize("page", doc_pages(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_link_between_doc_pages_leads_somewhere(page):
    broken = [link.href for link in local_links(page) if not link.target.exists()
              or (link.anchor and link.target.suffix == ".md" and link.anchor not in anchors(link.target))]
    assert not broken, f"{page.relative_to(ROOT)}: links to missing files or headings: {broken}"


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_every_doc_page_is_on_the_map(page):
    assert page == INDEX or page in {link.target for link in local_links(INDEX)}, \
        f"link docs/{page.name} from docs/index.md"


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_every_doc_page_starts_with_its_title(page):
    assert re.match(r"# \S", page.read_text(encoding="utf-8"))


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


def test_the_readmes_minimal_entry_passes_check_as_a_published_entry(tmp_path):
    from plugins.entries.check import check_files

    block = rendered(README).find(string=re.compile("A minimal published entry")).find_next("code").get_text()
    shutil.copytree(ROOT / "content" / "data", tmp_path / "data")
    entry = tmp_path / "articles" / "2025" / "minimal-entry.md"
    entry.parent.mkdir(parents=True)
    entry.write_text(block, encoding="utf-8")
    warnings = []
    assert [str(p) for p in check_files([entry], tmp_path, warnings=warnings)] == []
    assert "status: published" in block and [str(w) for w in warnings] == []
