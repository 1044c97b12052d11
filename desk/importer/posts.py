"""Social posts in imported text, as the archive's static post cards.

Saved pages embed a post as the platform's blockquote plus a widget script;
pastes carry it as its text followed by an attribution line
("— Name (@handle) April 6, 2025"). The archive quotes posts as ``::: post``
blocks (plugins/embeds/postcard.py) and never loads a platform's script, so
both shapes become the same record and the script is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from .dates import from_words

# "— Volodymyr Zelenskyy / Володимир Зеленський (@ZelenskyyUa) April 6, 2025", and for platforms without
# handles in quotes "— Sumy Regional Administration (Telegram) 15 May 2025 https://t.me/…".
ATTRIBUTION = re.compile(r"^\s*[—–-]{1,2}\s*(?P<author>[^()\n]+?)\s*\((?:@(?P<handle>\w{1,30})|"
                         r"(?P<platform>Telegram|Facebook|X|Twitter|Instagram))\)\s*(?P<date>.*?)\s*$")
LINK = re.compile(r"https?://\S+")
PLATFORM_HOSTS = {"t.me": "Telegram", "telegram.me": "Telegram", "facebook.com": "Facebook", "fb.com": "Facebook",
                  "x.com": "X", "twitter.com": "X", "instagram.com": "Instagram"}
# A line that reads like a post, not like the article: it opens with an emoji or carries a hashtag or mention.
POST_LIKE = re.compile(r"^[^\w\s\"“«‘'(]|(?:^|\s)[#@]\w|https?://")
PICTURE_LINK = re.compile(r"\s*(?:https?://)?pic\.(?:twitter|x)\.com/\w+")
# Selectors of platform blockquotes the importer understands.
PLATFORM_BLOCKQUOTES = {"blockquote.twitter-tweet": "X", "blockquote.x-post": "X"}
# A pasted post is at most this long; longer lines before it are the article's own text.
PASTED_POST_MAX = 320
PASTED_LINE_MAX = 160


@dataclass
class Post:
    """One post, with what a post card shows."""

    author: str
    handle: str
    date: str  # YYYY-MM-DD, or "" when not given
    url: str
    text: str
    platform: str = "X"

    @property
    def who(self) -> str:
        """'Name (@handle)', or the name alone where the platform shows no handle."""
        return f"{self.author} (@{self.handle})" if self.handle else self.author

    def card(self) -> str:
        """The post as a ``::: post`` block (see docs/front-matter.md, "Social posts")."""
        fields = [("author", self.author), ("handle", self.handle), ("platform", self.platform),
                  ("date", self.date), ("url", self.url)]
        head = "\n".join(f"{key}: {' '.join(value.split())}" for key, value in fields if value)
        text = "\n".join(line if line.strip() != ":::" else "::" for line in self.text.strip().split("\n"))
        return f"::: post\n{head}\n\n{text}\n:::"


def attribution(line: str):
    """The match of a post's attribution line, or None."""
    return ATTRIBUTION.match(line)


def post_from_lines(text_lines: list[str], line: str) -> Post:
    """A pasted post: its text lines, then its attribution line (date and, often, the post's link)."""
    from .when import explicit_dates

    match = ATTRIBUTION.match(line)
    text = "\n".join(text_lines).strip()
    picture = PICTURE_LINK.search(text)
    link = LINK.search(match["date"])
    url = link.group(0).rstrip(".,)") if link else ""
    if not url and picture:
        url = "https://" + re.sub(r"^\s*(https?://)?", "", picture.group(0))
    words = LINK.sub("", match["date"]).strip()
    dates = explicit_dates(words)
    date = from_words(words) or (dates[0].day.isoformat() if dates else "")
    platform = _platform(match["platform"], url)
    return Post(author=match["author"].strip(), handle=match["handle"] or "", date=date,
                url=_without_query(url) if link else url, text=PICTURE_LINK.sub("", text).strip(), platform=platform)


def _platform(named: str | None, url: str) -> str:
    if named:
        return "X" if named == "Twitter" else named
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return PLATFORM_HOSTS.get(host, "X")


def pasted_post_start(lines: list[str], end: int) -> int:
    """Index of the first text line of the pasted post whose attribution is at ``end``.

    A paste keeps no markup, so where a post begins is a guess: the line right
    before the attribution always belongs to it; an earlier short line joins
    only when it reads like a post (an emoji first, a hashtag, a mention or a
    link), so the article's own line before a post ("Six of the wounded are
    children.") never becomes part of the card.
    """
    start = end - 1
    total = len(PICTURE_LINK.sub("", lines[start]))
    while start > 0:
        previous = lines[start - 1].strip()
        if (not previous or len(previous) > PASTED_LINE_MAX or ATTRIBUTION.match(previous)
                or total + len(previous) > PASTED_POST_MAX or not POST_LIKE.search(previous)):
            break
        start -= 1
        total += len(previous)
    return start


def post_from_blockquote(quote, platform: str = "X") -> Post | None:
    """A platform blockquote (``blockquote.twitter-tweet``) as a Post; None without text."""
    paragraphs = quote.find_all("p")
    for br in quote.find_all("br"):
        br.replace_with("\n")
    text = "\n\n".join(p.get_text().strip() for p in paragraphs)
    if not text.strip():
        return None
    rest = [s for s in quote.find_all(string=True) if not any(p in s.parents for p in paragraphs)]
    match = ATTRIBUTION.match(" ".join("".join(rest).split()))
    links = [a for a in quote.find_all("a", href=True) if not any(p in a.parents for p in paragraphs)]
    status = next((a for a in reversed(links) if "/status/" in a["href"]), links[-1] if links else None)
    picture = PICTURE_LINK.search(text)
    url = _without_query(status["href"]) if status else ""
    if not url and picture:
        url = "https://" + re.sub(r"^\s*(https?://)?", "", picture.group(0))
    return Post(author=match["author"].strip() if match else "", handle=match["handle"] if match else "",
                date=from_words(status.get_text() if status else "") or from_words(match["date"] if match else ""),
                url=url, text=PICTURE_LINK.sub("", text).strip(), platform=platform)


def _without_query(url: str) -> str:
    """Drop ?ref_src=… and other tracking from a post's address."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme or "https", parts.netloc, parts.path, "", ""))
