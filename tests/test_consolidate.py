"""Consolidation as a pure function: average-link regrouping of stories from article features."""

from __future__ import annotations

from collections import Counter
from datetime import date

from parallax.cluster import Features
from parallax.cluster.consolidate import Item, regroup


def _features(article_id: str, words: str, names: set[str], language: str = "en", day: int = 1,
              numbers: set[str] = frozenset()) -> Features:
    return Features(article_id, language, date(2024, 3, day), Counter(words.split()),
                    {"n:" + n for n in names} | set(numbers), set(), words)


FLOOD = "river flood town evacuated water levels rose overnight rescue boats"
FIRE = "forest fire hills burning firefighters aircraft wind spread homes"


def _regroup(items):
    df = Counter()
    for item in items:
        df.update(set(item.features.terms) | item.features.names)
    return regroup(items, len(items), lambda key: df.get(key, 0))


def test_a_wrongly_merged_story_is_split_and_a_split_one_joined():
    items = [
        Item("a1", "s1", 1, _features("a1", FLOOD, {"vellmore", "kovalenko"})),
        Item("a2", "s1", 2, _features("a2", FLOOD + " mayor", {"vellmore", "kovalenko"})),
        Item("b1", "s1", 3, _features("b1", FIRE, {"dornhill", "mirza"})),  # online put it in the flood story
        Item("b2", "s2", 4, _features("b2", FIRE + " night", {"dornhill", "mirza"})),
    ]
    moves = {m.article_id: (m.old_story, m.new_story) for m in _regroup(items)}
    assert moves == {"b1": ("s1", "s2")}


def test_the_pairwise_blocks_bound_memory_without_changing_the_grouping():
    from parallax.cluster.consolidate import ConsolidateConfig

    items = [Item(f"a{i}", "s1" if i % 3 else "s2", i, _features(f"a{i}", FLOOD if i % 2 else FIRE,
                                                              {"vellmore"} if i % 2 else {"dornhill"}))
             for i in range(12)]
    df = Counter()
    for item in items:
        df.update(set(item.features.terms) | item.features.names)
    whole = regroup(items, len(items), lambda key: df.get(key, 0))
    row_by_row = regroup(items, len(items), lambda key: df.get(key, 0), ConsolidateConfig(block_cells=1))
    assert whole and [(m.article_id, m.new_story) for m in whole] == [(m.article_id, m.new_story) for m in row_by_row]


def test_a_stray_article_joins_a_larger_story_on_a_lower_average_than_equals_need():
    sides = ["dam council blame warnings ignored", "insurers claims damage estimate",
             "army volunteers sandbags levee", "school closed pupils shelter gym"]
    story = [Item(f"a{i}", "s1", i, _features(f"a{i}", FLOOD + " " + side, {"vellmore", "kovalenko"}))
             for i, side in enumerate(sides)]
    fire = [Item(f"f{i}", "s3", 10 + i, _features(f"f{i}", FIRE + " " + side, {"dornhill"}))
            for i, side in enumerate(["ranger cabin lost", "smoke alert issued"])]
    # Shares a few of the story's words and none of its names: on average ~0.11 to its four
    # articles, under the 0.15 two groups of equals need, over the 0.08 a stray needs.
    stray = Item("x", "s2", 9, _features("x", "flood town water mayor praised speech thanked citizens", set()))
    [move] = _regroup(story + fire + [stray])
    assert (move.article_id, move.old_story, move.new_story) == ("x", "s2", "s1")
    assert 0.08 <= move.average_link < 0.15 and move.signals == {"stray": True}  # the audit shows the join
    # Against a story of one article (an equal), the same evidence is not enough.
    assert _regroup(story[:1] + fire + [stray]) == []
    # Nor is one shared name among others (~0.11 on average) when no words are shared.
    namesake = Item("y", "s4", 9, _features("y", "parliament vote budget minister opposition debate",
                                            {"vellmore", "ardent", "bexley", "corwin"}))
    assert _regroup(story + fire + [namesake]) == []


def test_a_copy_stays_with_its_origin_and_a_settled_story_does_not_move():
    items = [
        Item("a1", "s1", 1, _features("a1", FLOOD, {"vellmore"})),
        Item("a2", "s1", 2, _features("a2", FLOOD, {"vellmore"})),
        Item("c1", "s9", 3, _features("c1", FIRE, {"dornhill"}), copy_of="a1"),  # a copy, whatever its words
    ]
    moves = {m.article_id: m.new_story for m in _regroup(items)}
    assert moves == {"c1": "s1"}
    settled = [Item("a1", "s1", 1, _features("a1", FLOOD, {"vellmore"})),
               Item("a2", "s1", 2, _features("a2", FLOOD, {"vellmore"}))]
    assert _regroup(settled) == []


def test_a_split_off_group_is_never_named_like_a_story_in_use():
    # Online put two events in story "a1", named after its first article (a fire report); a
    # second fire report that mentions the flood ties both events into one component. The
    # bigger (flood) group keeps "a1"; the fire group, whose earliest article is "a1", must get
    # a name no story uses, or the two events would end up under one name.
    items = [
        Item("a1", "a1", 1, _features("a1", FIRE, {"dornhill"})),
        Item("b1", "a1", 2, _features("b1", FLOOD, {"vellmore"})),
        Item("b2", "a1", 3, _features("b2", FLOOD + " mayor", {"vellmore"})),
        Item("b3", "a1", 4, _features("b3", FLOOD + " night", {"vellmore"})),
        Item("x1", "a1", 5, _features("x1", FIRE + " night river flood town", {"dornhill"})),
    ]
    final = {item.article_id: item.story_id for item in items}
    for move in _regroup(items):
        final[move.article_id] = move.new_story
    assert final["a1"] != final["b1"] == final["b2"] == final["b3"]


def test_shared_particular_numbers_link_articles_across_languages_only():
    import numpy as np

    from parallax.cluster.consolidate import ConsolidateConfig, _Matrices

    def similarity(language_b: str, numbers_b: set[str]) -> float:
        items = [Item("en", "s1", 1, _features("en", "parliament impeachment vote", {"yoon"}, numbers={"#204"})),
                 Item("xx", "s2", 2, _features("xx", "tanhaek gyeolui", {"yoon"}, language=language_b,
                                               numbers=numbers_b))]
        matrices = _Matrices(items, 2, lambda key: 1)
        return float(matrices.similarity(np.array([0]), np.array([1]), ConsolidateConfig())[0, 0])

    bonus = ConsolidateConfig().number_bonus
    assert bonus > 0
    assert abs(similarity("ko", {"#204"}) - similarity("ko", set()) - bonus) < 1e-9
    assert abs(similarity("en", {"#204"}) - similarity("en", set())) < 1e-9  # within a language the words speak


def test_a_three_digit_tally_links_languages_but_never_tells_reports_apart():
    import numpy as np

    from parallax.cluster.consolidate import ConsolidateConfig, _Matrices
    from parallax.cluster.features import tally_keys

    assert tally_keys([{"value": 190.0}, {"value": 150.0}, {"value": 1000.0}, {"value": 7.0}]) == {"#190"}

    def similarity(language_b: str, tallies_b: set[str], numbers_b: set[str] = frozenset()) -> float:
        first = _features("en", "martial law lifted vote", {"yoon"}, numbers={"#1.5"})
        first.tallies = {"#190"}
        second = _features("xx", "gyeeom haeje", {"yoon"}, language=language_b, numbers=numbers_b)
        second.tallies = tallies_b
        matrices = _Matrices([Item("en", "s1", 1, first), Item("xx", "s2", 2, second)], 2, lambda key: 1)
        return float(matrices.similarity(np.array([0]), np.array([1]), ConsolidateConfig())[0, 0])

    bonus = ConsolidateConfig().number_bonus
    assert abs(similarity("ko", {"#190"}) - similarity("ko", set()) - bonus) < 1e-9
    # A report with other particular numbers is marked down for them whatever tallies it shares.
    assert similarity("en", {"#190"}, {"#2.5"}) == similarity("en", set(), {"#2.5"})


def test_abbreviated_place_names_meet_their_full_form():
    from parallax.cluster.features import name_keys

    assert name_keys({"label": "place", "canonical": "Mt Cook"}) == name_keys({"label": "place", "canonical": "Mount Cook"})
    assert name_keys({"label": "place", "canonical": "St. Petersburg"}) == {"n:saint petersburg"}
