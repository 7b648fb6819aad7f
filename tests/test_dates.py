"""Event dates in languages without a date model, through the real analysis."""

from __future__ import annotations

import pytest

from parallax.analyze import ArticleInput, analyze


@pytest.mark.parametrize(("language", "text", "published", "expected"), [
    # Counters in Chinese, Japanese and Korean; a bare day needs the publication date; spans are no dates.
    ("ko", "대통령이 12월 3일 밤 계엄을 선포했다. 국회는 4일 새벽 해제했다. 3일간 파업.", "2024-12-04",
     [("12월 3일", "2024-12-03"), ("4일", "2024-12-04")]),
    ("ja", "2024年12月14日に可決された。180日以内に判断する。", None, [("2024年12月14日", "2024-12-14")]),
    # Taiwanese style: "今(23)日" is today, the 23rd; "(2)日本" (a list item, then "Japan") is no date.
    ("zh", "解放軍宣布,今(23)日至24日在台灣周邊演習。(2)日本表示關切。", "2024-05-23",
     [("今(23)日", "2024-05-23"), ("24日", "2024-05-24")]),
    ("tr", "Şam 8 Aralık 2024 tarihinde düştü. 7 Aralık'ta isyancılar girdi.", "2024-12-09",
     [("8 Aralık 2024", "2024-12-08"), ("7 Aralık", "2024-12-07")]),
    ("ar", "أعلنت المعارضة، فجر اليوم الأحد 8 ديسمبر 2024، إسقاط النظام.", None, [("8 ديسمبر 2024", "2024-12-08")]),
    ("el", "Η Βουλή ψήφισε στις 14 Δεκεμβρίου 2024.", None, [("14 Δεκεμβρίου 2024", "2024-12-14")]),
    ("id", "Pada 8 Desember 2024, pemberontak merebut Damaskus.", None, [("8 Desember 2024", "2024-12-08")]),
    ("hi", "8 दिसंबर 2024 को विद्रोहियों ने दमिश्क पर कब्जा कर लिया।", None, [("8 दिसंबर 2024", "2024-12-08")]),
    ("sv", "Den 14 december 2024 röstade riksdagen.", None, [("14 december 2024", "2024-12-14")]),
])
def test_dates_of_languages_without_a_date_model(language, text, published, expected):
    [analysis] = analyze([ArticleInput("d", language, "t", text, published)], workers=1)
    assert [(d.text, d.value) for d in analysis.dates] == expected
