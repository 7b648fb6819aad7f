"""Korean names in Hangul and in the press romanisations of other languages' articles.

anyascii gives the Revised Romanization ("우원식" -> "UWonSig"); newspapers write older or
personal spellings ("Woo Won-shik", "Park Geun-hye", "Lee Jae-myung"). Both sides are brought to
one key by how the names sound; no library maps between these spellings.
"""

from __future__ import annotations

import re

from parallax.analyze.translit import fold

# Where press spellings and the Revised Romanization differ: Woo/U, Duck/Deok, Shik/Sik,
# Yoon/Yun, Suk/Seok, Chung/Jung.
_KOREAN_SPELLINGS = (("ck", "k"), ("sh", "s"), ("oo", "u"), ("wu", "u"), ("eo", "u"), ("ou", "u"), ("ee", "i"),
                     ("g", "k"), ("d", "t"), ("b", "p"), ("j", "ch"))
# Family names keep older spellings: Park (박, "Bak"), Lee/Rhee/Yi (이, "I"), Choi (최, "Choe").
_KOREAN_FAMILY_SPELLINGS = {"park": "bak", "lee": "i", "rhee": "i", "yi": "i", "choi": "choe", "roh": "no",
                            "noh": "no", "yoo": "yu", "ryu": "yu", "lim": "im", "rim": "im"}


def korean_key(name: str) -> str:
    """"Woo Won-shik" and "우원식" (anyascii: "UWonSig") both give "uwonsik"."""
    if hangul(name):
        family, given = fold(name[0]), fold(name[1:])
    else:
        family, _, given = fold(name).replace("-", " ").partition(" ")
    key_ = re.sub(r"[^a-z]", "", _KOREAN_FAMILY_SPELLINGS.get(family, family) + given)
    for written, said in _KOREAN_SPELLINGS:
        key_ = key_.replace(written, said)
    return key_


def hangul(name: str) -> bool:
    return any("\uac00" <= char <= "\ud7a3" for char in name)
