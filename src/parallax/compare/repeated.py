"""One particular figure that several rows agree on is one row.

A row holds one value per article. An article that repeats a figure ("96,87 %" in its lead and
again in its list of results) can end with its two mentions in two rows that each agree on the
figure with other sources, and the report then shows the same agreement twice, each time with
part of the sources (and a gold fact spread over two rows is found in neither). Rows that agree
on one particular value of one unit ("66.71 %", "6,408,844 votes": too particular to repeat by
chance, see ``align.specific``) are one fact and are merged, one mention per article.
"""

from __future__ import annotations

from collections.abc import Callable

from parallax.analyze.models import Claim


def figure_of(row: list[Claim], relation: str, particular: Callable[[Claim], bool]) -> tuple[str, str, str] | None:
    """(kind, unit, value) of a row whose sources agree on one particular value, else None."""
    if relation != "agree" or not all(particular(c) for c in row):
        return None
    figures = {(c.kind, c.unit, c.value) for c in row}
    return next(iter(figures)) if len(figures) == 1 else None


def merge_repeated_figures(judged: list[tuple[list[Claim], str]], particular: Callable[[Claim], bool]
                           ) -> list[list[Claim] | None]:
    """One entry per row, in order: the row itself; for the first of rows agreeing on one particular
    figure, the merged row (each article's first mention, by position); None for the rows merged
    into an earlier one."""
    first_of: dict[tuple[str, str, str], int] = {}
    out: list[list[Claim] | None] = []
    for row, relation in judged:
        figure = figure_of(row, relation, particular)
        if figure is None or figure not in first_of:
            if figure is not None:
                first_of[figure] = len(out)
            out.append(row)
            continue
        first = first_of[figure]
        mentions = sorted([*out[first], *row], key=lambda c: (c.article, c.start), reverse=True)
        out[first] = sorted({c.article: c for c in mentions}.values(), key=lambda c: (c.article, c.start))
        out.append(None)
    return out
