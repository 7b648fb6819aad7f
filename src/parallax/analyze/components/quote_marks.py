"""Direct quotations found by their marks, in every quote style: “ ” « » „ “ » « ‚ ‘ ‘ ’ " 「 」 『 』
and paragraph-opening dashes. Marks work in every language; who speaks is decided elsewhere."""

from __future__ import annotations

import re

_GUILLEMETS = re.compile(r"«\s*([^«»]+?)\s*»")
_REVERSED_GUILLEMETS = re.compile(r"»([^«»]+?)«")
_PAIRS = [
    # Not across a blank line: with mixed marks (“no evidence" … "more hours”) the curly pair would
    # swallow the paragraphs between; a quote running over paragraphs reopens each one.
    # Nor past a straight mark that closes (“I heard parts of it," Trump said. "He wants…”); a
    # straight pair nested inside is fine (“a "nested" word”).
    re.compile(r"“((?:[^“”\"\n]|\n(?![ \t]*\n)|(?<=[\s(\[—–-])\"(?=\S)[^\"“”\n]*\")+?)”"),
    _GUILLEMETS,
    re.compile(r"„([^„“”]+?)[“”]"),
    _REVERSED_GUILLEMETS,
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‚((?:[^‚‘’]|’(?=\w))+?)‘"),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))‘((?:[^‘’]|’(?=\w))+?)’(?!\w)"),
    # Not the attributes of markup (id="7479"), and never from a closing-shaped mark to an opening-
    # shaped one: after “…FBI," the words up to "like candy" are not a quote.
    # The closing mark may follow a space after the quote's own punctuation ("…doing this, " Trump
    # said; "…the 'Title Sponsor,' " he wrote).
    # Curly marks inside only as a pair: in "…to compete,” said Paul Lindsay. "Some …" the ” closes.
    re.compile(r"(?<!=)\"(?=\S)((?:[^\"\n“”]|“[^“”\"\n]*”)+?)(?:(?<=\S)|(?<=[,.!?'’] ))\"(?!\s*\w+=)"),
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))“(?=\S)([^“”\"\n]+?)(?<=\S)\""),  # curly opened, straight closed
    re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))\"(?=\S)([^“”\"\n]+?)(?<=\S)”"),  # and the other way round
    re.compile(r"(?:(?<=^)|(?<=[\s\u202a-\u202e]))”(?=\w)([^“”\n]+?)”"),  # a closing mark typed as the opening one
    re.compile(r"(?:(?<=^)|(?<=\s))“(?=\S)([^“”\n]+?[,.!?])“(?=\s+[a-z])"),  # and the other way round
    re.compile(r"「([^「」]+?)」"),  # Japanese, and Chinese in Taiwan and Hong Kong
    re.compile(r"『([^『』]+?)』"),
]
_DASH_QUOTE = re.compile(r"(?m)^[—–―]\s*(.+?)(?:\s+[—–―]\s+|$)")


def find_direct(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted text (inside the marks), outermost first, no overlaps."""
    found: list[tuple[int, int]] = []
    # Guillemets open outwards in French (« … ») and inwards in German (» … «); read both ways, the
    # words between two French quotes would become a quote. The first guillemet tells the style.
    french = text.find("«") != -1 and (text.find("»") == -1 or text.find("«") < text.find("»"))
    for pattern in _PAIRS:
        if pattern is (_REVERSED_GUILLEMETS if french else _GUILLEMETS):
            continue
        for match in pattern.finditer(text):
            found.append((match.start(1), match.end(1)))
    for match in _DASH_QUOTE.finditer(text):
        found.append((match.start(1), match.end(1)))
    found.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if out and start < out[-1][1]:
            continue  # nested or overlapping: keep the outer quote
        while end > start and text[end - 1] in " ,;\u00a0":  # "…,” he added": the comma is ours, not theirs
            end -= 1
        while start < end and text[start] in " \u00a0":
            start += 1
        if text[start:end].strip():
            out.append((start, end))
    return out
