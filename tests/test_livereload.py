"""``invoke livereload`` must be able to run livereload's injected loader under the site's policy."""

import base64
import hashlib
import re
import socket
import subprocess
import sys
import time
import urllib.request

from tasks import LIVERELOAD_SNIPPET, livereload_policy


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_policy_allows_exactly_the_loader_livereload_injects(tmp_path):
    (tmp_path / "index.html").write_text("<!doctype html><html><head><title>t</title></head><body>x</body></html>")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-c", "import sys; from livereload import Server; "
                               "Server().serve(host='127.0.0.1', port=int(sys.argv[1]), root=sys.argv[2])",
                               str(port), str(tmp_path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    injected = re.search(r"<script[^>]*>(.*?)</script>", page, re.S).group(1)
    assert injected == LIVERELOAD_SNIPPET
    digest = base64.b64encode(hashlib.sha256(injected.encode()).digest()).decode()
    policy = livereload_policy("default-src 'self'; script-src 'self'; style-src 'self'")
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert "'unsafe-inline'" not in policy
