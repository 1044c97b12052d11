"""Development settings. Production overrides live in publishconf.py.

Every setting the project adds is declared, with its default and meaning, in
plugins/contract/settings.py; docs/settings.md is generated from that table and
tests/test_docs.py fails when the code reads a setting nobody declared.
"""

SITENAME = "War Archive 2025"
SITE_DESCRIPTION = "A curated, sourced archive of events in the 2025 phase of the Russia–Ukraine war."
SITEURL = ""
TIMEZONE = "Europe/Kyiv"
DEFAULT_LANG = "en"

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
IGNORE_FILES = [".#*", "*~", "README.md"]
THEME = "theme"

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "plugins.entries",
    "plugins.entities",
    "plugins.outputs",
    "plugins.timeline",
    "plugins.claims",
    "plugins.search",
    "plugins.incremental",
]  # in any order: they meet through plugins/contract (docs/internals.md)

# URLs are the archive's promise: they never change once published.
ARTICLE_URL = "{date:%Y}/{date:%m}/{date:%d}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
# Drafts are never written, in development or production (`invoke livereload --drafts`
# previews them, marked noindex: docs/reliability.md "What never leaves the build").
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = DRAFT_PAGE_SAVE_AS = DRAFT_PAGE_LANG_SAVE_AS = ""
# One URL scheme whatever an entry's `lang:`; no Pelican translations (`/slug-uk.html`).
ARTICLE_LANG_URL, ARTICLE_LANG_SAVE_AS = ARTICLE_URL, ARTICLE_SAVE_AS
PAGE_LANG_URL, PAGE_LANG_SAVE_AS = PAGE_URL, PAGE_SAVE_AS
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = YEAR_ARCHIVE_URL + "index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_URL + "index.html"
ARCHIVES_SAVE_AS = "archives/index.html"
# Sections and topics get their pages from the entities plugin, like people and places.
CATEGORY_URL = "sections/{slug}/"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "archives", "404"]
INDEX_SAVE_AS = "index.html"

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "entity": None, "archives": 100}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = "https://archive.example.org"
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/sections/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/sections/{slug}.rss.xml"
TAG_FEED_ATOM = "feeds/topics/{slug}.atom.xml"
TAG_FEED_RSS = "feeds/topics/{slug}.rss.xml"
FEED_ATOM = None
FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 50
RSS_FEED_SUMMARY_ONLY = True

JINJA_ENVIRONMENT = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.sane_lists": {},
        "markdown.extensions.smarty": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

RELATIVE_URLS = True
LOAD_CONTENT_CACHE = False
CACHE_PATH = ".build/cache"

# Project settings: every one is declared, with its default, in plugins/contract/settings.py
# (docs/settings.md is generated from it). Set here only what differs from the default.
# No inline scripts, nothing from other origins; JSON-LD data blocks are not executed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'")
