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


# A setting read by name: settings.get("X" / settings["X"] (any object's settings or context), setting(…, "X").
_READ = re.compile(r"""(?:settings|context)(?:\.get\(|\[)\s*["']([A-Z][A-Z0-9_]*)["']|\bsetting\([^,()]+,\s*["']([A-Z][A-Z0-9_]*)["']""")


def _settings_read_by_code():
    """(setting, file:line, through setting()) for every setting the plugins and tasks read by name."""
    found = []
    for path in sorted([*(ROOT / "plugins").rglob("*.py"), ROOT / "tasks.py"]):
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
def test_every_task_is_documented(task):
    assert f"./dev {task}" in README
