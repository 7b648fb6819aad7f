"""Row relations as a pure function of the values in a row."""

from __future__ import annotations

import pytest

from parallax.compare.align import relation
from parallax.config import default

ALIGN = default()["compare"].align
from parallax.analyze.models import Claim


def _number(article: str, value: float, unit: str) -> Claim:
    return Claim("number", article, 0, 1, f"{value:g} {unit}", f"{value:g}", value, value, unit,
                 frozenset(), 0, 1)


ORIGINS = {name: name for name in "ABCD"}


def test_different_measures_side_by_side_are_complementary():
    row = [_number("A", 1000, "km2"), _number("B", 100, "settlement")]
    assert relation(row, ORIGINS) == ("complementary", None)


def test_one_measure_given_two_close_values_inside_a_mixed_row_is_a_conflict():
    # Turnout 66.71 % vs 67.5 %, next to a seat count the row also caught.
    row = [_number("A", 66.71, "percent"), _number("B", 67.5, "percent"), _number("C", 577, "député")]
    assert relation(row, ORIGINS) == ("conflict", "number")


def test_far_apart_values_of_one_unit_in_a_mixed_row_stay_complementary():
    # "717 members voted" and "394 members voted against": two measures that share a noun.
    row = [_number("A", 717, "member"), _number("B", 394, "member"), _number("C", 733, "seat")]
    assert relation(row, ORIGINS) == ("complementary", None)


def test_copies_do_not_make_a_conflict():
    row = [_number("A", 66.71, "percent"), _number("B", 67.5, "percent"), _number("C", 577, "député")]
    assert relation(row, {"A": "A", "B": "A", "C": "C"}) == ("complementary", None)


def test_the_only_value_of_a_measure_in_two_articles_counts_towards_one_row():
    from dataclasses import replace

    from parallax.compare.align import Weights, pair_score

    a, b = _number("A", 155, "duration"), _number("B", 168, "duration")
    weights = Weights({})
    sole = pair_score(replace(a, sole=True), replace(b, sole=True), weights)
    assert sole - pair_score(a, b, weights) == ALIGN.sole_measure
    far = replace(b, value="600", low=600, high=600, sole=True)
    assert pair_score(replace(a, sole=True), far, weights) == pair_score(a, replace(far, sole=False), weights)


def test_a_quote_two_origins_give_to_different_people_is_an_attribution_conflict():
    from parallax.compare.models import QuoteEntry, QuoteSource
    from parallax.compare.quotes import quote_facts

    words = "We will not retreat from this position"
    same = QuoteEntry("Dmitry Peskov", words, [QuoteSource("A", 0, 38, words, "Dmitry Peskov"),
                                               QuoteSource("B", 5, 43, words, "Dmitry Peskov")], "A")
    other = QuoteEntry("Dmitry Peskov", words, [QuoteSource("A", 0, 38, words, "Dmitry Peskov"),
                                                QuoteSource("C", 9, 47, words, "Sergey Lavrov")], "A")
    copied = QuoteEntry("Dmitry Peskov", words, [QuoteSource("A", 0, 38, words, "Dmitry Peskov"),
                                                 QuoteSource("D", 0, 38, words, "Dmitry Peskov")], "A")
    people = {"Dmitry Peskov", "Sergey Lavrov"}
    origins = {"A": "A", "B": "B", "C": "C", "D": "A"}
    agree, conflict = quote_facts([same, other, copied], origins, people)
    assert (agree.kind, agree.relation, agree.conflict_type) == ("quote", "agree", None)
    assert (conflict.relation, conflict.conflict_type) == ("conflict", "attribution")
    assert [v.value for v in conflict.values] == ["Dmitry Peskov", "Sergey Lavrov"]


def test_two_different_lower_bounds_are_two_figures_not_an_agreement():
    import math
    from dataclasses import replace

    over_80k = replace(_number("A", 80000, "crowd"), low=80000, high=math.inf)
    over_50k = replace(_number("B", 50000, "crowd"), low=50000, high=math.inf)
    assert relation([over_80k, over_50k], ORIGINS) == ("conflict", "number")
    # ...while a bound and a figure inside it still agree: "more than 1,000" and "1,200"
    assert relation([replace(over_50k, article="A"), _number("B", 52000, "crowd")], ORIGINS) == ("agree", None)


def _time(article: str, value: str) -> Claim:
    return Claim("time", article, 0, 4, value, value, 0.0, 0.0, "clock", frozenset(), 0, 4)


def test_clock_times_minutes_apart_pair_but_round_hours_do_not():
    from parallax.compare.align import Weights, pair_score

    weights = Weights({})  # no shared words at all: Korean and English reports of one address
    assert pair_score(_time("A", "04:20"), _time("B", "04:30"), weights) == ALIGN.near_time < ALIGN.match["time"]
    assert pair_score(_time("A", "22:20"), _time("B", "22:20"), weights) == ALIGN.same_time >= ALIGN.match["time"]
    assert pair_score(_time("A", "23:55"), _time("B", "00:05"), weights) == ALIGN.near_time  # across midnight
    assert pair_score(_time("A", "04:20"), _time("B", "04:50"), weights) == 0.0
    assert pair_score(_time("A", "22:00"), _time("B", "22:10"), weights) == 0.0  # "about ten" is not a moment


def test_the_same_count_of_people_and_of_spectators_is_one_measure_more_likely():
    from parallax.compare.align import Weights, pair_score
    from parallax.compare.values import related_units

    weights = Weights({})
    people, spectators = _number("A", 300000, "people"), _number("B", 300000, "crowd")
    euros = _number("B", 300000, "eur")
    assert pair_score(people, spectators, weights) - pair_score(people, euros, weights) == pytest.approx(ALIGN.same_measure)
    assert related_units("people", "dead") and not related_units("crowd", "athletes")
    assert not related_units("people", "people")  # the same unit is scored as such elsewhere


def test_an_odd_number_of_minutes_repeated_is_one_measurement():
    from parallax.compare.align import Weights, pair_score, specific

    weights = Weights({})
    delay_a, delay_b = _number("A", 82, "duration"), _number("B", 82, "duration")
    assert specific(delay_a) and not specific(_number("A", 45, "duration"))  # "45 minutes" is said of many things
    assert pair_score(delay_a, delay_b, weights) >= ALIGN.match["number"]
    # the same value under another unit is not the same measurement: "14 minutes" / "14 goals"
    assert pair_score(_number("A", 14, "duration"), _number("B", 14, "goals"), weights) == 0.0


def _date(article: str, text: str, written: str, value: str) -> Claim:
    start = text.index(written)
    return Claim("date", article, start, start + len(written), written, value, 0, 0, "", frozenset(), 0, len(text))


def test_a_dateline_is_when_the_report_was_filed_not_a_disagreement_about_the_day():
    """"JERUSALEM/TEHRAN, Oct. 2 (Xinhua) --" over a report of an attack on 1 October is the day
    the agency filed it; the same day written in a sentence can still disagree."""
    from parallax.compare.align import conflict_core
    from parallax.compare.evidence import dateline

    texts = {"A": "The Israeli military confirmed on Tuesday, October 1, that Iran launched about 180 missiles.",
             "B": "JERUSALEM/TEHRAN, Oct. 2 (Xinhua) -- Iran fired about 180 missiles at Israel on Tuesday evening.",
             "C": "Iran fired about 180 missiles at Israel on Oct. 2, officials said.",
             "D": "Oct. 2 (Reuters) — Iran fired missiles at Israel."}
    attack = _date("A", texts["A"], "October 1", "2024-10-01")
    filed, stated, agency = (_date("B", texts["B"], "Oct. 2", "2024-10-02"),
                             _date("C", texts["C"], "Oct. 2", "2024-10-02"), _date("D", texts["D"], "Oct. 2", "2024-10-02"))
    assert dateline(filed, texts) and dateline(agency, texts) and not dateline(stated, texts)
    assert not dateline(attack, texts)
    assert conflict_core([attack, filed], ORIGINS, None, texts=texts)[0] == []
    assert conflict_core([attack, stated], ORIGINS, None, texts=texts)[0] == [attack, stated]


def _count(article: str, text: str, written: str, value: float, unit: str) -> Claim:
    start = text.index(written)
    return Claim("number", article, start, start + len(written), written, f"{value:g}", value, value, unit,
                 frozenset(), 0, len(text), alone=True, sole=True)


def test_a_count_of_the_others_and_one_more_than_it_are_one_field():
    """"None of the nine candidates" and "among eight other candidates" count the same field; nine
    against seven other candidates (or two counts without "other") would still differ."""
    from parallax.compare.evidence import others_and_all

    texts = {"A": "None of the nine candidates secured a majority.",
             "B": "In the first round among eight other candidates, he won 154 votes.",
             "C": "Seven other candidates stood.", "D": "Otros ocho candidatos se presentaron."}
    nine = _count("A", texts["A"], "nine candidates", 9, "candidates")
    eight = _count("B", texts["B"], "eight other candidates", 8, "candidates")
    seven = _count("C", texts["C"], "Seven", 7, "candidates")
    ocho = _count("D", texts["D"], "ocho", 8, "candidates")
    assert others_and_all(nine, eight, texts) and others_and_all(ocho, nine, texts)
    assert not others_and_all(nine, seven, texts) and not others_and_all(eight, ocho, texts)


def test_an_age_the_person_would_have_reached_is_no_disagreement_about_their_age():
    """"He would have turned 48 on 4 June" and "he was 47" agree; "he was 48" against "he was 47"
    is still a conflict to show."""
    from parallax.compare.align import conflict_core

    texts = {"A": "4 июня Алексею Навальному исполнилось бы 48 лет.", "B": "Aleksei Navalny was 47 years old.",
             "C": "Navalny was 48 years old.", "D": "Navalny hatte 48 Jahre erreicht."}
    would = _count("A", texts["A"], "48 лет", 48, "years")
    was, said = _count("B", texts["B"], "47 years old", 47, "years"), _count("C", texts["C"], "48 years old", 48, "years")
    indicative = _count("D", texts["D"], "48 Jahre", 48, "years")
    assert conflict_core([would, was], ORIGINS, None, texts=texts)[0] == []
    assert set(conflict_core([said, was], ORIGINS, None, texts=texts)[0]) == {was, said}
    assert conflict_core([indicative, was], ORIGINS, None, texts=texts)[0] != []


def test_a_measure_several_sources_agree_on_takes_no_figure_of_another_measure():
    from parallax.compare.align import Weights, build_rows

    share = [_number(article, 70, "percent") for article in "ABC"]
    votes = _number("D", 5150092, "vote")
    # Every pair shares its context: only the measures keep the vote count out of the share's row.
    linked = [replace_context(claim, frozenset({"opposition", "count", "tally", "machado"})) for claim in [*share, votes]]
    rows = build_rows(linked, Weights({}))
    row_of_share = next(row for row in rows if any(c.unit == "percent" for c in row))
    assert sorted(c.article for c in row_of_share) == ["A", "B", "C"]
    assert relation(row_of_share, ORIGINS) == ("agree", None)
    # Two figures of different measures alone still make a complementary row.
    pair = build_rows([replace_context(_number("A", 1000, "km2"), frozenset({"territory", "kursk", "control"})),
                       replace_context(_number("B", 100, "settlement"), frozenset({"territory", "kursk", "control"}))],
                      Weights({}))
    assert [sorted(c.article for c in row) for row in pair] == [["A", "B"]]


def replace_context(claim: Claim, context: frozenset[str]) -> Claim:
    from dataclasses import replace

    return replace(claim, context=context)


def test_an_age_not_reached_leaves_the_row_and_the_sources_giving_the_age_agree():
    from parallax.compare.align import align

    texts = {"A": "4 июня Алексею Навальному исполнилось бы 48 лет.", "B": "Aleksei Navalny was 47 years old.",
             "C": "Nawalny wurde 47 Jahre alt."}
    context = frozenset({"navalny", "age"})
    claims = [replace_context(_count("A", texts["A"], "48 лет", 48, "years"), context),
              replace_context(_count("B", texts["B"], "47 years old", 47, "years"), context),
              replace_context(_count("C", texts["C"], "47 Jahre", 47, "years"), context)]
    rows = [fact for fact in align(claims, ORIGINS, texts) if fact.kind == "number"]
    assert [(row.relation, sorted(v.article for v in row.values)) for row in rows] == [("agree", ["B", "C"])]


def test_sources_that_agree_on_a_figure_are_shown_agreeing_though_others_give_other_figures():
    """A row of "different figures" would hide that three sources give one turnout; they make an
    agreeing row, and the other figures (a vote share, a share counted) a row of their own that
    taking them out does not turn into a conflict."""
    from parallax.compare.align import align

    texts = {"A": "The council said turnout was 59% with 80% of tally sheets counted.",
             "B": "Turnout reached 59%, the council said.", "C": "The council put turnout at 59%.",
             "D": "The council said the president won 51%.", "E": "The council said 80% were counted."}
    context = frozenset({"council", "turnout", "said"})
    claims = [replace_context(_count(k, texts[k], f"{value}%", value, "percent"), context)
              for k, value in (("A", 59), ("B", 59), ("C", 59), ("D", 51), ("E", 80))]
    rows = [(row.relation, sorted(v.article for v in row.values)) for row in align(claims, {k: k for k in texts}, texts)]
    assert rows == [("agree", ["A", "B", "C"]), ("differ", ["D", "E"])]


def test_a_magnitude_in_words_is_no_evidence_of_one_figure_by_being_its_article_s_only_count():
    """"Hundreds of people" injured and "thousands of people" fled, each its article's only count of
    people, are not two outlets' figures for one thing; two exact figures so placed still are."""
    from dataclasses import replace

    from parallax.compare.evidence import same_thing_evidence

    hundreds = replace(_count("A", "Hundreds of people were injured.", "Hundreds of people", 100, "people"),
                       high=999.0)
    thousands = replace(_count("B", "Thousands of people fled.", "Thousands of people", 1000, "people"), high=9999.0)
    assert not same_thing_evidence(hundreds, thousands, None)
    exact = _count("A", "Some 800 people were injured.", "800 people", 800, "people")
    other = _count("B", "Some 1,200 people were injured.", "1,200 people", 1200, "people")
    assert same_thing_evidence(exact, other, None)


def test_a_pair_of_two_measures_does_not_carry_its_other_measure_into_a_row():
    """"43.18 por ciento" and "6,480,844 votos" from one sentence pattern make a pair of two
    measures; joining that pair to the row where three sources agree on a vote count would put
    a vote share among the vote counts."""
    from parallax.compare.align import Weights, build_rows

    count = frozenset({"maduro", "votes", "council", "bulletin"})
    both = count | {"gonzalez", "share"}
    votes = [replace_context(_number(article, 6408844, "vote"), count) for article in "ABC"]
    pair = [replace_context(_number("D", 43.18, "percent"), both), replace_context(_number("E", 6480844, "vote"), both)]
    rows = build_rows([*votes, *pair], Weights({}))
    row_of_votes = next(row for row in rows if any(c.article == "A" for c in row))
    assert {c.unit for c in row_of_votes} == {"vote"}
    assert {"A", "B", "C"} <= {c.article for c in row_of_votes}


def test_a_near_figure_joins_a_row_whose_bare_numbers_take_the_row_s_unit():
    """"6.408.844" written without its noun takes the row's unit: a near figure of that unit
    ("6,480,844 votos"), left out of every row, still joins it as the figure it disagrees with."""
    from dataclasses import replace

    from parallax.compare.align import Weights, attach_near_values

    context = frozenset({"maduro", "votes", "council", "bulletin"})
    row = [replace_context(_number(article, 6408844, "vote"), context) for article in "AB"]
    row.append(replace_context(replace(_number("C", 6408844, ""), unit=""), context))
    near = replace_context(_number("D", 6480844, "vote"), context)
    loose = [near]
    attach_near_values([row], loose, Weights({}), None)
    assert near in row and not loose


def test_rows_agreeing_on_one_particular_figure_are_one_row():
    """An article giving "96.87%" twice (its lead and its list of results) may leave one mention
    in each of two agreeing rows: the report shows the figure once, with every source."""
    from dataclasses import replace

    from parallax.compare.align import align

    texts = {"A": "The council counted 96.87% of tally sheets.\nResults with 96.87% of sheets: Maduro 51%.",
             "B": "The council counted 96.87% of tally sheets.", "C": "Results with 96.87% of sheets: Maduro 51%."}
    lead, results = frozenset({"council", "counted", "tally"}), frozenset({"results", "sheets", "maduro"})
    second = texts["A"].index("Results")
    claims = [replace_context(_count("A", texts["A"], "96.87%", 96.87, "percent"), lead),
              replace_context(_count("B", texts["B"], "96.87%", 96.87, "percent"), lead),
              replace_context(_count("C", texts["C"], "96.87%", 96.87, "percent"), results)]
    again = _count("A", texts["A"][second:], "96.87%", 96.87, "percent")
    claims.append(replace_context(replace(again, start=again.start + second, end=again.end + second,
                                          sentence_start=second, sentence_end=len(texts["A"])), results))
    rows = [(row.relation, sorted(v.article for v in row.values)) for row in align(claims, ORIGINS | {"C": "C"}, texts)
            if row.kind == "number"]
    assert rows == [("agree", ["A", "B", "C"])]


def test_a_figure_written_with_a_scale_word_is_rounded_at_its_last_written_digit():
    """"6,4 milhões de votos" is how an outlet writes 6,408,844 votes (rounded, or cut from
    6,480,844), not another count; "6,5 milhões" is neither."""
    from dataclasses import replace

    exact = replace(_number("A", 6408844, "votes"), text="6.408.844 votos")
    assert relation([exact, replace(_number("B", 6400000, "votes"), text="6,4 milhões de votos")], ORIGINS) == (
        "agree", None)
    cut = replace(_number("C", 6480844, "votes"), text="6,480,844 votos")
    assert relation([cut, replace(_number("B", 6400000, "votes"), text="6,4 milhões")], ORIGINS) == ("agree", None)
    assert relation([exact, replace(_number("B", 6500000, "votes"), text="6,5 milhões")], ORIGINS)[0] == "conflict"
    assert relation([exact, replace(_number("B", 2000000, "votes"), text="two million")], ORIGINS)[0] == "conflict"


def test_each_article_s_only_figure_of_a_unit_is_one_figure_only_when_the_two_are_of_one_size():
    """"2,885 points" clear and "4,105 points" clear may be two outlets' figures for one lead;
    "11.180 punti" (the whole tally) is another measure of the same unit."""
    from dataclasses import replace

    from parallax.compare.evidence import same_thing_evidence
    from parallax.compare.tunables import using

    lead, other_lead, tally = (replace(_number(article, value, "points"), sole=True)
                               for article, value in (("A", 2885), ("B", 4105), ("C", 11180)))
    with using(default()["compare"]):
        assert same_thing_evidence(lead, other_lead, None)
        assert not same_thing_evidence(other_lead, tally, None)


def test_a_figure_the_first_pass_joined_to_a_stray_row_moves_to_the_row_of_its_measure():
    """One article gives the penalty's minute as 35 and the opening goal's as 21. Greedy
    joining can put its "35" with another outlet's "22nd minute" and its "21" with the "36th
    minute" the others agree on; the third pass swaps them, so the row of the penalty shows 35
    against 36 and the opening goal's row 21 against 22."""
    from parallax.compare.align import Weights, rehome_near_values

    penalty, opener = frozenset({"penalty", "lewandowski", "converted"}), frozenset({"opener", "mbappe", "scored"})
    both = penalty | opener
    agreed = [replace_context(_number(article, 36, "minute"), penalty) for article in "AB"]
    stray_21 = replace_context(_number("D", 21, "minute"), both)
    row_36 = [*agreed, stray_21]
    stray_35 = replace_context(_number("D", 35, "minute"), penalty)
    row_22 = [replace_context(_number("B", 22, "minute"), both), stray_35]
    rehome_near_values([row_36, row_22], Weights({}), None)
    assert stray_35 in row_36 and stray_21 not in row_36
    assert stray_21 in row_22
