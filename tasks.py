"""The maintainer's command line (invoke). Names follow pelican-quickstart's tasks.py.

    invoke build        validate, then build the site into output/ (atomically)
    invoke rebuild      clean, then build
    invoke clean        remove output/ and caches
    invoke serve        build, then serve output/ at http://127.0.0.1:8000/
    invoke livereload   rebuild on every save and reload the browser
    invoke check        validate every entry and registry; list every problem
    invoke new "Title"  scaffold a draft entry
    invoke test         run the whole test suite
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

SETTINGS = {"dev": "pelicanconf.py", "prod": "publishconf.py"}
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
HOST, PORT = "127.0.0.1", 8000


def _setup_logging(verbose=False):
    import logging

    from pelican.log import init as init_logging

    init_logging(level=logging.DEBUG if verbose else logging.WARNING)
    if not verbose:  # one line per fact from our plugins, not one per file written
        logging.getLogger("plugins").setLevel(logging.INFO)


@task(help={"files": "only these entry files, comma-separated", "path": "another content folder",
            "data": "another registry folder"})
def check(c, files="", path="", data=""):
    """Validate every entry and registry; print each problem as path:line: what — how to fix."""
    from plugins.entries.check import check_archive, check_files

    content = Path(path).resolve() if path else CONTENT
    os.chdir(ROOT)
    if files:
        chosen = [f for f in files.split(",") if f]
        problems, count = check_files(chosen, content), len(chosen)
    else:
        problems, count = check_archive(content, data_dir=Path(data).resolve() if data else None)
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {count} entries.", code=1)
    print(f"{count} entries checked, no problems.")


@task
def build(c, prod=False, verbose=False):
    """Build the site into output/; a failed build leaves the previous output as it was."""
    from plugins.entries.errors import EntryErrors
    from plugins.sitebuild.build import build as build_site

    os.chdir(ROOT)
    _setup_logging(verbose)
    try:
        figures = build_site(SETTINGS["prod" if prod else "dev"])
    except EntryErrors as exc:
        raise Exit(exc.report(), code=1) from None
    print(f"Built {figures['output']} in {figures['seconds']:.1f} s")


@task
def clean(c):
    """Remove the built site and caches."""
    for path in (OUTPUT, ROOT / ".build"):
        shutil.rmtree(path, ignore_errors=True)


@task(pre=[clean, build])
def rebuild(c):
    """Clean, then build."""


@task
def serve(c, port=PORT, host=HOST, skip_build=False):
    """Build, then serve the site at http://127.0.0.1:8000/ until Ctrl-C."""
    from plugins.sitebuild.serve import serve_forever

    if not skip_build:
        build(c)
    print(f"Serving {OUTPUT} at http://{host}:{port}/ (Ctrl-C to stop)")
    serve_forever(OUTPUT, host, int(port))


@task
def livereload(c, port=PORT, host=HOST):
    """Serve the site and rebuild it whenever content, theme or plugins change."""
    from livereload import Server

    build(c)
    server = Server()
    for pattern in ("content/**/*", "theme/**/*", "plugins/**/*.py", "pelicanconf.py"):
        server.watch(str(ROOT / pattern), lambda: build(c))
    server.serve(host=host, port=int(port), root=str(OUTPUT))


@task
def new(c, title, section="diplomacy", date=""):
    """Scaffold a draft entry with valid front matter: invoke new "Title" [--section ID]."""
    from plugins.entries.scaffold import new_entry_path, scaffold, write_new

    when = dt.datetime.fromisoformat(date) if date else dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    path = new_entry_path(CONTENT, title, when)
    try:
        write_new(path, scaffold(title, section, when))
    except FileExistsError:
        raise Exit(f"{path.relative_to(ROOT)} already exists; choose another title or edit that file.", code=1) from None
    print(f"Wrote {path.relative_to(ROOT)}")


@task
def schema(c):
    """Regenerate schema/entry.schema.json and the README's front matter reference."""
    from plugins.entries.reference import README_END, README_START, SCHEMA_PATH, entry_json_schema, front_matter_reference

    (ROOT / SCHEMA_PATH).parent.mkdir(exist_ok=True)
    (ROOT / SCHEMA_PATH).write_text(entry_json_schema(), encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head, rest = readme.split(README_START, 1)
    _old, tail = rest.split(README_END, 1)
    (ROOT / "README.md").write_text(f"{head}{README_START}\n{front_matter_reference()}\n{README_END}{tail}",
                                    encoding="utf-8")
    print(f"Wrote {SCHEMA_PATH} and the README reference")


@task
def test(c, k="", browser=True):
    """Run the whole test suite (browser tests in headless Chromium included)."""
    args = ["-q"]
    if k:
        args += ["-k", k]
    if not browser:
        args += ["-m", "not browser"]
    c.run(f"{sys.executable} -m pytest {' '.join(args)}", pty=False)
