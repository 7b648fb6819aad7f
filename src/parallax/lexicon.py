"""Shared word lists, one place each (as textacy keeps its in one constants module).

Every stage reads its word lists from here: the weekday and ordinal words, the number words and
scales, the plausible years. Lists that only one extractor uses (its cue verbs, its hedges) stay
next to that extractor.
"""

from __future__ import annotations

# Ordinal words by value, in the languages the stories are compared in: "fourth flight" and
# "fifth flight" are look-alike events told apart by the ordinal.
ORDINAL_WORDS: dict[int, str] = {
    1: "first 1st premier première primo prima primer primera primeiro erste ersten erster pierwszy первый перший",
    2: "second 2nd deuxième seconde secondo seconda segundo segunda zweite zweiten drugi второй другий",
    3: "third 3rd troisième terzo terza tercer tercera terceiro dritte dritten trzeci третий третій",
    4: "fourth 4th quatrième quarto quarta cuarto cuarta vierte vierten czwarty четвертый четвертий",
    5: "fifth 5th cinquième quinto quinta fünfte fünften piąty пятый п'ятий",
    6: "sixth 6th sixième sesto sesta sexto sexta sechste sechsten szósty шестой шостий",
    7: "seventh 7th septième settimo settima séptimo séptima siebte siebten siódmy седьмой сьомий",
}

# Years a news text can plausibly name as a date; other four-digit numbers are counts.
FIRST_YEAR, LAST_YEAR = 1900, 2100
