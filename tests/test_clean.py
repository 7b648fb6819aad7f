"""Cleaning rules on their own: what is removed, and what must never be."""

from __future__ import annotations

from parallax.ingest.clean import clean, clean_title


def test_outlet_suffix_removed_when_outlet_known_or_masthead_like():
    assert clean_title("Storm hits coast | Harbour Gazette", ("harbourgazette.example",))[0] == "Storm hits coast"
    assert clean_title("The invitation that provokes the anger of the Kremlin – L’Express", ())[0] == (
        "The invitation that provokes the anger of the Kremlin"
    )
    assert clean_title("Reuters - Oil prices climb after storm", ("reuters.com",))[0] == "Oil prices climb after storm"


def test_headline_parts_that_are_not_site_names_are_kept():
    for title in (
        "Ukraine – Russia talks: what we know so far",
        "Biden signs the bill - and vows more to come",
        "Live: earthquake – latest updates from the region",
        "Brexit: the deal explained",
    ):
        assert clean_title(title, ())[0] == title


def test_teasers_in_several_languages():
    body = "\n".join([
        "First real paragraph about the event.",
        "Lire aussi : Les clés pour comprendre",
        "Leggi anche: la replica del governo",
        "Lesen Sie auch: Was bisher geschah",
        "Читайте также: Главное за день",
        "Read more",
        "Second real paragraph, which says that readers should read more books.",
    ])
    cleaned = clean("A title", body)
    assert cleaned.text == (
        "First real paragraph about the event.\n\n"
        "Second real paragraph, which says that readers should read more books."
    )
    assert [r.reason for r in cleaned.removed] == ["teaser for another article"] * 5


def test_trailing_tags_only_at_the_end():
    cleaned = clean("T", "Covid-19 cases rose again.\nafp-world-07 was the code.\nBody line.\nafp-world-07\n#ukraine #war")
    assert cleaned.text == "Covid-19 cases rose again.\n\nafp-world-07 was the code.\n\nBody line."
    assert {r.text for r in cleaned.removed if r.reason == "trailing feed tag"} == {"afp-world-07", "#ukraine #war"}


def test_share_and_cookie_lines_but_not_sentences_about_sharing():
    body = "Share on Facebook\nWe use cookies to improve your experience.\nShareholders will share the profits, the company said.\n"
    cleaned = clean("T", body)
    assert cleaned.text == "Shareholders will share the profits, the company said."


def test_untitled_article_takes_heading_line_or_first_sentence():
    assert clean(None, "Short headline here\nThe body follows with a full sentence.").title == "Short headline here"
    lead = "The committee voted on Tuesday to approve the plan. It will take effect next year."
    cleaned = clean(None, lead)
    assert cleaned.title == "The committee voted on Tuesday to approve the plan."
    assert cleaned.text == lead  # the lead stays in the body




def test_a_first_sentence_ending_in_a_wide_full_stop_stays_in_the_body():
    # A Chinese, Japanese, Hindi or Arabic sentence ends at "。", "।", "؟": such a first line is the
    # lead, with the event's date in it, not a headline to take out of the text.
    lead = "6月2日清晨,嫦娥六號成功降落在月球背面。探測器開啟樣本採集任務。"
    cleaned = clean(None, lead + "\n嫦娥六號是中國迄今最重的太空探測器。")
    assert cleaned.text.startswith(lead)
    assert cleaned.title == "6月2日清晨,嫦娥六號成功降落在月球背面。"
    hindi = "नरेंद्र मोदी ने प्रधान मंत्री पद की शपथ ली।"
    assert clean(None, hindi + "\nदूसरा अनुच्छेद यहाँ है।").text.startswith(hindi)
    assert clean(None, "嫦娥六號成功降落在月球背面\n探測器開啟樣本採集任務。").title == "嫦娥六號成功降落在月球背面"
def test_cleaning_is_deterministic():
    body = "Title\nREAD ALSO: x\nText.\nlep-general-02"
    assert clean("Title – Site", body) == clean("Title – Site", body)


def test_stacked_site_suffixes_and_domains():
    title = "Husband kills wife in murder - suicide - KRISTV.com | Continuous News Coverage"
    assert clean_title(title, ())[0] == "Husband kills wife in murder - suicide"
    assert clean_title("Teen accidentally shoots himself while taking selfie - KCTV5", ())[0] == (
        "Teen accidentally shoots himself while taking selfie"
    )
    title = "Three Dead in Aransas Pass Murder - KiiiTV.com South Texas , Corpus Christi , Coastal Bend"
    assert clean_title(title, ())[0] == "Three Dead in Aransas Pass Murder"


def test_a_dateline_is_not_a_headline():
    for line in ("TUESDAY, OCTOBER 11, 2011", "Friday, June 7, 2013", "Posted 05/02/07, 9:00 PM PDT"):
        cleaned = clean(None, f"{line}\nSeacom said its cable was restored on Tuesday via alternative routes.")
        assert cleaned.title == "Seacom said its cable was restored on Tuesday via alternative routes."


def test_a_one_sentence_article_keeps_its_text():
    line = 'The BBC says actor Matt Smith will take over the title role in "Doctor Who."'
    cleaned = clean(None, line)
    assert cleaned.text == line and cleaned.title == line
    assert clean("Short headline", "Short headline").text == "Short headline"
