"""Calling a WSGI app directly, as a server would (no sockets), for unit tests."""

from __future__ import annotations

import json
from dataclasses import dataclass
from io import BytesIO
from wsgiref.util import setup_testing_defaults


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


def call(app, path: str, query_string: str = "", method: str = "GET") -> Response:
    environ = {"PATH_INFO": path, "QUERY_STRING": query_string, "REQUEST_METHOD": method,
               "wsgi.input": BytesIO(b"")}
    setup_testing_defaults(environ)
    captured = {}

    def start_response(status, headers, exc_info=None):
        captured["status"], captured["headers"] = int(status.split()[0]), dict(headers)

    body = b"".join(app(environ, start_response))
    return Response(captured["status"], captured["headers"], body)
