"""Cause claims as a pure function of the text and its sentences."""

from __future__ import annotations

import re

from parallax.analyze.models import Analysis, Sentence
from parallax.compare.values import compatible
from parallax.analyze.claims.numbers import causes
from parallax.compare.models import SourceArticle
from parallax.config import default

CLAIMS = default()["analyze"].claims


def _causes(text: str) -> list[tuple[str, str]]:
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article = SourceArticle("a", None, "en", None, "", text, Analysis("a", "en", "", text, sentences=sentences))
    return [(c.text, c.value) for c in causes(article, CLAIMS)]


def test_a_named_thing_is_a_cause_but_named_people_are_an_agent():
    assert _causes("The disruption was caused by a CrowdStrike Falcon update.") == [
        ("caused by a CrowdStrike Falcon update", "crowd falco updat")]
    assert _causes("Two men were killed by Russian forces.") == []


def test_causes_attributed_or_blamed():
    assert _causes("Microsoft is attributing it to a defect in a recent Windows update.") == [
        ("attributing it to a defect", "defec")]
    assert _causes("The outage was blamed on a faulty software update.") == [
        ("blamed on a faulty software update", "fault softw updat")]


def test_two_different_causes_do_not_agree():
    from parallax.analyze.models import Claim

    def claim(value: str) -> Claim:
        return Claim("cause", "a", 0, 1, value, value, 0.0, 0.0, "cause", frozenset(), 0, 1)

    assert not compatible(claim("crowd falco updat"), claim("defec"))
    assert compatible(claim("gunfir"), claim("heavy gunfir"))


def test_crowds_and_athletes_are_one_measure_each_across_languages():
    from parallax.analyze.claims.units import unit_key

    assert {unit_key(w) for w in ("protesters", "manifestants", "Demonstranten", "manifestantes")} == {"crowd"}
    assert {unit_key(w) for w in ("spectators", "Zuschauer", "spettatori")} == {"crowd"}
    assert unit_key("athletes") == unit_key("Athleten") == "athletes" != unit_key("people")


def test_suspects_are_one_measure_and_turkish_people_keep_their_case_endings():
    from parallax.analyze.claims.units import unit_key

    assert {unit_key(w) for w in ("suspects", "Verdächtige", "sospechosos", "şüphelinin", "подозреваемых")} == {
        "suspects"}
    assert {unit_key(w) for w in ("kişi", "kişinin", "kişiye", "people", "Menschen")} == {"people"}
    assert unit_key("석을") == unit_key("Sitze") == "seats"  # the Korean seat counter
    assert {unit_key(w) for w in ("missiles", "misiles", "Raketen", "ракет")} == {"missiles"}


def test_a_year_with_the_word_for_year_is_a_calendar_year_not_a_count_of_years():
    text = "Навальный был осуждён в 2021 году, а отравлен в августе 2020 года."
    assert [(c.value, c.unit) for c in _analysed("ru", text, "number")] == [("2021", "year"), ("2020", "year")]
    polish = _analysed("pl", "Wybory odbyły się w 2020 roku.", "number")
    assert [(c.value, c.unit) for c in polish] == [("2020", "year")]


def test_counted_nouns_in_arabic_and_devanagari_are_words_and_cjk_counters_one_character():
    from parallax.analyze.claims.units import unit_key

    assert unit_key("सीटें") == unit_key("مقاعد") == unit_key("Sitze") == "seats"
    assert unit_key("عاما") == unit_key("歳") == unit_key("лет") == "years"
    assert unit_key("名議員") == unit_key("名") == "people"


def test_an_ordinal_counts_the_last_noun_of_a_compound():
    from parallax.analyze.claims.numbers import ordinals

    text = "Lewandowski scored his 16th league goal of the season. He missed a 66th minute penalty."
    sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article = SourceArticle("a", None, "en", None, "", text, Analysis("a", "en", "", text, sentences=sentences))
    assert [(c.text, c.value, c.unit) for c in ordinals(article, CLAIMS)] == [
        ("16th league goal", "16", "goals"), ("66th minute", "66", "minute")]


def test_bare_match_minutes_in_romance_match_reports_only_where_a_goal_is_scored():
    from parallax.analyze.claims.measures import minute_marks

    def minutes(text: str, language: str) -> list[tuple[str, str]]:
        sentences = [Sentence(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
        article = SourceArticle("a", None, language, None, "", text, Analysis("a", language, "", text, sentences=sentences))
        return [(c.text, c.value) for c in minute_marks(article, CLAIMS)]

    assert minutes("Lewandowski transformó en el 36 la pena máxima.", "es") == [("en el 36", "36")]
    assert minutes("Aos 21, o empate veio com gol de Yamal e, aos 35, Lewandowski marcou.", "pt") == [
        ("Aos 21", "21"), ("aos 35", "35")]
    assert minutes("El museo abrió en el 36 la primera sala.", "es") == []  # no goal, no minute
    assert minutes("Aos 35 anos, ele marcou um gol.", "pt") == []  # an age, not followed by a comma


def test_a_unit_that_folds_to_nothing_does_not_crash_the_report():  # noqa: D103
    """A German report of the Sinwar event crashed `parallax story` with an IndexError: a counted
    noun that folds to an empty word."""
    from parallax.analyze.claims.units import unit_key

    assert unit_key("\u200b") == ""  # a zero-width space as the "unit": raised IndexError before
    assert unit_key("km²") == "km2"
    from parallax.analyze.terms import stem

    assert stem("") == ""


def test_numbers_are_read_in_every_notation():
    """One mark before a group of three digits groups thousands; before one, two or four digits it
    is a decimal mark, in any language; with both marks, the last is the decimal mark."""
    from parallax.analyze.components.quantities import parse_number

    for text, language in (("150,000", "en"), ("150.000", "es"), ("150 000", "fr"), ("150'000", "de"),
                           ("150\u202f000", "fr")):
        assert parse_number(text, language) == 150000.0, text
    assert parse_number("51.2", "es") == parse_number("51,2", "pt") == parse_number("51,20", "es") == 51.2
    assert parse_number("3,5", "en") == 3.5 and parse_number("12,5", "tr") == 12.5
    assert parse_number("6.408.844", "es") == 6408844.0
    assert parse_number("152.360", "es") == 152360.0 and parse_number("2.360", "en") == 2360.0
    assert parse_number("1.234,5", "de") == 1234.5 and parse_number("1,234.5", "en") == 1234.5
    assert parse_number("unos 150 mil", "es") == 150000.0


def test_scales_and_hedges_are_read_in_every_language_and_script():
    """"17 ألف", "15万", "15만 명", "150 bin", "1.5 लाख", "1.5 lakh": one value in every language, with
    the hedges of each ("约", "약", "yaklaşık", "حوالى") and those written after the number ("多", "여")."""
    from parallax.analyze import ArticleInput, analyze

    cases = [
        ("ar", "أصيب حوالى 17 ألف شخص حول العالم.", ("17000", "people", 15300.0, 18700.0)),
        ("zh", "当局表示，约15万人撤离。", ("150000", "people", 135000.0, 165000.0)),
        ("zh", "共有10多万人参加。", ("100000", "people", 100000.0, float("inf"))),
        ("ja", "1万5000人が集まった。", ("15000", "people", 15000.0, 15000.0)),
        ("ko", "약 15만 명이 대피했다.", ("150000", "people", 135000.0, 165000.0)),
        ("ko", "1000여 명이 모였다.", ("1000", "people", 1000.0, float("inf"))),
        ("tr", "Yaklaşık 150 bin kişi tahliye edildi.", ("150000", "people", 135000.0, 165000.0)),
        ("hi", "लगभग 1.5 लाख लोगों को निकाला गया।", ("150000", "people", 135000.0, 165000.0)),
        ("en", "About 1.5 lakh people were evacuated.", ("150000", "people", 135000.0, 165000.0)),
        ("pt", "Foram retiradas 150 mil pessoas.", ("150000", "people", 150000.0, 150000.0)),
    ]
    for language, text, expected in cases:
        [analysis] = analyze([ArticleInput("x", language, "", text, None)])
        numbers = [(c.value, c.unit, round(c.low), c.high if c.high == float("inf") else round(c.high))
                   for c in analysis.claims if c.kind == "number"]
        assert numbers == [expected], (language, text, numbers)
    # A count word before a scale: "две тысячи рублей" is 2,000 roubles, not two "тысячи".
    [analysis] = analyze([ArticleInput("z", "de", "", "Zwei Millionen Euro wurden gezahlt.", None)])
    assert [(c.value, c.unit) for c in analysis.claims if c.kind == "number"] == [("2000000", "eur")]
    # "3千米" is three kilometres, not three thousand metres.
    [analysis] = analyze([ArticleInput("y", "zh", "", "队伍排了3千米长。", None)])
    assert all(c.value != "3000" for c in analysis.claims)


def test_indic_words_keep_their_vowel_signs_and_a_hindi_seat_count_counts_seats():
    """Python's \\w leaves out the vowel signs written inside Devanagari words: "सीटें" (seats)
    must stay one word, for the context terms and the counted unit."""
    from parallax.analyze import ArticleInput, analyze
    from parallax.analyze.terms import terms

    text = "चुनाव आयोग के अनुसार भाजपा को 240 सीटें मिली हैं।"
    assert "sitem" in terms(text) and "bhajp" in terms(text)
    [analysis] = analyze([ArticleInput("x", "hi", "", text, None)])
    [claim] = [c for c in analysis.claims if c.kind == "number"]
    assert (claim.value, claim.unit, claim.text) == ("240", "seats", "240 सीटें")
    # A postposition after a year is no unit: "2014 के चुनाव" (the 2014 election) is a year.
    [analysis] = analyze([ArticleInput("y", "hi", "", "लोकसभा चुनाव 2024 के नतीजे आ चुके हैं।", None)])
    assert [(c.value, c.unit) for c in analysis.claims if c.kind == "number"] == [("2024", "year")]


def test_a_number_hyphened_to_a_name_is_no_count():
    from parallax.analyze import ArticleInput, analyze

    text = "China's Chang'e-6 lunar probe landed with 2 kg of samples. F-16 jets flew 12 sorties."
    [analysis] = analyze([ArticleInput("d", "en", "t", text, None)], workers=1)
    values = [(c.value, c.unit) for c in analysis.claims if c.kind == "number"]
    assert ("6", "lunar") not in values and not any(v == "16" for v, _ in values)
    assert ("2", "kg") in values and ("12", "sorti") in values


def test_a_year_followed_by_a_word_that_counts_nothing_is_a_year():
    from parallax.analyze import ArticleInput, analyze

    text = ("Die USA und der Iran sind seit dem Jahr 1979 befeindet. Die Strecke ist 2000 Kilometer lang. "
            "Es kamen 1500 weitere Soldaten.")
    [analysis] = analyze([ArticleInput("d", "de", "t", text, None)], workers=1)
    numbers = sorted((c.start, c.value, c.unit) for c in analysis.claims if c.kind == "number")
    assert [(value, unit) for _, value, unit in numbers] == [("1979", "year"), ("2000", "km"), ("1500", "soldiers")]


def _analysed(language: str, text: str, kind: str) -> list:
    """The claims of one kind the whole analysis finds in one text."""
    from parallax.analyze import ArticleInput, analyze

    [analysis] = analyze([ArticleInput("a", language, "t", text, None)], workers=1)
    return [c for c in analysis.claims if c.kind == kind]


def test_a_two_digit_hour_with_a_colon_or_an_h_is_a_time_of_day_unless_a_score_or_a_length():
    def times(language: str, text: str) -> list[tuple[str, str]]:
        return [(c.text, c.value) for c in _analysed(language, text, "time")]

    assert times("ru", "Около 14:00 началось отпевание в церкви.") == [("14:00", "14:00")]
    assert times("fr", "La cérémonie a débuté après 14h00 heure de Moscou.") == [("14h00", "14:00")]
    assert times("de", "Kiel gewann 21:19 gegen Flensburg.") == []  # a score
    assert times("de", "Der Kurs lag bei 12.50 Euro, das Spiel dauerte 12:27 Stunden.") == []  # a price, a length
    assert times("fr", "Il s'est imposé en 4h19 de jeu.") == []  # an hour below ten may be a length


def test_people_and_the_dead_are_one_measure_in_slavic_greek_and_turkish_counts():
    from parallax.analyze.claims.units import unit_key

    assert {unit_key(w) for w in ("people", "Menschen", "людей", "lidí", "ludzi", "insan", "ανθρώπων")} == {"people"}
    assert {unit_key(w) for w in ("dead", "muertos", "погибших", "obětí", "ofiar", "νεκροί", "killed", "mortos",
                                  "Todesopfer")} == {"dead"}
    assert {unit_key(w) for w in ("pessoas", "mensen")} == {"people"}


def test_a_cjk_counter_is_a_unit_unless_a_cjk_stop_word_whatever_its_romanisation():
    from parallax.analyze.claims.units import unit_key

    # "代" (generation: "第16代総統", the 16th president) romanises to Italian "dai", a stop word.
    assert unit_key("代総統に就任した") == unit_key("代目の台湾総統") != ""
    assert unit_key("的") == ""  # the Chinese particle is one


def test_every_counted_noun_stem_can_match():
    """The table's stems are compared with stems of STEM_CHARS letters: a longer one never matches."""
    from parallax.analyze.claims.units import UNIT_CONCEPTS, unit_key
    from parallax.analyze.terms import stem

    assert [s for stems in UNIT_CONCEPTS.values() for s in stems if stem(s) != s] == []
    assert unit_key("Mandate") == unit_key("mandatów") == "seats"


def test_a_match_s_set_scores_are_one_score_written_from_the_winner_s_side():
    def scores(language: str, text: str) -> list[tuple[str, str]]:
        return [(c.text, c.value) for c in _analysed(language, text, "score")]

    assert scores("en", "Alcaraz beat Djokovic 6-2, 6-2, 7-6 (4) in the final.") == [
        ("6-2, 6-2, 7-6 (4)", "6-2 6-2 7-6")]
    # The loser's side, with a tie-break written in full and "und" before the last set: the same score.
    assert scores("de", "Zverev unterlag am Ende mit 3:6, 6:2, 7:5, 1:6 und 2:6.") == [
        ("3:6, 6:2, 7:5, 1:6 und 2:6", "6-3 2-6 5-7 6-1 6-2")]
    assert scores("de", "Alcaraz gewann 6:2, 6:2, 7:6 (7:4) gegen Djokovic.") == [
        ("6:2, 6:2, 7:6 (7:4)", "6-2 6-2 7-6")]
    # Two sets with no word of a result near them, and pairs no set can end with, are no match score.
    assert scores("en", "Rooms 6-2, 7-5 are on the second floor.") == []
    assert not any(" " in value for _, value in scores("en", "The group won 3-1, 2-0 and 4-2."))


def test_magnitudes_in_words_are_intervals_that_meet_figures_and_differ_from_each_other():
    """"тысячи людей" and "десятки тысяч человек" are two sizes of one crowd; "thousands of people"
    agrees with "5,000 people"; "две тысячи" is a count, and "par milliers" counts nothing named."""
    from parallax.analyze import ArticleInput, analyze
    from parallax.compare.values import agree

    def magnitudes(language: str, text: str):
        [analysis] = analyze([ArticleInput("x", language, "", text, None)])
        return [c for c in analysis.claims if c.kind == "number"]

    [thousands] = magnitudes("ru", "На похороны пришли тысячи людей.")
    [tens] = magnitudes("ru", "На похороны пришли десятки тысяч человек.")
    assert (thousands.unit, thousands.low, thousands.high) == ("people", 1000.0, 9999.0)
    assert (tens.unit, tens.low, tens.high) == ("people", 10000.0, 99999.0)
    assert not agree(thousands, tens)
    [english] = magnitudes("en", "Thousands of people fled the city.")
    [figure] = magnitudes("en", "About 5,000 people fled the city.")
    assert english.unit == figure.unit == "people" and agree(english, figure)
    [more] = magnitudes("de", "Mehr als tausend Menschen kamen.")
    assert (more.low, more.high) == (1000.0, float("inf"))
    [cjk] = magnitudes("zh", "数万人参加了葬礼。")
    assert (cjk.unit, cjk.low) == ("people", 10000.0)
    assert magnitudes("fr", "Les Moscovites sont venus par milliers.") == []
    assert [(c.value, c.unit) for c in magnitudes("ru", "Он заплатил две тысячи рублей.")] == [("2000", "ruble")]


def test_a_cjk_count_of_days_larger_than_any_day_of_a_month_is_a_count_not_a_date():
    from parallax.analyze import ArticleInput, analyze

    for language, text in (("ko", "기시다 총리는 재임 1046일 만에 물러났다."), ("ja", "在任1046日で退陣した。")):
        [analysis] = analyze([ArticleInput("x", language, "", text, None)])
        assert [(c.value, c.unit) for c in analysis.claims if c.kind == "number"] == [("1046", "days")], language
    [analysis] = analyze([ArticleInput("y", "ja", "", "政府は14日に発表した。", None)])
    assert [c for c in analysis.claims if c.kind == "number"] == []


def test_people_counted_by_their_state_are_claims_of_one_measure_in_every_language():
    from parallax.analyze import ArticleInput, analyze

    texts = {"en": "The storm left 12 dead and 30 injured. An airstrike killed at least 12 and wounded 30 on Monday.",
             "ru": "В результате удара 12 погибших и 30 раненых.", "es": "El ataque dejó 12 muertos y 30 heridos.",
             "de": "Der Sturm forderte 12 Tote und 30 Verletzte."}
    for language, text in texts.items():
        [analysis] = analyze([ArticleInput(language, language, "t", text, None)], workers=1)
        counted = {(c.value, c.unit) for c in analysis.claims if c.kind == "number"}
        assert counted == {("12", "dead"), ("30", "injured")}, language
    from parallax.analyze.claims.units import unit_key

    assert unit_key("missing") == "missing" and unit_key("missiles") == "missiles"  # "missi": one stem, two things
    [analysis] = analyze([ArticleInput("t", "en", "t", "The death toll rose to 25, officials said.", None)], workers=1)
    assert [(c.value, c.unit) for c in analysis.claims if c.kind == "number"] == [("25", "dead")]
    # The day after the number is when it happened, not what it counts.
    [analysis] = analyze([ArticleInput("f", "fr", "t", "La frappe a blessé 30 lundi.", None)], workers=1)
    assert not [c for c in analysis.claims if c.kind == "number" and c.unit in ("lundi", "lund")]


def test_people_a_casualty_verb_counts_are_the_dead_or_the_injured_and_other_counts_stay_people():
    from parallax.analyze import ArticleInput, analyze

    texts = {"en": "The attack killed 12 people and wounded 30 others, police said.",
             "fr": "L'attaque a tué 12 personnes et blessé 30 autres, selon la police.",
             "it": "L'attacco ha ucciso 12 persone e ferito 30 persone, secondo la polizia."}
    for language, text in texts.items():
        [analysis] = analyze([ArticleInput(language, language, "t", text, None)], workers=1)
        counted = {(c.value, c.unit) for c in analysis.claims if c.kind == "number"}
        assert counted == {("12", "dead"), ("30", "injured")}, (language, counted)
    for language, text in {"en": "The company hired 30 people.", "fr": "Ils ont rencontré 30 personnes."}.items():
        [analysis] = analyze([ArticleInput(language, language, "t", text, None)], workers=1)
        assert [(c.value, c.unit) for c in analysis.claims if c.kind == "number"] == [("30", "people")], language
