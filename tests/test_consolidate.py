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
