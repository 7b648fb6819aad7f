"""Claims, extracted once in the analysis stage and stored with it (see :mod:`.base`).

Importing the extractor modules registers them; the ``claims`` analysis extractor runs the kinds
the ``[analyze.claims] kinds`` setting lists, in that order, over the parsed article.
"""

from __future__ import annotations

from parallax.analyze.claims import durations, magnitudes, measures, numbers  # noqa: F401  (they register)
from parallax.analyze.claims.base import ClaimSource, ParsedArticle, claims_of, sentence_bounds
from parallax.analyze.components import Context, extractor


@extractor("claims")
def claims(ctx: Context) -> None:
    article = ParsedArticle("", ctx.text, ctx.language, ctx)
    ctx.claims = claims_of(article, ctx.settings.claims)


__all__ = ["ClaimSource", "ParsedArticle", "claims_of", "sentence_bounds"]
