"""The importer: a saved news page or a pasted text becomes a draft entry.

``invoke import PATH`` (tasks.py) calls ``import_entry``. The pipeline, one
module per step:

    source.py      read a page (.html), a paste (.txt) or standard input
    page.py        a page: metadata.py, the article's markup, boilerplate.py, posts.py
    paste.py       a paste: headline, posts and leftovers recognised by their lines
    draft.py       propose front matter: entities.py, claims.py, sections.py
    duplicates.py  is it already in the archive (archive.py)?
    importing.py   validate as invoke check would, write once, never overwrite

It is not a Pelican plugin (nothing here runs during a build), so it is not
listed in PLUGINS; it lives beside them because it shares their model.
"""

from .errors import CannotImport, DraftDoesNotValidate, DuplicateEntry
from .importing import ImportResult, import_entry

__all__ = ["CannotImport", "DraftDoesNotValidate", "DuplicateEntry", "ImportResult", "import_entry"]
