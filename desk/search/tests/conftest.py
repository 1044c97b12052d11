"""The small hand-written index of the search plugin's tests, for the service's tests."""

from plugins.search.tests.conftest import index_path

__all__ = ["index_path"]
