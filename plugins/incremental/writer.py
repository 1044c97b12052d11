"""A Pelican Writer that renders only pages whose inputs changed, and writes only changed bytes.

Two mechanisms, both invisible to templates and generators:

* ``write_file`` wraps the template so that, for each output file, rendering is
  skipped when the digest of the page's inputs equals the last build's and the
  file is still there;
* every file is written through a temporary file and a rename, and not at all
  when its bytes are unchanged, so unchanged output keeps its bytes and mtime
  (rsync and CDNs upload only what changed) and a hard-linked copy of the last
  output is never modified in place.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican.writers import FileOverwriteFailedError, Writer

from plugins.contract import build_of, setting, write_if_changed

from .digest import LIST_FIELDS, content_digest, values_digest

UNCHANGED = "\x00unchanged page\x00"


@dataclass
class Fingerprints:
    """The incremental plugin's own state in one build: what ``prepare`` hands the writer."""

    salt: str = ""
    previous: dict = field(default_factory=dict)  # output file -> digest of its inputs, last build
    writer: Any = None                             # the FingerprintWriter Pelican made


def fingerprints_of(settings) -> Fingerprints:
    return build_of(settings).state(__name__, Fingerprints)


class _ReplacingFile(io.StringIO):
    """Collects what Pelican writes, then writes it through ``write_if_changed``."""

    def __init__(self, path, writer):
        super().__init__()
        self.path, self.writer = path, writer

    def close(self):
        if not self.closed:
            text = self.getvalue()
            if text != UNCHANGED:
                self.writer.stats["written" if write_if_changed(self.path, text) else "same"] += 1
        super().close()


class _SkippableTemplate:
    """Stands in for a Jinja template; renders only when the page's digest changed."""

    def __init__(self, template, writer, call_digest):
        self.template, self.writer, self.call_digest = template, writer, call_digest
        self.name = template.name

    def render(self, localcontext):
        name = localcontext["output_file"]
        digest = values_digest(self.call_digest, name, localcontext.get("SITEURL"))
        self.writer.digests[name] = digest
        path = Path(self.writer.output_path) / name
        if self.writer.previous.get(name) == digest and path.is_file():
            self.writer.stats["skipped"] += 1
            return UNCHANGED
        self.writer.stats["rendered"] += 1
        return self.template.render(localcontext)

    def __getattr__(self, attribute):
        return getattr(self.template, attribute)


class FingerprintWriter(Writer):
    """Pelican's Writer, made incremental; see the module docstring."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        state = fingerprints_of(settings or {"OUTPUT_PATH": output_path})
        self.previous: dict = state.previous
        self.salt: str = state.salt
        self.list_fields = tuple(setting(settings or {}, "INCREMENTAL_LIST_FIELDS") or LIST_FIELDS)
        state.writer = self
        self.digests: dict = {}
        self.claimed: set = set()
        self.stats = {"rendered": 0, "skipped": 0, "written": 0, "same": 0}

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        call_digest = values_digest(self.salt, template.name, name, relative_urls, template_name, url,
                                    paginated or {}, list_fields=self.list_fields)
        call_digest = values_digest(call_digest, *self._subjects(kwargs), list_fields=self.list_fields)
        wrapped = _SkippableTemplate(template, self, call_digest)
        return super().write_file(name, wrapped, context, relative_urls, paginated, template_name,
                                  override_output, url, **kwargs)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        """A feed whose items and site-wide inputs are as last time is not generated again.

        Pelican writes every feed (all, per section, per topic: dozens) on every
        build, and generating them was the largest step of a one-edit rebuild
        (6 s of 25 at 1,000 entries, measured with cProfile). A feed shows its
        first FEED_MAX_ITEMS articles, each made from its entry file (the source
        digest), its URL and the site-wide inputs (``salt``: registries,
        settings, theme, code), so those digest it.
        """
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        shown = elements[: self.settings["FEED_MAX_ITEMS"]]
        digest = values_digest(self.salt, "feed", path, url, feed_type, feed_title, context.get("SITEURL"),
                               context.get("FEED_DOMAIN"), [content_digest(element) for element in shown])
        self.digests[path] = digest
        target = os.path.join(self.output_path, path)
        if self.previous.get(path) == digest and os.path.isfile(target) and target not in self._written_files:
            self._written_files.add(target)  # Pelican's overwrite rules still see it written once
            self.claimed.add(os.path.relpath(target, self.output_path))
            self.stats["skipped"] += 1
            return None
        self.stats["rendered"] += 1
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    @staticmethod
    def _subjects(kwargs):
        """Keyword values in a stable order; each counts as the page's own subject."""
        return [item for key in sorted(kwargs) for item in (key, kwargs[key])]

    def _open_w(self, filename, encoding, override=False):
        """Pelican's overwrite rules, then a file that replaces rather than truncates.

        This overrides a private method of Pelican's Writer, because Pelican has
        no public point where a writer chooses how a file is opened, and its
        ``open(filename, "w")`` would write into the hard-linked copy of the
        published site (and change every file's mtime). The overwrite rules are
        Pelican 4.12's, restated; tests/test_contract.py pins them against
        Pelican's own Writer, so an upstream change fails a test, not a build.
        """
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'"{filename}" would be overwritten a second time')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'"{filename}" was already written in this build; pass override=True if intended')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self.claimed.add(os.path.relpath(filename, self.output_path))
        return _ReplacingFile(filename, self)
