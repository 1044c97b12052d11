"""The one writer API: how a plugin writes a file of the site.

Every file a build produces is either written by Pelican's writer (the
incremental plugin's ``FingerprintWriter``) or through ``OutputFiles.write``.
Both write only changed bytes, by replacing the file (never writing into it:
the output folder starts as hard links to the published site), and both
*claim* the file for this build; at the end the incremental plugin removes
whatever the previous build left that nobody claimed.
"""

from __future__ import annotations

import os
from pathlib import Path


def write_if_changed(path, data) -> bool:
    """Write ``data`` (str or bytes) to ``path`` unless it already holds exactly that; True if written."""
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


class OutputFiles:
    """The files one build writes outside Pelican's writer, and the ones it claims.

    A worker process (the search index) makes its own ``OutputFiles`` on the
    same folder and hands its ``claimed`` set back; the build adds it with
    ``claim_all``.
    """

    def __init__(self, output_path):
        self.output_path = Path(output_path)
        self.claimed: set[str] = set()

    def write(self, relative_path: str, data) -> bool:
        """Write a file of the site (str or bytes) if its bytes changed; claim it either way."""
        self.claim(relative_path)
        return write_if_changed(self.output_path / relative_path, data)

    def claim(self, relative_path: str) -> None:
        """Mark a file produced by other means (Pelican's copies, a worker) as part of this build."""
        self.claimed.add(Path(relative_path).as_posix())

    def claim_all(self, relative_paths) -> None:
        for relative in relative_paths:
            self.claim(relative)
