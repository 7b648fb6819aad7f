"""Copy detection's rewrite test as a pure function: a paraphrase keeps its origin's names and numbers in order."""

from __future__ import annotations

from parallax.cluster.copies import anchor_sequence, rewrite_score, rewrite_share, sentence_sets
from parallax.config import default

SETTINGS = default()["cluster"].copies
REWRITE_SHARE = SETTINGS.rewrite_share

ORIGIN = """Barcelona beat Real Madrid 5-2 in the Spanish Super Cup final in Jeddah on Sunday, the first trophy for coach Hansi Flick.
Kylian Mbappe put Madrid ahead after five minutes, but Lamine Yamal levelled in the 22nd minute.
Robert Lewandowski scored from the penalty spot and Raphinha added two goals before half-time.
Alejandro Balde made it 5-1 after the break, and goalkeeper Wojciech Szczesny was sent off in the 56th minute.
Rodrygo pulled one back from a free kick, while Carlo Ancelotti said his team had been beaten by a better side."""
REWRITE = """Barcelona thrashed their arch-rivals Real Madrid 5-2 on Sunday, lifting the Spanish Super Cup in Jeddah and handing Hansi Flick a first piece of silverware.
Madrid went in front via Kylian Mbappe early on, yet Lamine Yamal equalised on 22 minutes.
Then came a Robert Lewandowski spot kick, with Raphinha netting twice as the interval approached.
Alejandro Balde made it 5-1 after the restart, though keeper Wojciech Szczesny saw red in the 56th minute.
Rodrygo curled in a late free kick, and a gracious Carlo Ancelotti conceded that the better team won."""
OTHER = """Real Madrid coach Carlo Ancelotti admitted defeat after Barcelona won the Spanish Super Cup 5-2 in Jeddah.
Raphinha was the man of the match with two goals, and Lamine Yamal scored one, while Kylian Mbappe gave Madrid an early lead.
Hansi Flick praised his players after Wojciech Szczesny was sent off, saying the team stayed calm with ten men.
Robert Lewandowski and Alejandro Balde were also on the scoresheet, and Rodrygo scored a free kick for Madrid."""


def _sentences(text: str):
    return sentence_sets(text, min_words=SETTINGS.min_sentence_words)


def _score(a: str, b: str) -> tuple[float, float]:
    return rewrite_score(_sentences(a), _sentences(b), anchor_sequence(a), anchor_sequence(b), SETTINGS)


def test_a_paraphrasing_rewrite_is_found_by_its_names_and_numbers_in_order():
    jaccard = SETTINGS.rewrite_sentence_jaccard
    share = min(rewrite_share(_sentences(REWRITE), _sentences(ORIGIN), sentence_jaccard=jaccard),
                rewrite_share(_sentences(ORIGIN), _sentences(REWRITE), sentence_jaccard=jaccard))
    assert share < REWRITE_SHARE  # too reworded for sentence overlap alone
    score, bar = _score(REWRITE, ORIGIN)
    assert score >= bar


def test_an_independent_report_with_the_same_names_is_not_a_rewrite():
    for other in (ORIGIN, REWRITE):
        score, bar = _score(OTHER, other)
        assert score < bar


def test_texts_without_enough_names_fall_back_to_sentence_share():
    text = "nothing much happened here today, and nobody said anything about it at all. " * 3
    score, bar = _score(text, text)
    assert (score, bar) == (1.0, REWRITE_SHARE)
