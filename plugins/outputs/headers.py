"""The site's security headers as a ``_headers`` file (the Netlify / Cloudflare Pages format).

Static hosts read response headers from their configuration, not from a page:
a ``<meta>`` Content-Security-Policy cannot forbid framing (``frame-ancestors``
is ignored there), and files other than HTML (SVG, JSON, feeds) carry no meta
tag at all. So the build writes the headers every response should carry into
``output/_headers``; Netlify and Cloudflare Pages apply it as it is, the
project's own server (``desk/sitebuild/serve.py``) applies the same file, and
docs/reliability.md gives the nginx equivalent.

Files from the content's static folders (``content/images``) get a second,
stricter policy with ``sandbox``: opened on their own, they can run nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from plugins.contract import setting

HEADERS_FILE = "_headers"
REFERRER_POLICY = "strict-origin-when-cross-origin"  # the same as the theme's <meta name="referrer">
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
STATIC_FOLDER_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"


@dataclass(frozen=True)
class HeaderRule:
    """Headers for every URL path matching ``pattern`` (``/*``, ``/images/*`` or an exact path)."""

    pattern: str
    headers: tuple  # (name, value) pairs

    def matches(self, url_path: str) -> bool:
        if self.pattern.endswith("*"):
            return url_path.startswith(self.pattern[:-1])
        return url_path == self.pattern


def security_rules(settings) -> list[HeaderRule]:
    """The site's header rules: the page policy everywhere (framing forbidden), sandboxed static folders."""
    policy = setting(settings, "CONTENT_SECURITY_POLICY").strip().rstrip(";")
    everywhere = HeaderRule("/*", (
        ("Content-Security-Policy", f"{policy}; frame-ancestors 'none'"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", REFERRER_POLICY),
        ("X-Content-Type-Options", "nosniff"),
        ("Permissions-Policy", PERMISSIONS_POLICY),
    ))
    folders = [HeaderRule(f"/{folder.strip('/')}/*", (("Content-Security-Policy", STATIC_FOLDER_POLICY),))
               for folder in settings.get("STATIC_PATHS", [])]
    return [everywhere, *folders]


def headers_file(rules) -> str:
    """The ``_headers`` text: a path pattern, then its headers indented, one per line."""
    blocks = []
    for rule in rules:
        blocks.append("\n".join([rule.pattern, *(f"  {name}: {value}" for name, value in rule.headers)]))
    return "\n".join(blocks) + "\n"
