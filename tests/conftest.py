"""Shared fixtures: real builds of the sample and fixture archives, a browser."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.support.sites import FIXTURES, ROOT, StaticServer, build_site

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The sample archive in content/, built once per test session."""
    return build_site(ROOT / "content", tmp_path_factory.mktemp("sample") / "output")


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory) -> Path:
    """The tiny fixture archive in tests/fixtures/mini, built once per session."""
    return build_site(FIXTURES / "mini", tmp_path_factory.mktemp("mini") / "output")


@pytest.fixture
def archive_copy(tmp_path):
    """A writable copy of the mini archive, for tests that break or edit it."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "mini", target)
    return target


@pytest.fixture(scope="session")
def sample_server(sample_site):
    with StaticServer(sample_site) as server:
        yield server


@pytest.fixture(scope="session")
def mini_server(mini_site):
    with StaticServer(mini_site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run ./dev test, which installs it, or set CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_factory(browser):
    """New pages with JavaScript on or off; console errors are collected per page."""
    contexts = []

    def make(javascript=True):
        context = browser.new_context(java_script_enabled=javascript)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
        page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
        return page

    yield make
    for context in contexts:
        context.close()
