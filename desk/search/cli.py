"""``invoke search``: the archive's search in a terminal, for maintainers looking for duplicates.

Same index and ranking as the page and the service. Filters may name an
entity by id or by any alias in the registries ("Kryvyy Rih" for kryvyi-rih).
"""

from __future__ import annotations

import sys

from plugins.entries.reader import registries_for

from plugins.search.query import SearchResults

BOLD, PLAIN = "\033[1m", "\033[0m"


class UnknownEntity(ValueError):
    """A filter names no entity in the registries."""


def resolve_filters(options: dict, registries) -> dict:
    """Turn aliases in place/person/topic/section options into ids; fail with a 'did you mean'."""
    from plugins.search.schema import FILTER_REGISTRIES

    resolved = dict(options)
    for name, kind in FILTER_REGISTRIES.items():
        value = options.get(name)
        if not value:
            continue
        registry = getattr(registries, kind)
        entity_id = registry.resolve(value)
        if entity_id is None:
            hint = registry.suggest(value)
            raise UnknownEntity(f"no {name} '{value}' in content/data/{kind}.yml" + (f"; {hint}" if hint else ""))
        resolved[name] = entity_id
    return resolved


def format_results(results: SearchResults, colour: bool | None = None) -> str:
    """Numbered results with url, date, score and a marked excerpt; a line saying how many matched."""
    if colour is None:
        colour = sys.stdout.isatty()
    before, after = (BOLD, PLAIN) if colour else ("[", "]")
    request = results.request
    shown = ", ".join(f"{name} {value}" for name, value in request.echo().items()
                      if name not in ("q", "limit", "offset", "sort") and value)
    head = f"{results.total} result{'s' if results.total != 1 else ''} for \"{request.q}\""
    head += f" ({shown})" if shown else ""
    head += ", newest first" if request.sort == "newest" else ""
    lines = [head]
    if results.showing:
        lines.append(f'Showing results for "{results.showing}" (--exact searches the words as typed)')
    for names in results.plan.widened:
        lines.append("Every spelling of " + " / ".join(names))
    for rank, hit in enumerate(results.hits, start=request.offset + 1):
        lines.append("")
        lines.append(f"{rank:>3}. {hit.title}")
        lines.append(f"     /{hit.url} · {hit.date} · {hit.section} · score {hit.score:.3f}")
        lines.append(f"     {hit.excerpt.marked(before, after)}")
    if results.total > request.offset + len(results.hits):
        lines.append("")
        lines.append(f"… {results.total - request.offset - len(results.hits)} more (--limit, --offset)")
    return "\n".join(lines)


class CannotSearch(Exception):
    """The search cannot run: a bad option, an unknown entity, or no index yet."""


def search_command(settings: dict, query: str, options: dict, max_results: int = 1000) -> str:
    """What ``invoke search`` prints for ``query`` and its options (strings, as typed)."""
    from plugins.search.aliases import load_aliases
    from plugins.search.collection import weighting
    from plugins.search.indexing import open_index
    from plugins.search.query import run_search
    from plugins.search.request import BadRequest, SearchRequest
    from plugins.search.settings import search_settings

    config = search_settings(settings)
    try:
        options = resolve_filters({k: v for k, v in options.items() if v}, registries_for(settings))
        request = SearchRequest.from_params({"q": query, **options}, max_results=max_results)
        index = open_index(config.index_path)
    except (BadRequest, UnknownEntity, FileNotFoundError) as exc:
        raise CannotSearch(str(exc)) from None
    with index.searcher(weighting=weighting()) as searcher:
        return format_results(run_search(searcher, request, load_aliases(config.index_path)))
