"""invoke publish to a folder, over rsync and to a gh-pages branch; the archive's CI and pre-commit files."""

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from desk.sitebuild.folder import MANIFEST
from desk.sitebuild.publish import (PublishError, build_for_publishing, copy_to_folder, push_to_gh_pages,
                                       rsync_command, rsync_to)
from tests.support.sites import FIXTURES, ROOT, soup

SITEURL = "https://archive.example.org"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The mini archive built with publishconf.py (absolute URLs), as publish builds it."""
    staging = tmp_path_factory.mktemp("publish") / "staging"
    return build_for_publishing(staging, str(ROOT / "publishconf.py"),
                                overrides={"PATH": str(FIXTURES / "mini"), "CACHE_PATH": str(staging.parent / "cache")})


def files_of(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_the_publish_build_uses_production_urls(site):
    canonical = soup(site, "2025/04/05/rivertown-strike/").find("link", rel="canonical")["href"]
    assert canonical.startswith(SITEURL + "/")


def test_publish_to_a_folder_copies_the_whole_site(site, tmp_path):
    target = copy_to_folder(site, tmp_path / "www")
    assert files_of(target) == sorted([*files_of(site), MANIFEST])
    assert (target / "index.html").read_bytes() == (site / "index.html").read_bytes()


def test_publishing_again_replaces_the_old_site_and_its_stale_files(site, tmp_path):
    target, older = tmp_path / "www", tmp_path / "older-site"
    shutil.copytree(site, older)  # the site as it was, with an entry since removed
    (older / "removed-entry").mkdir()
    (older / "removed-entry" / "index.html").write_text("stale", encoding="utf-8")
    copy_to_folder(older, target)
    copy_to_folder(site, target)
    assert not (target / "removed-entry").exists() and files_of(target) == sorted([*files_of(site), MANIFEST])


FOREIGN = {"CNAME": "archive.example.org\n", ".well-known/acme-challenge/token": "proof",
           "uploads/report.pdf": "%PDF-1.4"}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_publishing_keeps_files_the_site_did_not_write(site, tmp_path, name):
    target = tmp_path / "www"
    copy_to_folder(site, target)
    (target / name).parent.mkdir(parents=True, exist_ok=True)
    (target / name).write_text(FOREIGN[name], encoding="utf-8")
    copy_to_folder(site, target)
    assert (target / name).read_text(encoding="utf-8") == FOREIGN[name]
    assert (target / "index.html").read_bytes() == (site / "index.html").read_bytes()


def test_publishing_keeps_the_folders_mode_and_identity(site, tmp_path):
    target = tmp_path / "www"
    target.mkdir()
    target.chmod(0o750)
    before = target.stat()
    copy_to_folder(site, target)
    copy_to_folder(site, target)
    after = target.stat()
    assert (after.st_ino, after.st_mode, after.st_uid, after.st_gid) == \
        (before.st_ino, before.st_mode, before.st_uid, before.st_gid)


def test_publish_refuses_a_folder_that_holds_something_else(site, tmp_path):
    target = tmp_path / "home"
    target.mkdir()
    (target / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(PublishError, match="holds no site"):
        copy_to_folder(site, target)
    assert (target / "thesis.tex").read_text(encoding="utf-8") == "precious"


def test_rsync_command_mirrors_the_site_contents(site):
    assert rsync_command(site, "me@host:/var/www") == ["rsync", "-avz", "--delete", f"{site}/", "me@host:/var/www"]


@pytest.mark.skipif(shutil.which("rsync") is None, reason="rsync is not installed")
def test_rsync_to_a_local_folder_mirrors_the_site(site, tmp_path):
    target = tmp_path / "mirror"
    target.mkdir()
    (target / "stale.html").write_text("old", encoding="utf-8")
    rsync_to(site, str(target))
    assert files_of(target) == files_of(site)


def git(*args, cwd=None, git_dir=None):
    command = ["git", *(["--git-dir", str(git_dir)] if git_dir else []), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repository(tmp_path, monkeypatch):
    """A bare 'remote' and a working repository whose origin points at it."""
    for key, value in {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
                       "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}.items():
        monkeypatch.setenv(key, value)
    bare, work = tmp_path / "remote.git", tmp_path / "archive"
    git("init", "--quiet", "--bare", str(bare))
    git("init", "--quiet", str(work))
    git("remote", "add", "origin", str(bare), cwd=work)
    return bare, work


def test_publish_to_gh_pages_pushes_the_site_to_the_remote_branch(site, repository):
    bare, work = repository
    push_to_gh_pages(site, work)
    tree = git("ls-tree", "-r", "--name-only", "gh-pages", git_dir=bare).split()
    assert "index.html" in tree and ".nojekyll" in tree
    assert sorted(set(tree) - {".nojekyll"}) == files_of(site)
    assert git("show", "gh-pages:index.html", git_dir=bare) == (site / "index.html").read_text(encoding="utf-8")


def test_publishing_to_gh_pages_again_adds_a_commit_on_top(site, repository):
    bare, work = repository
    push_to_gh_pages(site, work)
    push_to_gh_pages(site, work, message="Second publish")
    log = git("log", "--format=%s", "gh-pages", git_dir=bare).splitlines()
    assert log == ["Second publish", "Publish the archive"]


def test_gh_pages_needs_the_named_remote(site, repository):
    _bare, work = repository
    with pytest.raises(PublishError, match="no remote 'upstream'"):
        push_to_gh_pages(site, work, remote="upstream")


def test_gh_pages_needs_a_repository(site, tmp_path):
    with pytest.raises(PublishError, match="not a git repository"):
        push_to_gh_pages(site, tmp_path)


def invoke(*args):
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_invoke_publish_without_a_target_says_where_to(tmp_path):
    done = invoke("publish")
    assert done.returncode == 1 and "--to DIR, --rsync user@host:path or --gh-pages" in done.stderr


def test_invoke_publish_to_builds_the_archive_for_production_into_the_folder(tmp_path):
    done = invoke("publish", "--to", str(tmp_path / "www"))
    assert done.returncode == 0, done.stderr
    page = soup(tmp_path / "www", "")
    assert page.find("link", rel="alternate", href=lambda h: h and h.startswith(SITEURL)) or \
        page.find("a", href=lambda h: h and h.startswith(SITEURL))


# The archive's own CI: the workflow GitHub runs.
WORKFLOW = ROOT / ".github" / "workflows" / "archive.yml"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(job):
    return {step.get("name"): step for step in job["steps"]}


def test_workflow_runs_on_pull_requests_and_pushes_to_main(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]


def test_workflow_checks_and_builds_with_python_311(workflow):
    build = steps(workflow["jobs"]["build"])
    assert build["Check out the archive"]["uses"].startswith("actions/checkout@")
    assert build["Set up Python 3.11"]["uses"].startswith("actions/setup-python@")
    assert build["Set up Python 3.11"]["with"]["python-version"] == "3.11"
    assert build["Check every entry and registry"]["run"] == "./dev check"
    assert build["Build the site for production"]["run"] == "./dev build --prod"
    names = list(build)
    assert names.index("Check every entry and registry") < names.index("Build the site for production")


def test_workflow_deploys_main_to_github_pages(workflow):
    build = steps(workflow["jobs"]["build"])
    upload = build["Upload the site for GitHub Pages"]
    assert upload["uses"].startswith("actions/upload-pages-artifact@") and upload["with"]["path"] == "output"
    assert "refs/heads/main" in upload["if"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and "refs/heads/main" in deploy["if"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert steps(deploy)["Deploy to GitHub Pages"]["uses"].startswith("actions/deploy-pages@")


# pre-commit: changed entries are checked.
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"


@pytest.fixture(scope="module")
def entry_hook():
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    return hooks["check-changed-entries"]


def run_hook(hook, files):
    """Run the hook's entry as pre-commit does: the entry's words, then the file names."""
    import shlex

    return subprocess.run([*shlex.split(hook["entry"]), *files], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


def test_the_hook_runs_on_changed_entries_only(entry_hook):
    import re

    assert entry_hook["pass_filenames"] is True and entry_hook["language"] == "system"
    assert re.search(entry_hook["files"], "content/articles/2025/x.md")
    assert not re.search(entry_hook["files"], "plugins/entries/model.py")


def test_the_hook_checks_the_files_it_is_given(entry_hook):
    files = ["content/articles/2025/kryvyi-rih-missile-strike-kills-18.md",
             "content/articles/2025/peacekeeping-force-talks-kyiv.md"]
    done = run_hook(entry_hook, files)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 entries checked, no problems." in done.stdout


def test_the_hook_fails_on_a_broken_entry(entry_hook, tmp_path):
    broken = tmp_path / "broken.md"
    good = ROOT / "content" / "articles" / "2025" / "kryvyi-rih-drone-attack.md"
    broken.write_text(good.read_text(encoding="utf-8").replace("section: strikes", "section: sprots"),
                      encoding="utf-8")
    done = run_hook(entry_hook, [str(good.relative_to(ROOT)), os.path.relpath(broken, ROOT)])
    assert done.returncode == 1
    assert "unknown section 'sprots'" in done.stdout and "1 problem in 2 entries" in done.stderr


@pytest.mark.parametrize("text", ["## Publishing", "./dev publish --to", "./dev publish --rsync",
                                  "./dev publish --gh-pages", ".github/workflows/archive.yml", ".pre-commit-config.yaml"])
def test_the_readme_documents_publishing(text):
    assert text in (ROOT / "README.md").read_text(encoding="utf-8")
