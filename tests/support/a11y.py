"""axe-core in the page under test (the copy bundled by axe-playwright-python)."""

from __future__ import annotations


def axe_violations(page) -> list[str]:
    """Readable lines for every axe violation on the page (WCAG 2.x A and AA rules and best practices)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    lines = []
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines
