"""``invoke serve`` keeps answering readers under idle and slow clients, and odd paths get a page, not a 500.

Issue #11 case 11: 100 idle connections or a slow-headers client locked every
reader out for about two minutes (waitress's default of 100 connections, each
kept for 120 s); a 256-byte path segment got a 500 with no policy header.
"""

from __future__ import annotations

import http.client
import socket

import pytest

from desk.search.serving import site_app
from desk.sitebuild.serve import SERVER_OPTIONS, BackgroundServer

READER_TIMEOUT = 10  # seconds a reader waits before the test calls the server locked


@pytest.fixture(scope="module")
def server(mini_site):
    with BackgroundServer(site_app(mini_site, mini_site.parent / "cache" / "search-index")) as running:
        yield running.server.effective_port


def get(port, target="/"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=READER_TIMEOUT)
    try:
        connection.request("GET", target)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def idle(port, count):
    return [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]


def slow_headers(port, count):
    """Clients that start a request and never finish its headers (slowloris)."""
    sockets = idle(port, count)
    for sock in sockets:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    return sockets


@pytest.mark.parametrize("attack", [idle, slow_headers], ids=["150 idle connections", "150 slow-headers clients"])
@pytest.mark.parametrize("target", ["/", "/api/search?q=rivertown"])
def test_readers_are_answered_while_clients_hold_connections_open(server, attack, target):
    held = attack(server, 150)
    try:
        status, _headers, _body = get(server, target)
    finally:
        for sock in held:
            sock.close()
    assert status == 200


def test_the_server_keeps_room_for_more_connections_than_a_browser_crowd_opens():
    assert SERVER_OPTIONS["connection_limit"] >= 1000 and SERVER_OPTIONS["channel_timeout"] <= 30


@pytest.mark.parametrize("segment", ["a" * 256, "%C3%A9" * 200, "b" * 5000])
def test_an_overlong_path_segment_gets_the_404_page_with_its_policy(server, segment):
    status, headers, _body = get(server, f"/{segment}/")
    assert status == 404
    assert "default-src" in headers.get("content-security-policy", "")
