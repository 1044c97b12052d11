"""Build state kept between builds in CACHE_PATH: pickles, read forgivingly and written atomically.

A cache that cannot be read (missing, damaged, written by other code) is no
cache: the caller works everything out again. One is written whole or not at
all (through ``write_if_changed``: a temporary file renamed into place), so a
build killed while saving leaves the previous state.
"""

from __future__ import annotations

import pickle

from .output import write_if_changed

UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError,
              IndexError)


def load_state(path, default=None):
    """What ``save_state`` stored at ``path``, or ``default`` when there is nothing usable."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except UNREADABLE:
        return default


def save_state(path, data) -> None:
    write_if_changed(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
