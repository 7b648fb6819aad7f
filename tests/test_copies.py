"""The learned copy test as pure functions: a paraphrase keeps its origin's names and numbers in
order, a report quoting the same statement is no copy, and the shipped model says so."""

from __future__ import annotations

import numpy as np

from parallax.cluster.copy_model import (SIGNALS, CopyModel, char_hashes, containment, copy_text, load, signals)
from parallax.cluster.copy_train import copy_groups, copy_pairs, train
from parallax.cluster.model import PairModel
from parallax.config import default

SETTINGS = default()["cluster"].copies

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


SPANISH = """El Barcelona venció 5-2 al Real Madrid en la final de la Supercopa de España en Jeddah el domingo, el primer título del entrenador Hansi Flick.
Kylian Mbappe adelantó al Madrid a los cinco minutos, pero Lamine Yamal empató en el minuto 22.
Robert Lewandowski marcó de penalti y Raphinha añadió dos goles antes del descanso.
Alejandro Balde hizo el 5-1 tras la pausa, y el portero Wojciech Szczesny fue expulsado en el minuto 56.
Rodrygo descontó de falta, mientras Carlo Ancelotti dijo que su equipo había perdido ante un rival mejor."""
STATEMENT = ("“Dearest brothers and sisters, with deep sorrow I must announce the death of our Holy Father. His entire "
             "life was dedicated to the service of the Lord and of His Church, and he taught us to live the values of "
             "the Gospel with fidelity, courage and universal love.”")
QUOTING_ONE = f"The cardinal spoke from the chapel of the residence at dawn on Monday. {STATEMENT} Crowds gathered in the square as bells rang."
QUOTING_TWO = f"Speaking to reporters in the city, an official read the announcement to the press. {STATEMENT} Flags were lowered across the country."


def _probability(a: str, b: str, language_a: str = "en", language_b: str = "en") -> float:
    model = load()
    return model.probability(signals(copy_text(a, language_a, SETTINGS), copy_text(b, language_b, SETTINGS), SETTINGS))


LIGHT_REWRITE = (ORIGIN.replace("beat", "defeated").replace("on Sunday", "on Sunday evening")
                 .replace("put Madrid ahead", "gave Madrid the lead").replace("levelled", "equalised")
                 .replace("added two goals", "scored twice") + "\nThe match was played in front of 60,000 fans.")


def test_the_shipped_model_takes_a_light_rewrite_for_a_copy_and_an_independent_report_not():
    model = load()
    assert model.model.features == SIGNALS and model.model.card["cross_validated"]
    assert _probability(LIGHT_REWRITE, ORIGIN) >= model.threshold
    assert _probability(ORIGIN, ORIGIN) >= model.threshold
    for other in (ORIGIN, REWRITE, LIGHT_REWRITE):
        assert _probability(OTHER, other) < model.threshold


def test_a_paraphrase_ranks_far_above_an_independent_report_of_the_same_match():
    # Every sentence reworded: the names and numbers in order are what is left of the origin.
    # Precision first, the shipped threshold may leave such a paraphrase out, but never below
    # an independent report that names the same people.
    paraphrase = _probability(REWRITE, ORIGIN)
    assert paraphrase > 3 * max(_probability(OTHER, ORIGIN), _probability(OTHER, REWRITE))


def test_a_translation_keeps_its_origin_s_names_and_numbers_in_order():
    translated = signals(copy_text(SPANISH, "es", SETTINGS), copy_text(ORIGIN, "en", SETTINGS), SETTINGS)
    independent = signals(copy_text(SPANISH, "es", SETTINGS), copy_text(OTHER, "en", SETTINGS), SETTINGS)
    assert translated["same_language"] == 0.0
    assert translated["anchor_order"] > independent["anchor_order"]
    assert translated["number_order"] > independent["number_order"]
    assert _probability(SPANISH, ORIGIN, "es") >= load().threshold


def test_a_shared_quotation_is_no_evidence_of_copying():
    one, two = copy_text(QUOTING_ONE, "en", SETTINGS), copy_text(QUOTING_TWO, "en", SETTINGS)
    values = signals(one, two, SETTINGS)
    assert values["char_containment"] > 0.5  # most characters are the statement's
    assert values["unquoted_containment"] < 0.2  # without it, the two reports share little


def test_character_shingles_are_sampled_alike_in_every_text():
    text = "The ministry said on Monday that 150,000 people had been evacuated from the region."
    whole = char_hashes(text, size=SETTINGS.char_shingle, sample=1)
    sampled = char_hashes(text, size=SETTINGS.char_shingle, sample=4)
    assert set(sampled) <= set(whole) and 0 < len(sampled) < len(whole)
    assert containment(sampled, char_hashes(text + " More later.", size=SETTINGS.char_shingle, sample=4)) == 1.0
    assert containment(sampled, np.empty(0, dtype=np.uint32)) == 0.0


def test_copy_groups_follow_chains_to_the_origin():
    assert copy_groups(["a", "b", "c", "d"], [None, "a", "b", None]) == {"a": "a", "b": "a", "c": "a", "d": "d"}


def test_training_learns_from_pairs_within_events_and_cross_validates_by_family():
    texts = [ORIGIN, REWRITE, OTHER, SPANISH, ORIGIN.replace("Sunday", "Saturday"), OTHER.replace("Jeddah", "Riyadh")]
    ids = [f"a{k}" for k in range(len(texts))]
    events = ["e1", "e1", "e1", "e1", "e2", "e2"]
    families = ["f1", "f1", "f1", "f1", "f2", "f2"]
    copy_of = [None, "a0", None, "a0", None, None]
    pairs = copy_pairs("toy", ids, texts, ["en", "en", "en", "es", "en", "en"], events, families, copy_of, SETTINGS)
    # Pairs within each event only; a1-a3, two copies of one origin, are left out: neither was made
    # from the other.
    assert len(pairs.y) == 6 - 1 + 1
    assert pairs.y.sum() == 2  # a0-a1, a0-a3
    assert ("a1", "a3") not in set(zip(pairs.left, pairs.right, strict=True))
    second = copy_pairs("toy-2", ids, texts[::-1], ["en"] * 6, events, ["f3"] * 4 + ["f4"] * 2,
                        [None, None, None, "a0", None, None], SETTINGS)
    model, scored = train([pairs, second])
    assert isinstance(model, PairModel) and model.features == SIGNALS
    assert set(scored) == {"all", "toy", "toy-2"}
    assert CopyModel(model).threshold == model.threshold


def test_train_copies_writes_a_model_the_cluster_stage_can_use(cli, tmp_path):
    import json

    rows = []
    for event, origin in (("cup", ORIGIN), ("cup-2", ORIGIN.replace("Jeddah", "Riyadh").replace("5-2", "4-1"))):
        rows += [
            {"id": f"{event}-origin", "event": event, "title": "Barcelona win the Super Cup", "text": origin},
            {"id": f"{event}-copy", "event": event, "copy_of": f"{event}-origin", "title": "Barcelona win the Super Cup",
             "text": origin.replace("beat", "defeated") + "\nThe match was played in front of 60,000 fans."},
            {"id": f"{event}-other", "event": event, "title": "Ancelotti admits defeat", "text": OTHER},
        ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    output = tmp_path / "copies.json"
    result = cli("train", "copies", str(gold), "--output", str(output))
    assert result.returncode == 0, result.err
    assert "cross-validated copy pairs" in result.out
    written = json.loads(output.read_text(encoding="utf-8"))
    assert written["features"] == list(SIGNALS) and written["card"]["sets"][0]["copy_pairs"] == 2
    model = load(str(output))
    assert model.threshold == written["threshold"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"features": ["nope"], "weights": [1], "bias": 0, "threshold": 0.5}', encoding="utf-8")
    result = cli("ingest", str(gold), env={"PARALLAX_ANALYZE": "1", "PARALLAX__CLUSTER__COPIES__MODEL": str(bad)})
    assert result.returncode == 2 and "features this version does not compute: nope" in result.err


def test_an_earlier_origin_found_by_the_model_takes_over_the_copies_of_what_it_matched():
    from datetime import date

    from parallax.cluster.copies import CopyDetector

    detector = CopyDetector(SETTINGS, model=load())
    assert detector.add("wire", ORIGIN, date(2025, 1, 13), 1) is None
    assert detector.add("republished", ORIGIN, date(2025, 1, 14), 2).origin == "wire"
    # The agency's own text, published a day earlier, arrives last and reads as a light rewrite.
    found = detector.made_from("agency", LIGHT_REWRITE, "en", date(2025, 1, 12), 3,
                               [("wire", ORIGIN)], {"wire": "en"})
    assert found is None  # it is the origin, not a copy
    assert detector.copy_of("wire") == "agency" and detector.copy_of("republished") == "agency"


def test_rewrites_are_looked_for_in_the_likeliest_stories_best_first():
    from parallax.cluster import Clusterer, extract

    texts = [  # three stories, each sharing some names with the question
        "The Jeddah port authority said cargo volumes reached a record this year, with new cranes ordered.",
        "Barcelona city council approved a tram line to the airport after a long debate about its cost.",
        "Real Madrid won the basketball EuroLeague game in Athens with a late three-pointer by Campazzo.",
    ]
    question = "Barcelona and Real Madrid played the Super Cup final in Jeddah on Sunday."
    for k in (1, 3):
        settings = default()["cluster"]
        settings = settings.model_copy(update={"copies": settings.copies.model_copy(update={"candidate_stories": k})})
        clusterer = Clusterer(settings)
        scores = {}
        for number, text in enumerate(texts):
            story = clusterer.assign(extract(f"a{number}", "en", "", text, "2025-01-13", None)).story_id
            scores[story] = None
        features = extract("q", "en", "", question, "2025-01-13", None)
        for story_id in scores:
            scores[story_id] = clusterer.score(features, clusterer.index.stories[story_id])[0]
        clusterer.assign(features)
        ranked = sorted(scores, key=lambda s: (-scores[s], s))
        assert clusterer.likeliest == ranked[: len(clusterer.likeliest)]
        assert len(scores) == 3 and len(clusterer.likeliest) == k


def test_a_paragraph_copied_word_for_word_is_a_long_shared_run_and_shared_phrases_are_not():
    from parallax.cluster.copy_model import longest_shared_run
    from parallax.cluster.features import words

    paragraph = ORIGIN.splitlines()[1] + " " + ORIGIN.splitlines()[3]
    wrapped = ("Our columnist watched the final from a crowded bar in Barcelona, where the mood was tense at first. "
               f"{paragraph} The city celebrated long into the night, and nobody wanted to talk about anything else.")
    size = SETTINGS.run_window
    copied = longest_shared_run(copy_text(wrapped, "en", SETTINGS), copy_text(ORIGIN, "en", SETTINGS), size=size)
    independent = longest_shared_run(copy_text(OTHER, "en", SETTINGS), copy_text(ORIGIN, "en", SETTINGS), size=size)
    assert copied >= len(words(ORIGIN.splitlines()[1]))  # at least the first copied sentence's words, whole
    assert independent < size + 3  # a name or a phrase, not a passage
    values = signals(copy_text(wrapped, "en", SETTINGS), copy_text(ORIGIN, "en", SETTINGS), SETTINGS)
    assert values["shared_run"] > signals(copy_text(OTHER, "en", SETTINGS), copy_text(ORIGIN, "en", SETTINGS),
                                          SETTINGS)["shared_run"]


# One statement of the Eastern Theater Command, as a mainland outlet prints it (simplified
# characters) and as a Taiwanese or Hong Kong outlet reprints it (traditional characters).
SIMPLIFIED = ("东部战区新闻发言人表示,10月14日,中国人民解放军东部战区组织战区陆军、海军、空军、火箭军等兵力,"
              "在台湾海峡、台岛北部、台岛南部、台岛以东开展演习。舰机多向抵近台岛,诸军兵种联合突击。"
              "重点演练海空战备警巡、要港要域封控、对海对陆打击、夺取综合制权。")
TRADITIONAL = ("東部戰區新聞發言人表示,10月14日,中國人民解放軍東部戰區組織戰區陸軍、海軍、空軍、火箭軍等兵力,"
               "在臺灣海峽、臺島北部、臺島南部、臺島以東開展演習。艦機多向抵近臺島,諸軍兵種聯合突擊。"
               "重點演練海空戰備警巡、要港要域封控、對海對陸打擊、奪取綜合制權。")


def test_a_traditional_character_reprint_of_a_simplified_text_is_a_verbatim_copy():
    from parallax.analyze.translit import simplified
    from parallax.cluster.copies import CopyDetector

    assert simplified(TRADITIONAL) == SIMPLIFIED
    assert simplified("Tusk said 3 people died") == "Tusk said 3 people died"
    values = signals(copy_text(TRADITIONAL, "zh", SETTINGS), copy_text(SIMPLIFIED, "zh", SETTINGS), SETTINGS)
    assert values["char_containment"] == 1.0 and values["lead_similarity"] == 1.0
    detector = CopyDetector(SETTINGS)
    assert detector.signature(TRADITIONAL).jaccard(detector.signature(SIMPLIFIED)) == 1.0



def test_sentences_end_at_the_danda_and_the_arabic_question_mark():
    from parallax.cluster.copy_model import sentence_sets

    assert len(sentence_sets("ईरान ने ड्रोन से हमले किए। इसराइल ने जवाब दिया।", min_words=1)) == 2
    assert len(sentence_sets("هل انتهت الحرب؟ قال المتحدث إنها لم تنته.", min_words=1)) == 2
