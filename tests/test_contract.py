"""The plugins meet only through the declared contract (plugins/contract): the code shows it.

The tools outside the build (desk/) are consumers: they import only the plugins'
declared modules, and no plugin (nor its tests) imports them. Every package is
imported by its name (./dev installs them editable), so no code patches sys.path.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import tomllib
from pathlib import Path

import pytest
from pelican.writers import FileOverwriteFailedError, Writer

from plugins.contract import PUBLIC
from plugins.contract import signals as contract_signals
from tests.support.sites import FIXTURES, ROOT, build_site

PLUGINS = ROOT / "plugins"
DESK = ROOT / "desk"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _source_files():
    return sorted(p for p in PLUGINS.rglob("*.py") if "tests" not in p.relative_to(PLUGINS).parts)


MODULES = {_module_name(path): path for path in _source_files()}
DESK_MODULES = {_module_name(path): path for path in sorted(DESK.rglob("*.py"))
                if "tests" not in path.relative_to(DESK).parts}


def _imports(path: Path, root: str = "plugins"):
    """(imported module, line, inside a function) for every import of a ``<root>.…`` module in ``path``."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = {id(node) for top in ast.walk(tree) if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef))
                 for node in ast.walk(top)}
    for node in ast.walk(tree):
        nested = id(node) in functions
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == root or alias.name.startswith(root + "."):
                    yield alias.name, node.lineno, nested
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target != root and not target.startswith(root + "."):
                continue
            for alias in node.names:  # ``from plugins.x import module`` imports the module
                submodule = f"{target}.{alias.name}"
                yield (submodule if submodule in MODULES else target), node.lineno, nested


def _plugin(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _cross_plugin_imports():
    for module, path in MODULES.items():
        for target, line, nested in _imports(path):
            if _plugin(target) and _plugin(target) != _plugin(module):
                yield module, target, f"{path.relative_to(ROOT)}:{line}", nested


def test_the_scan_finds_cross_plugin_imports():
    targets = {target for _module, target, _where, _nested in _cross_plugin_imports()}
    assert {"plugins.contract", "plugins.entries.dates"} <= targets


@pytest.mark.parametrize("module,target,where,nested", list(_cross_plugin_imports()), ids=lambda v: str(v))
def test_a_plugin_imports_another_only_through_the_declared_contract(module, target, where, nested):
    declared = target in PUBLIC or target.startswith("plugins.contract")
    assert declared, f"{where}: {module} imports {target}, which plugins/contract PUBLIC does not declare"
    assert not nested, f"{where}: move the import of {target} to the top of the module, where readers see it"


def test_the_tools_outside_the_build_import_only_declared_plugin_modules():
    """desk/ is a consumer, like tasks.py: it imports what PUBLIC declares, nothing else of a plugin."""
    found = [f"{path.relative_to(ROOT)}:{line}: {target}" for path in DESK_MODULES.values()
             for target, line, _nested in _imports(path)
             if target not in PUBLIC and not target.startswith("plugins.contract")]
    assert found == []
    assert "desk.sitebuild.build" in DESK_MODULES and "plugins.entries.reader" in PUBLIC


def _desk_imports():
    """Every import of ``desk`` by a module under plugins/, its tests too."""
    return [f"{path.relative_to(ROOT)}:{line}: {target}" for path in sorted(PLUGINS.rglob("*.py"))
            for target, line, _nested in _imports(path, root="desk")]


def test_no_plugin_imports_the_tools_outside_the_build():
    """Pelican loads plugins/ and never desk/: a plugin that imported desk would tie the build to the tools."""
    assert _desk_imports() == []


def test_the_desk_scan_finds_an_import_of_desk(tmp_path, monkeypatch):
    module = tmp_path / "module.py"
    module.write_text("import desk.sitebuild\nfrom desk.search.service import SearchService\n"
                      "def f():\n    from desk import importer\n", encoding="utf-8")
    monkeypatch.setitem(globals(), "ROOT", tmp_path)
    assert [t for t, _line, _nested in _imports(module, root="desk")] == [
        "desk.sitebuild", "desk.search.service", "desk"]


def _import_graph() -> dict:
    """module -> modules it imports (every import, those inside functions too)."""
    return {module: sorted({t for t, _line, _nested in _imports(path) if t in MODULES and t != module})
            for module, path in MODULES.items()}


def _cycles(graph: dict) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index, low, stack, on_stack, groups, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for successor in graph[node]:
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in graph:
        if module not in index:
            visit(module)
    return groups


def test_no_import_cycles_between_modules():
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_finds_a_cycle():
    # Three modules importing in a ring, as importer/source.py, page.py and paste.py once did.
    graph = {"source": ["page", "paste"], "page": ["source"], "paste": ["source"], "alone": ["source"]}
    assert _cycles(graph) == [["page", "paste", "source"]]


def test_no_private_settings_keys_carry_data():
    """No plugin stores data in the settings under a private ``_UPPER_CASE`` key."""
    pattern = re.compile(r"""["']_[A-Z][A-Z0-9_]+["']""")
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}" for path in _source_files()
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []


# A change to the import path: insert/append/extend on sys.path, assigning or adding to it, site.addsitedir.
_SYS_PATH_PATCH = re.compile(r"\bsys\.path\s*(?:\.\s*(?:insert|append|extend)\s*\(|\+=|\[[^\]]*\]\s*=(?!=)|=(?!=))"
                             r"|\baddsitedir\s*\(")
# Folders that hold no project code: virtualenvs, caches, built sites and benchmark output.
_NOT_CODE = {"node_modules", "__pycache__", "output", "cache", "out"}


def _project_python_files():
    for folder, folders, files in os.walk(ROOT):
        folders[:] = sorted(f for f in folders if not f.startswith((".", "output.")) and f not in _NOT_CODE)
        yield from (Path(folder) / name for name in sorted(files) if name.endswith(".py"))


def _sys_path_patches(text: str) -> list[int]:
    """Lines of ``text`` that change the import path (in code or in a script held in a string)."""
    return [number for number, line in enumerate(text.splitlines(), 1) if _SYS_PATH_PATCH.search(line)]


def test_no_project_code_patches_sys_path():
    """plugins, desk and bench are imported by name (editable install, docs/internals.md "Code layout")."""
    found = [f"{path.relative_to(ROOT)}:{number}" for path in _project_python_files()
             for number in _sys_path_patches(path.read_text(encoding="utf-8"))]
    assert found == []
    assert ROOT / "pelicanconf.py" in set(_project_python_files())


def test_the_sys_path_scan_finds_every_kind_of_patch():
    # Written with PATH for sys.path (and ADD for addsitedir) so this file does not trip its own scan.
    patched = ["PATH.insert(0, ROOT)", "PATH.append(str(ROOT))", "PATH[:0] = [ROOT]", "PATH += [ROOT]",
               "PATH = [ROOT, *PATH]", "site.ADD(ROOT)"]
    untouched = ["if ROOT not in PATH:", "print(PATH)", "assert PATH[0] == ROOT", "PATHname = 1"]
    text = "\n".join([*patched, *untouched]).replace("PATH", "sys." + "path").replace("ADD", "add" + "sitedir")
    assert _sys_path_patches(text) == list(range(1, len(patched) + 1))


def test_every_package_at_the_root_is_declared_for_the_editable_install():
    """./dev installs what pyproject.toml lists; a package left out would import only from the repository root."""
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    names = {name for name in declared["packages"]["find"]["include"] if "*" not in name}
    packages = {init.parent.name for init in ROOT.glob("*/__init__.py")} - {"tests"}  # pytest imports the tests
    assert names == packages
    assert {"plugins", "desk", "bench"} <= packages


def test_the_signals_table_in_internals_matches_the_contract():
    """docs/internals.md lists every declared signal, with its sender, as plugins/contract/signals.py does."""
    text = (ROOT / "docs" / "internals.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `(\w+)` \| `(\w+)` \|", text, re.M))
    assert rows == {name: sender for name, (sender, _when) in contract_signals.DECLARED.items()}
    for name in contract_signals.DECLARED:
        assert getattr(contract_signals, name).name == name


@pytest.mark.parametrize("calls,fails", [
    ([False, False], True),         # written twice
    ([False, True], False),         # then overridden once
    ([True, True], True),           # overridden twice
    ([True, False], False),         # overridden, then skipped
], ids=["twice", "then-override", "override-twice", "override-then-plain"])
def test_the_incremental_writer_keeps_pelicans_overwrite_rules(tmp_path, calls, fails):
    """writer.py restates a private method of Pelican's Writer: an upstream change must fail here."""
    from plugins.incremental.writer import FingerprintWriter

    def run(writer_class, folder):
        folder.mkdir()
        writer = writer_class(str(folder), settings={"OUTPUT_PATH": str(folder)})
        target = str(folder / "page.html")
        try:
            for override in calls:
                with writer._open_w(target, "utf-8", override) as handle:
                    handle.write("text")
        except FileOverwriteFailedError:
            return True
        return False

    ours, pelicans = run(FingerprintWriter, tmp_path / "ours"), run(Writer, tmp_path / "pelican")
    assert ours == pelicans == fails


def _tree(output: Path) -> dict:
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}


def _mtimes(output: Path) -> dict:
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def test_the_order_of_plugins_does_not_change_the_site(tmp_path):
    """Incremental first or last: the same site, and a rebuild with nothing changed rewrites no file.

    With the incremental plugin first, it used to clean up before the sitemap
    was written, so every rebuild deleted and rewrote sitemap.xml.
    """
    from pelican.settings import read_settings

    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    content = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", content)
    usual = build_site(content, tmp_path / "usual" / "output")
    reversed_order = build_site(content, tmp_path / "reversed" / "output", PLUGINS=list(reversed(plugins)))
    assert _tree(reversed_order) == _tree(usual)
    before = _mtimes(reversed_order)
    build_site(content, tmp_path / "reversed" / "output", PLUGINS=list(reversed(plugins)))
    assert {name for name, mtime in _mtimes(reversed_order).items() if before.get(name) != mtime} == set()
    page = next((content / "articles").rglob("*.md"))
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert _tree(build_site(content, tmp_path / "reversed" / "output", PLUGINS=list(reversed(plugins)))) == \
        _tree(build_site(content, tmp_path / "usual" / "output"))
