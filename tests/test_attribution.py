"""Speakers of quotes in languages the parser cannot read, through the real analysis."""

from __future__ import annotations

import pytest

from parallax.analyze import ArticleInput, analyze
from parallax.analyze.components.quote_marks import find_direct


def _speakers(language: str, text: str) -> dict[str, str | None]:
    [analysis] = analyze([ArticleInput("q", language, "t", text, None)], workers=1)
    return {q.text: q.speaker for q in analysis.quotes if q.direct}


def test_french_guillemets_never_pair_across_two_quotes():
    text = "« Il a abusé de ma confiance », accuse Scholz. Lindner répond : « Il a provoqué la rupture »."
    assert [text[a:b] for a, b in find_direct(text)] == ["Il a abusé de ma confiance", "Il a provoqué la rupture"]
    german = "Er sagte: »Wir bleiben«, und dann »es ist vorbei«."
    assert [german[a:b] for a, b in find_direct(german)] == ["Wir bleiben", "es ist vorbei"]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("de", ("Der Streit eskalierte. „Zu oft hat er mein Vertrauen gebrochen“, sagte Olaf Scholz am Mittwoch. "
            "„Wir sind bereit“, so Lindner."),
     {"Zu oft hat er mein Vertrauen gebrochen": "Olaf Scholz", "Wir sind bereit": "Lindner"}),
    ("es", ("\"Es un día histórico\", dijo el presidente Pedro Sánchez. Feijóo afirmó: \"No lo aceptamos\". "
            "\"Ya veremos\", ha dicho la portavoz del Gobierno."),
     {"Es un día histórico": "Pedro Sánchez", "No lo aceptamos": "Feijóo", "Ya veremos": "la portavoz"}),
    ("ru", "«Это провокация», — заявил Дмитрий Песков. Песков сказал: «Мы не будем это комментировать».",
     {"Это провокация": "Дмитрий Песков", "Мы не будем это комментировать": "Дмитрий Песков"}),
    ("fr", "Olaf Scholz a limogé son ministre. « Il a trop souvent abusé de ma confiance », accuse Scholz.",
     {"Il a trop souvent abusé de ma confiance": "Olaf Scholz"}),
])
def test_speaker_after_or_before_the_quote(language, text, expected):
    assert _speakers(language, text) == expected


def test_a_role_after_the_cue_is_not_the_previous_speaker():
    found = _speakers("de", "„Wir sind bereit“, so Lindner. „Das ist falsch“, so die klare Botschaft des Kanzlers.")
    assert found["Wir sind bereit"] == "Lindner"
    assert found["Das ist falsch"] not in ("Lindner", "Botschaft", "Kanzlers")


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("ja", "尹大統領は「野党が国政を麻痺させた」と述べた。", {"野党が国政を麻痺させた": "尹大統領"}),
    ("zh", "尹錫悅表示：「我將接受國會的要求。」", {"我將接受國會的要求。": "尹錫悅"}),
    ("ko", "우원식 국회의장은 \"비상사태는 비상한 각오로 막아야 한다\"고 말했다.",
     {"비상사태는 비상한 각오로 막아야 한다": "우원식 국회의장"}),
])
def test_speakers_before_the_quote_in_chinese_japanese_and_korean(language, text, expected):
    assert _speakers(language, text) == expected
