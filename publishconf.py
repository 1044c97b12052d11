"""Production settings: absolute URLs for feeds and canonical links.

Set SITEURL in the environment (or edit the default) before `./dev build --prod`.
"""

import os
import runpy

# The development settings beside this file, read by path as Pelican reads a settings file
# (settings files are not importable modules); Pelican keeps only the upper-case names.
_development = runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pelicanconf.py"))
globals().update({name: value for name, value in _development.items() if name.isupper()})

SITEURL = os.environ.get("SITEURL", "https://archive.example.org").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
# Production never writes drafts, whatever a development override says (docs/reliability.md).
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
