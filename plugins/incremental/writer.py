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
from pathlib import Path

from pelican.writers import Writer

from .digest import LIST_FIELDS, values_digest

UNCHANGED = "\x00unchanged page\x00"
STATE_KEY = "_INCREMENTAL_STATE"


def write_if_changed(path, data) -> bool:
    """Write ``data`` (str or bytes) to ``path`` unless it already holds exactly that."""
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        if path.stat().st_size == len(raw) and path.read_bytes() == raw:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(raw)
    os.replace(temporary, path)
    return True


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
        state = (settings or {}).get(STATE_KEY) or {}
        self.previous: dict = state.get("previous", {})
        self.salt: str = state.get("salt", "")
        self.list_fields = tuple((settings or {}).get("INCREMENTAL_LIST_FIELDS") or LIST_FIELDS)
        state["writer"] = self
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

    @staticmethod
    def _subjects(kwargs):
        """Keyword values in a stable order; each counts as the page's own subject."""
        return [item for key in sorted(kwargs) for item in (key, kwargs[key])]

    def _open_w(self, filename, encoding, override=False):
        """Pelican's overwrite rules, then a file that replaces rather than truncates."""
        if filename in self._overridden_files:
            if override:
                raise RuntimeError(f'"{filename}" would be overwritten a second time')
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise RuntimeError(f'"{filename}" was already written in this build; pass override=True if intended')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        self.claimed.add(os.path.relpath(filename, self.output_path))
        return _ReplacingFile(filename, self)
