"""Body HTML through an allowlist sanitiser (nh3, the Python binding of Rust's ammonia).

Markdown passes raw HTML through, so a body could carry ``<meta http-equiv=refresh>``,
``<script src=…>``, ``<iframe>`` or ``onerror=``: the page's Content-Security-Policy
stops some of it, feeds have no policy at all. Every body is cleaned once, right
after Markdown, so pages, Atom, RSS, the JSON Feed and the search documents all
carry the same clean HTML. The allowlist is what Python-Markdown and its ``extra``,
``toc`` and ``smarty`` extensions emit, plus the post cards of ``plugins.embeds``;
anything else is dropped (its text kept, except for script and style contents).
"""

from __future__ import annotations

import nh3

BODY_TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "samp",
    "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "q", "cite", "abbr", "dfn",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "div", "span", "figure", "figcaption", "time",  # footnotes (div.footnote) and post cards
})
BODY_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},  # toc and footnote ids, post card classes
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"}, "ins": {"cite", "datetime"},
    "time": {"datetime"},
    "figure": {"data-platform"},
    "ol": {"start", "reversed", "type"},
    "th": {"colspan", "rowspan", "scope", "style", "align"}, "td": {"colspan", "rowspan", "style", "align"},
    "col": {"span"}, "colgroup": {"span"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Markdown tables align columns with style="text-align: …"; no other style survives.
STYLE_PROPERTIES = frozenset({"text-align"})

_cleaner = nh3.Cleaner(tags=set(BODY_TAGS), attributes={k: set(v) for k, v in BODY_ATTRIBUTES.items()},
                       url_schemes=set(URL_SCHEMES), filter_style_properties=set(STYLE_PROPERTIES),
                       clean_content_tags={"script", "style"}, link_rel=None, strip_comments=True)


def clean_body(html: str) -> str:
    """The body's HTML with everything outside the allowlist removed."""
    return _cleaner.clean(html)
