"""Each article's URL, worked out once by Pelican and then fixed.

Pelican formats an article's URL from its pattern (strftime included) on every
access; templates, feeds, the sitemap and the exports ask for it tens of
thousands of times per build (a quarter of a 1,000-entry build, measured with
cProfile). The URL of an article cannot change after it is read, so on
``content_object_init`` we ask Pelican once and keep the answer through its
public override: the ``url`` and ``save_as`` metadata Pelican documents
(stored as ``override_url`` / ``override_save_as``, which ``get_url_setting``
returns as they are). An entry that set its own URL keeps it.
"""

from __future__ import annotations

from pelican.contents import Article


def fix_urls(instance) -> None:
    """Compute the article's URL and file name with Pelican's own rules, once."""
    if not isinstance(instance, Article):
        return
    for key in ("url", "save_as"):
        if not hasattr(instance, f"override_{key}"):
            setattr(instance, f"override_{key}", getattr(instance, key))
