"""Korean personal names, found by the title that follows them ("우원식 국회의장", "한덕수 국무총리").

Hangul has no capital letters and the default install has no Korean model, so without this
a Korean article names nobody. Korean news almost always gives a person's full name (three
syllables, family name first) followed by their title on first mention; that shape, with the
family name taken from the common ones, is precise enough to be worth a name ("민주당
원내대표" — the Democratic Party's floor leader — is not a person: 민 is a family name, but
"민주당" is in the short list of look-alike words below).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# The common Korean family names, one syllable each.
FAMILY_NAMES = set(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
)
TITLES = (
    "전 대통령|대통령|국회의장|국무총리|총리|부총리|장관|차관|원내대표|대표|의원|위원장|대변인|비서실장|실장|사령관|"
    "의장|대법원장|재판관|청장|원장|지사|시장|당선인|후보|감독|선수|총장|회장|사무총장|교황|추기경|대사|검찰총장|여사|씨"
)
NAME_BEFORE_TITLE = re.compile(rf"(?<![가-힣])([가-힣]{{3}})\s?({TITLES})")
# Three-syllable words that open like a family name and stand before a title.
NOT_NAMES = {"민주당", "국민의", "한나라", "정의당", "조국당", "국회의", "전직", "신임", "현직", "이번에"}
PARTICLE_ENDINGS = set("는은가를을에의도로와과서")


def hangul_names(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, name, title) for every mention of a Korean name that is followed by a title
    at least once in the text; later mentions ("우원식은") carry the first title seen."""
    titles: dict[str, str] = {}
    for match in NAME_BEFORE_TITLE.finditer(text):
        name = match.group(1)
        if name[0] in FAMILY_NAMES and name[-1] not in PARTICLE_ENDINGS and name not in NOT_NAMES:
            titles.setdefault(name, match.group(2))
    if not titles:
        return
    mention = re.compile(r"(?<![가-힣])(" + "|".join(map(re.escape, titles)) + ")")
    for match in mention.finditer(text):
        yield match.start(), match.end(), match.group(), titles[match.group()]
