"""Running builds for the maintainer's commands: atomic output, local serving.

Not a Pelican plugin: ``tasks.py`` calls it; Pelican never loads it.
"""
