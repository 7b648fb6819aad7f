"""Durations across languages and scales, as claims, and how rows built from them relate."""

from __future__ import annotations

from parallax.analyze.models import Analysis
from parallax.compare.align import relation
from parallax.analyze.claims.durations import day_durations, hour_durations
from parallax.compare.models import SourceArticle
from parallax.config import default

CLAIMS = default()["analyze"].claims


def _article(language: str, text: str) -> SourceArticle:
    return SourceArticle("a", None, language, None, "", text, Analysis("a", language, "", text))


def _spans(extractor, language: str, text: str) -> list[tuple[str, float, float, str]]:
    return [(c.text, c.low, c.high, c.unit) for c in extractor(_article(language, text), CLAIMS)]


def test_days_weeks_and_months_are_days_in_every_language():
    assert _spans(day_durations, "en", "The court has up to 180 days, or six months, after two weeks.") == [
        ("180 days", 0.0, 180.0, "days"), ("six months", 168.0, 186.0, "days"), ("two weeks", 14.0, 14.0, "days")]
    assert _spans(day_durations, "de", "Er war 38 Tage im Krankenhaus.") == [("38 Tage", 38.0, 38.0, "days")]
    # Turkish, Arabic and a count word of any language before a word of span.
    assert _spans(day_durations, "tr", "Valilik dört günlük gösteri yasağı getirdi.") == [
        ("dört günlük", 4.0, 4.0, "days")]
    assert _spans(day_durations, "ar", "حظر المظاهرات لمدة 4 أيام") == [("4 أيام", 4.0, 4.0, "days")]
    assert _spans(day_durations, "ru", "в течение двух дней") == [("двух дней", 2.0, 2.0, "days")]
    assert _spans(day_durations, "it", "Era stato in ospedale un mese.") == [("un mese", 28.0, 31.0, "days")]
    assert _spans(day_durations, "ko", "헌법재판소는 180일 이내에 결정한다. 6개월.") == [
        ("6개월", 168.0, 186.0, "days"), ("180일 이내", 0.0, 180.0, "days")]


def test_a_day_of_the_month_is_not_a_duration():
    assert _spans(day_durations, "ja", "12月14日に国会で可決された。") == []
    assert _spans(day_durations, "zh", "12月3日晚上。") == []


def test_hours_and_minutes_are_minutes_but_a_time_of_day_is_not():
    assert _spans(hour_durations, "ko", "계엄 선포 2시간 35분 만에 해제됐다. 오전 4시 30분에 발표했다.") == [
        ("2시간 35분", 155.0, 155.0, "duration")]
    assert _spans(hour_durations, "zh", "僅過了2小時48分鐘。") == [("2小時48分鐘", 168.0, 168.0, "duration")]
    assert _spans(hour_durations, "de", "Die Sitzung dauerte drei Stunden.") == [("drei Stunden", 180.0, 180.0, "duration")]


def test_hours_with_their_minutes_are_one_span_in_every_language():
    """"vier Stunden und 19 Minuten" is 259 minutes, not four hours; "2:27 Stunden" is not 27 hours;
    and the minutes of the span are no claim of their own (the minute of a goal)."""
    assert _spans(hour_durations, "de", "Alcaraz siegte nach vier Stunden und 19 Minuten.") == [
        ("vier Stunden und 19 Minuten", 259.0, 259.0, "duration")]
    assert _spans(hour_durations, "de", "Sinner siegte nach 2:27 Stunden mit 6:2.") == [
        ("2:27 Stunden", 147.0, 147.0, "duration")]
    assert _spans(hour_durations, "it", "Si è imposto in due ore e trenta minuti di gioco.") == [
        ("due ore e trenta minuti", 150.0, 150.0, "duration")]
    from parallax.analyze import ArticleInput, analyze

    [analysis] = analyze([ArticleInput("d", "it", "t", "Si è imposto in due ore e 16 minuti.", None)], workers=1)
    assert [(c.text, c.value, c.unit) for c in analysis.claims] == [("due ore e 16 minuti", "136", "duration")]


def test_six_months_agrees_with_180_days_and_a_month_conflicts_with_38_days():
    six_months = day_durations(_article("en", "The court has six months to decide."), CLAIMS)
    within_180 = day_durations(_article("ja", "180日以内に判断する。"), CLAIMS)
    rows = [next(six_months), next(within_180)]
    rows = [r.__class__(**{**r.__dict__, "article": name}) for r, name in zip(rows, "AB")]
    assert relation(rows, {"A": "A", "B": "B"}) == ("agree", None)
    month = next(day_durations(_article("it", "Era stato in ospedale un mese."), CLAIMS))
    stay = next(day_durations(_article("de", "nach 38 Tagen entlassen"), CLAIMS))
    rows = [month.__class__(**{**month.__dict__, "article": "A"}), stay.__class__(**{**stay.__dict__, "article": "B"})]
    assert relation(rows, {"A": "A", "B": "B"}) == ("conflict", "number")


def test_ages_in_apposition_with_now_or_the_word_for_years_and_no_count_of_jaehrige():
    from parallax.analyze import ArticleInput, analyze

    def claims(language: str, text: str) -> list[tuple[str, str, str]]:
        [analysis] = analyze([ArticleInput("d", language, "t", text, None)], workers=1)
        return [(c.text, c.value, c.unit) for c in analysis.claims]

    assert claims("en", "Yahya Sinwar, now 61, was a founder of Hamas.") == [("now 61", "61", "years")]
    assert claims("fr", "Ismaïl Haniyeh, 61 ans, a été tué à Téhéran.") == [("61 ans", "61", "years")]
    # Whose age "der 52-Jährige" gives is often unclear; it is no count of "Jährige" either.
    assert claims("de", "Der 52-Jährige verliess die Insel.") == []
    # A child's age, in digits or in words.
    assert claims("en", "The strike injured a seven-year-old girl.") == [("seven-year-old", "7", "years")]
    assert claims("en", "A 7-year-old girl was critically injured.") == [("7-year-old", "7", "years")]


def test_counts_written_as_words_in_the_articles_own_language():
    from parallax.analyze import ArticleInput, analyze

    def claims(language: str, text: str) -> list[tuple[str, str, str]]:
        [analysis] = analyze([ArticleInput("d", language, "t", text, None)], workers=1)
        return [(c.text, c.value, c.unit) for c in analysis.claims]

    assert claims("de", "In Tschechien wurden vier Menschen von den Fluten weggerissen.") == [
        ("vier Menschen", "4", "people")]
    assert claims("es", "El ataque dejó seis muertos.") == [("seis muertos", "6", "dead")]
    assert claims("fr", "La télévision a fait état de six détonations.")[0][:2] == ("six détonations", "6")
    # What the word counts must follow it: a German noun is capitalised, elsewhere no function word.
    assert claims("de", "Es waren vier von ihnen.") == []
    assert claims("es", "Llegaron dos de ellos.") == []
    assert claims("tr", "İki kişi gözaltına alındı.") == [("İki kişi", "2", "people")]
    # Italian "sei" is also "(you) are"; English "due" is not two.
    assert claims("it", "Tu sei stato bravo.") == []
    assert claims("en", "The delay was due to rain.") == []


def test_lengths_and_masses_are_one_unit_in_every_language_and_script():
    from parallax.analyze.claims.measures import lengths

    assert _spans(lengths, "en", "A drill will gather up to 2 kilograms of moon dust.") == [
        ("2 kilograms", 0.0, 2.0, "kg")]  # the unit is the kilogram, not "dust"
    assert _spans(lengths, "fr", "Il doit collecter environ deux kilogrammes d'échantillons.") == [
        ("deux kilogrammes", 1.8, 2.2, "kg")]
    assert _spans(lengths, "ru", "Зонд должен собрать до двух килограмм грунта.") == [
        ("двух килограмм", 2.0, 2.0, "kg")]
    assert _spans(lengths, "ko", "토양과 암석 등 총 2㎏에 달하는 시료") == [("2㎏", 2.0, 2.0, "kg")]
    assert _spans(lengths, "zh", "採集約2公斤樣品") == [("2公斤", 2.0, 2.0, "kg")]
    assert _spans(lengths, "ru", "очередь растянулась на два километра") == [("два километра", 2.0, 2.0, "km")]
    assert _spans(lengths, "fr", "une file de plus d'un kilomètre") == [("un kilomètre", 1.0, float("inf"), "km")]
    assert _spans(lengths, "de", "rund 2000 Kilometer von Moskau") == [("2000 Kilometer", 1800.0, 2200.0, "km")]
    assert _spans(lengths, "en", "the 232-foot-tall booster") == [("232-foot-tall", 232.0, 232.0, "foot")]
    assert _spans(lengths, "en", "Route B2 km markers; todos kg") == []  # inside a word: no measure


def test_a_claim_span_is_exact_after_a_capital_dotted_i():
    """"İ" lowers to two characters; a span measured on lowered text would end one character late."""
    from parallax.analyze import ArticleInput, analyze

    text = "İstanbul'da İmamoğlu dahil 99 kişi gözaltına alındı."
    [analysis] = analyze([ArticleInput("d", "tr", "t", text, None)], workers=1)
    assert [(c.text, c.value, c.unit) for c in analysis.claims] == [("99 kişi", "99", "people")]


def test_hours_of_the_day_written_as_hours_are_times_and_spans_stay_durations():
    from parallax.analyze import ArticleInput, analyze

    cases = {
        "fr": ("Les explosions ont commencé peu après 2 heures du matin, la marche vers 14 heures et le concert à "
               "7 heures du soir. Il a parlé pendant 2 heures. Après 3 heures de combat, ils ont cédé.",
               {("time", "02:00"), ("time", "14:00"), ("time", "19:00")}, {("number", "120"), ("number", "180")}),
        "pt": ("A cerimônia começou às 14 horas e durou 3 horas.", {("time", "14:00")}, {("number", "180")}),
        "hi": ("मोदी ने शाम 07:24 बजे शपथ ली।", {("time", "19:24")}, set()),
    }
    for language, (text, times, spans) in cases.items():
        [analysis] = analyze([ArticleInput(language, language, "t", text, None)], workers=1)
        found = {(c.kind, c.value) for c in analysis.claims if c.kind == "time" or c.unit == "duration"}
        assert found == times | spans, (language, found)
