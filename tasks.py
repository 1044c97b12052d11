"""The maintainer's command line (invoke). Names follow pelican-quickstart's tasks.py.

    invoke build        validate, then build the site into output/ (atomically)
    invoke rebuild      clean, then build
    invoke clean        remove output/ and caches
    invoke serve        build, then serve output/ and the search service at http://127.0.0.1:8000/
    invoke livereload   rebuild on every save and reload the browser
    invoke check        validate every entry and registry; list every problem
    invoke search "q"   search the built index (--place, --person, --topic, --section, --from, --to, --sort)
    invoke new "Title"  scaffold a draft entry (--from PAGE: import it)
    invoke import PAGE  a saved page (.html), a pasted text (.txt) or - as a draft entry
    invoke coordinates  propose GeoNames lat/lon for registry places that have none
    invoke import-eval  score the importer on the labelled set in tests/import_eval (--misses)
    invoke publish      build for production; --to DIR, --rsync user@host:path or --gh-pages
    invoke test         run the whole test suite
    invoke bench        time our build against vanilla Pelican + Pagefind (--entries, --rounds, --seed; --scale)
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent

SETTINGS = {"dev": "pelicanconf.py", "prod": "publishconf.py"}
CONTENT = ROOT / "content"
OUTPUT = ROOT / "output"
HOST, PORT = "127.0.0.1", 8000


def _setup_logging(verbose=False):
    import logging

    from pelican.log import init as init_logging

    init_logging(level=logging.DEBUG if verbose else logging.WARNING)
    if not verbose:  # one line per fact from our plugins, not one per file written
        for name in ("plugins", "desk"):
            logging.getLogger(name).setLevel(logging.INFO)


@task(help={"files": "only these entry files, comma-separated", "path": "another content folder",
            "data": "another registry folder"})
def check(c, files="", path="", data=""):
    """Validate every entry and registry; print each problem as path:line: what — how to fix."""
    from plugins.entries.check import check_archive, check_files

    content = Path(path).resolve() if path else CONTENT
    os.chdir(ROOT)
    warnings = []
    if files:
        chosen = [f for f in files.split(",") if f]
        problems, count = check_files(chosen, content, warnings=warnings), len(chosen)
    else:
        problems, count = check_archive(content, data_dir=Path(data).resolve() if data else None, warnings=warnings)
    for warning in warnings:
        print(warning)
    for problem in problems:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {count} entries.", code=1)
    print(f"{count} entries checked, no problems.")


@task
def build(c, prod=False, verbose=False):
    """Build the site into output/; a failed build leaves the previous output as it was."""
    os.chdir(ROOT)
    _setup_logging(verbose)
    problems = _build_once(SETTINGS["prod" if prod else "dev"])
    if problems:
        raise Exit(problems, code=1)


def _build_once(settings_file, overrides=None) -> str:
    """Build and say so; the report of the entries' problems instead when there are any."""
    from plugins.entries.errors import EntryErrors
    from desk.sitebuild.build import build as build_site
    from desk.sitebuild.lock import BuildBusy

    try:
        figures = build_site(settings_file, overrides=overrides)
    except EntryErrors as exc:
        return exc.report()
    except BuildBusy as exc:
        return str(exc)
    print(f"Built {figures['output']} in {figures['seconds']:.1f} s")
    return ""


@task
def clean(c):
    """Remove the built site, the build's own staging folders (output.partial, output.spare, output.old-…) and caches.

    Only folders a build makes: an ``output.backup`` or ``output.2024`` of the maintainer's stays.
    Waits for a running build first, so it never deletes a site being written.
    """
    from desk.sitebuild.build import staging_folders
    from desk.sitebuild.lock import build_lock

    with build_lock([OUTPUT, ROOT / ".build" / "cache"], what="clean"):
        for path in (OUTPUT, *staging_folders(OUTPUT), ROOT / ".build"):
            shutil.rmtree(path, ignore_errors=True)


@task(pre=[clean, build])
def rebuild(c):
    """Clean, then build."""


@task
def serve(c, port=PORT, host=HOST, skip_build=False):
    """Build, then serve the site and the search service (/api/search) at http://127.0.0.1:8000/ until Ctrl-C."""
    from desk.search.serving import serve_forever
    from plugins.search.settings import search_settings
    from desk.sitebuild.build import load_settings

    if not skip_build:
        build(c)
    os.chdir(ROOT)
    config = search_settings(load_settings(SETTINGS["dev"]))
    print(f"Serving {OUTPUT} at http://{host}:{port}/ and the search service at /api/search (Ctrl-C to stop)")
    serve_forever(OUTPUT, config.index_path, host, int(port), config.max_results)


@task(help={"query": "the words to find, same rules as the search page (\"\" for none: filters only)", "place": "a place id or alias",
            "person": "a person id or alias", "topic": "a topic id or alias", "section": "a section id or alias",
            "from_": "from this day (YYYY, YYYY-MM or YYYY-MM-DD)", "to": "up to this day",
            "sort": "relevance (default) or newest", "limit": "how many results (default 10)",
            "offset": "skip this many results", "exact": "search the words as typed (no spelling correction)"})
def search(c, query, place="", person="", topic="", section="", from_="", to="", sort="relevance", limit=10,
           offset=0, exact=False):
    """Search the built index: invoke search "kryvyi rih strike" --place kryvyi-rih --from 2025-04-01."""
    from desk.search.cli import CannotSearch, search_command
    from desk.sitebuild.build import load_settings

    os.chdir(ROOT)
    options = {"place": place, "person": person, "topic": topic, "section": section, "from": from_, "to": to,
               "sort": sort, "limit": str(limit), "offset": str(offset), "exact": "1" if exact else ""}
    try:
        print(search_command(load_settings(SETTINGS["dev"]), query, options))
    except CannotSearch as exc:
        raise Exit(str(exc), code=1) from None


# `invoke livereload --drafts`: the only build that writes drafts (marked noindex); see docs/reliability.md.
DRAFT_PREVIEW = {"DRAFT_URL": "drafts/{slug}/", "DRAFT_SAVE_AS": "drafts/{slug}/index.html",
                 "DRAFT_PAGE_URL": "drafts/pages/{slug}/", "DRAFT_PAGE_SAVE_AS": "drafts/pages/{slug}/index.html"}


@task(help={"content": "another content folder", "output": "another output folder", "cache": "another cache folder",
            "drafts": "also write drafts at /drafts/<slug>/ (noindex) to preview them; no other build does"})
def livereload(c, port=PORT, host=HOST, content="", output="", cache="", drafts=False):
    """Serve the site, rebuild on every save and update the browser; restart when code or settings change."""
    import threading

    from waitress import serve as serve_wsgi

    from desk.sitebuild.build import build as build_site
    from desk.sitebuild.devserver import DevSite, Rebuilder, watch
    from desk.sitebuild.warm import WarmPath

    os.chdir(ROOT)
    _setup_logging(False)
    folder = Path(output).resolve() if output else OUTPUT
    overrides = {key: str(Path(value).resolve()) for key, value in (("PATH", content), ("CACHE_PATH", cache)) if value}
    if drafts:
        overrides.update(DRAFT_PREVIEW)

    def rebuild():
        figures = build_site(SETTINGS["dev"], output=str(folder), overrides=overrides)
        print(f"Built {figures['output']} in {figures['seconds']:.1f} s", flush=True)

    def report(state):
        if state.problems:  # the browser shows them too, over the last good page
            print("\n".join(state.problems), flush=True)

    def restart(_paths):
        # Plugin code and settings are loaded once per process: run them afresh.
        os.execv(sys.executable, [sys.executable, *sys.argv])

    # A saved entry's page shows at once from the last build's state (desk/sitebuild/warm.py); the full
    # build that follows brings the rest of the site.
    sys.setswitchinterval(0.001)  # a full build holds the GIL: the warm path and the server get it sooner
    rebuilder = Rebuilder(rebuild, report, warm=WarmPath()).start()
    rebuilder.request()
    rebuilder.wait(0, None)  # the first build, before the first page is served
    stop = threading.Event()
    watch([Path(content).resolve() if content else CONTENT, ROOT / "theme"], rebuilder.request, stop)
    watch([ROOT / "plugins", ROOT / "desk", ROOT / "pelicanconf.py"], restart, stop)
    print(f"Serving {folder} at http://{host}:{port}/; every save rebuilds and updates the page (Ctrl-C to stop)",
          flush=True)
    serve_wsgi(DevSite(folder, rebuilder), host=host, port=int(port), threads=16, ident="news-archive-dev")


@task(help={"from_": "import this saved page, text file or - (stdin) as the draft's body and front matter",
            "content": "another content folder"})
def new(c, title, section="", date="", from_="", content=""):
    """Scaffold a draft entry with valid front matter: invoke new "Title" [--section ID] [--from PAGE]."""
    from plugins.entries.scaffold import new_entry_path, scaffold, write_new

    if from_:
        return import_(c, from_, title=title, date=date, section=section, content=content)
    section = section or "diplomacy"
    when = dt.datetime.fromisoformat(date) if date else dt.datetime.now().astimezone().replace(second=0, microsecond=0)
    path = new_entry_path(Path(content).resolve() if content else CONTENT, title, when)
    try:
        write_new(path, scaffold(title, section, when))
    except FileExistsError:
        raise Exit(f"{os.path.relpath(path)} already exists; choose another title or edit that file.", code=1) from None
    print(f"Wrote {os.path.relpath(path)}")


@task(name="import", help={"source": "a saved page (.html), a pasted text (.txt) or - for standard input",
                           "title": "the entry's title (default: the page's headline)",
                           "date": "the entry's date (default: the page's publication date, else today)",
                           "section": "the section id (default: guessed from the text)",
                           "content": "another content folder"})
def import_(c, source, title="", date="", section="", content=""):
    """Import a saved news page or pasted text as a draft entry; never overwrites, never duplicates."""
    from desk.importer import CannotImport, import_entry

    content_dir = Path(content).resolve() if content else CONTENT
    try:
        result = import_entry(source, content_dir, title=title, date=date, section=section)
    except CannotImport as exc:
        raise Exit(str(exc), code=1) from None
    print(f"Wrote {os.path.relpath(result.path)} (status: draft). Check these before publishing:")
    for note in result.notes:
        print(f"  - {note}")


@task
def coordinates(c):
    """Propose lat/lon from GeoNames for every place in content/data/places.yml that has none (writes nothing)."""
    from desk.importer.coordinates import main

    raise Exit(code=main([str(CONTENT / "data" / "places.yml")]))


@task(name="import-eval", help={"labelled": "the labelled set's folder (inputs/ and labels/)",
                                "misses": "also list every miss"})
def import_eval(c, labelled="", misses=False):
    """Import the labelled pages and pastes into scratch copies and print precision and recall per field."""
    from desk.importer.evaluation import evaluate

    folder = Path(labelled).resolve() if labelled else ROOT / "tests" / "import_eval"
    scores = evaluate(folder, CONTENT)
    print(scores.table())
    for failure in scores.failures:
        print(f"  failed: {failure}")
    if misses:
        for miss in scores.misses:
            print(f"  - {miss}")


@task(help={"to": "copy the production build into this folder",
            "rsync": "rsync the production build to user@host:path (rsync -avz --delete)",
            "gh_pages": "commit the production build to a branch and push it (ghp-import)",
            "remote": "the git remote for --gh-pages (default origin)",
            "branch": "the branch for --gh-pages (default gh-pages)"})
def publish(c, to="", rsync="", gh_pages=False, remote="origin", branch="gh-pages"):
    """Build with publishconf.py, then publish: --to DIR, --rsync user@host:path or --gh-pages."""
    from plugins.entries.errors import EntryErrors
    from desk.sitebuild.lock import BuildBusy
    from desk.sitebuild.publish import (PublishError, build_for_publishing, copy_to_folder, push_to_gh_pages,
                                           rsync_to)

    if not (to or rsync or gh_pages):
        raise Exit("Say where to publish: --to DIR, --rsync user@host:path or --gh-pages.", code=1)
    os.chdir(ROOT)
    _setup_logging()
    try:
        site = build_for_publishing(ROOT / ".build" / "publish", SETTINGS["prod"])
        if to:
            print(f"Copied the site to {copy_to_folder(site, Path(to))}")
        if rsync:
            rsync_to(site, rsync)
            print(f"Synced the site to {rsync}")
        if gh_pages:
            push_to_gh_pages(site, ROOT, remote=remote, branch=branch)
            print(f"Pushed the site to {remote} {branch}")
    except EntryErrors as exc:
        raise Exit(exc.report(), code=1) from None
    except (PublishError, BuildBusy) as exc:
        raise Exit(str(exc), code=1) from None


@task
def schema(c):
    """Regenerate schema/entry.schema.json, docs/front-matter.md's reference, the status glossaries and docs/settings.md."""
    from plugins.contract.settings import SETTINGS_DOC, settings_table
    from plugins.entries.reference import REFERENCE_PATH, SCHEMA_PATH, entry_json_schema, with_reference
    from plugins.entries.statuses import GLOSSARY_END, GLOSSARY_FILES, GLOSSARY_START, glossary_markdown, replace_between

    (ROOT / SCHEMA_PATH).parent.mkdir(exist_ok=True)
    (ROOT / SCHEMA_PATH).write_text(entry_json_schema(), encoding="utf-8")
    page = ROOT / REFERENCE_PATH
    page.write_text(with_reference(page.read_text(encoding="utf-8")), encoding="utf-8")
    for name in GLOSSARY_FILES:
        path = ROOT / name
        path.write_text(replace_between(path.read_text(encoding="utf-8"), GLOSSARY_START, GLOSSARY_END,
                                        glossary_markdown()), encoding="utf-8")
    (ROOT / SETTINGS_DOC).parent.mkdir(exist_ok=True)
    (ROOT / SETTINGS_DOC).write_text(settings_table(), encoding="utf-8")
    print(f"Wrote {SCHEMA_PATH}, the reference in {REFERENCE_PATH}, the claim statuses in {', '.join(GLOSSARY_FILES)} "
          f"and {SETTINGS_DOC}")


@task
def test(c, k="", browser=True):
    """Run the whole test suite (browser tests in headless Chromium included)."""
    args = ["-q"]
    if k:
        args += ["-k", k]
    if not browser:
        args += ["-m", "not browser"]
    c.run(shlex.join([sys.executable, "-m", "pytest", *args]), pty=False)  # quoted: -k "a or b" is one argument


@task(help={"entries": "entries in the synthetic archive (default 5000)",
            "rounds": "alternating rounds (default 3; with --scale, 1)",
            "seed": "seed of the synthetic archive (default 1)",
            "livereload": "saved edits timed through invoke livereload, on the synthetic and the sample archive "
                          "(default 5; 0: skip)",
            "scale": "instead, the scale run at these sizes, e.g. 5000,20000,50000: cold build, one-edit rebuild "
                     "and peak memory per size"})
def bench(c, entries=5000, rounds=0, seed=1, livereload=5, scale=""):
    """Benchmark our builds against Pelican + Pagefind (or, with --scale, how they grow); see bench/README.md."""
    os.chdir(ROOT)
    if scale:
        c.run(f"{sys.executable} -m bench.scale --sizes {scale} --rounds {int(rounds) or 1} --seed {int(seed)}",
              pty=False)
        return
    c.run(f"{sys.executable} -m bench.run --entries {int(entries)} --rounds {int(rounds) or 3} --seed {int(seed)} "
          f"--livereload {int(livereload)}", pty=False)
