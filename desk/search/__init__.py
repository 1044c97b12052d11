"""Searching the index the search plugin (plugins/search) writes, outside the build.

``service``: the JSON search service; ``serving``: the site and the service on one
WSGI app; ``cli``: ``./dev search``.
"""
