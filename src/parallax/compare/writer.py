"""Optional rephrasing of the brief by a language model, inside the same mechanical check.

The extractive brief is always built first. A writer (any OpenAI-compatible endpoint, see
:mod:`parallax.llm`) may then offer a smoother wording of each sentence; the wording is used only
if it passes everything the original passed and says nothing new:

- :func:`parallax.compare.brief.supported` with the *same* citations (quotes verbatim in a cited
  span, every content word found in the cited spans);
- every quotation of the original kept verbatim, and no quotation added;
- no number that the original does not contain.

Otherwise the original sentence stays. Pure: the model is a function passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from parallax.compare.brief import supported
from parallax.compare.models import BriefSentence
from parallax.compare.tunables import tunables

_QUOTED = re.compile(r"“([^”]+)”")
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")

Complete = Callable[[str], "str | None"]  # a sentence in, a rephrasing (or None) out


@dataclass
class RewriteStats:
    offered: int = 0
    used: int = 0
    rejected: int = 0


def acceptable(original: BriefSentence, wording: str, texts: dict[str, str], outlet_names: set[str]) -> bool:
    wording = wording.strip()
    s = tunables().brief
    if not wording or len(wording) > s.writer_growth * len(original.text) + s.writer_slack:
        return False
    if _QUOTED.findall(wording) != _QUOTED.findall(original.text):
        return False  # quotations verbatim, in order, none added or dropped
    if not set(_NUMBER.findall(wording)) <= set(_NUMBER.findall(original.text)):
        return False
    return supported(BriefSentence(wording, original.citations), texts, outlet_names)


def rephrase_brief(brief: list[BriefSentence], texts: dict[str, str], outlet_names: set[str],
                   complete: Complete) -> tuple[list[BriefSentence], RewriteStats]:
    stats = RewriteStats()
    out = []
    for sentence in brief:
        wording = complete(sentence.text)
        if wording is None:
            out.append(sentence)
            continue
        stats.offered += 1
        wording = " ".join(wording.split())
        if wording != sentence.text and acceptable(sentence, wording, texts, outlet_names):
            stats.used += 1
            out.append(replace(sentence, text=wording))
        else:
            stats.rejected += wording != sentence.text
            out.append(sentence)
    return out, stats
