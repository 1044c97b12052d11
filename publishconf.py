"""Production settings: absolute URLs for feeds and canonical links.

Set SITEURL in the environment (or edit the default) before `./dev build --prod`.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "https://archive.example.org").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
# Production never writes drafts, whatever a development override says (docs/reliability.md).
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
