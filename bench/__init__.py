"""The benchmark (``./dev bench``): a package so ``python -m bench.run`` and ``python bench/<script>.py`` import it by name."""
