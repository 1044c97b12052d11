"""The project's tests: a package, so pytest imports them as tests.<module> from the repository root."""
