"""Storylines: related stories linked above the story level (one body's successive decisions, a
trial's verdict and its sentencing, an attack and the retaliation).

Two stories are related when the names at their core (those a good share of each story's articles
carry) overlap: the same central bank, defendant, leaders or mission, within a bounded time. Two
look-alike events about different actors (two plane crashes of different airlines, two hurricanes)
share no core and stay apart. Storylines are the connected groups of related stories.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from parallax.analyze.translit import fold

from parallax.cluster.settings import StorylineSettings


def _core(members: list[dict], share: float) -> tuple[Counter, date | None, date | None]:
    counts: Counter = Counter()
    days = []
    for member in members:
        features = member["features"]
        counts.update({n for n in features.get("names", ()) if n.startswith("n:")})
        anchor = features.get("anchor") or features.get("published")
        if anchor:
            days.append(date.fromisoformat(anchor))
    need = max(1.0, share * len(members))
    core = Counter({name: count for name, count in counts.items() if count >= need})
    return core, (min(days) if days else None), (max(days) if days else None)


_TOKEN = re.compile(r"[\w'’.&-]+")


def written(key: str, headlines: list[str]) -> str:
    """A folded name key as the headlines write it ("spacex" -> "SpaceX", "bank of england" ->
    "Bank of England"), or the key title-cased when no headline writes it in Latin letters."""
    size = len(key.split())
    for headline in headlines:
        tokens = _TOKEN.findall(headline)
        for start in range(len(tokens) - size + 1):
            run = " ".join(tokens[start : start + size])
            if fold(run).strip(".") == key.strip("."):
                return run.strip(".")
    return key.title()


def storylines(by_story: dict[str, list[dict]], titles: dict[str, str],
               settings: StorylineSettings) -> tuple[dict[str, str | None], dict[str, str]]:
    """Story -> storyline id (None: in none), and storyline id -> title (``titles``: article id -> headline)."""
    cores = {story: _core(members, settings.core_share) for story, members in by_story.items()}
    stories_with = Counter(name for core, _, _ in cores.values() for name in core)
    total = max(1, len(cores))

    def weight(name: str) -> float:
        return math.log((total + 1) / stories_with[name])  # a name at the core of every story says nothing

    parent = {story: story for story in cores}

    def find(story: str) -> str:
        while parent[story] != story:
            parent[story] = parent[parent[story]]
            story = parent[story]
        return story

    ordered = sorted(cores)
    by_name: dict[str, list[str]] = {}
    for story in ordered:
        for name in cores[story][0]:
            by_name.setdefault(name, []).append(story)
    pairs = {(a, b) for stories in by_name.values() for i, a in enumerate(stories) for b in stories[i + 1 :]}
    for a, b in sorted(pairs):
        (core_a, first_a, last_a), (core_b, first_b, last_b) = cores[a], cores[b]
        if first_a and first_b and (max(first_a, first_b) - min(last_a, last_b)).days > settings.max_gap_days:
            continue
        mass_a = sum(weight(n) for n in core_a)
        mass_b = sum(weight(n) for n in core_b)
        shared = sum(weight(n) for n in core_a.keys() & core_b.keys())
        smaller = min(mass_a, mass_b)
        if smaller > 0 and shared / smaller >= settings.min_overlap:
            parent[find(a)] = find(b)
    groups: dict[str, list[str]] = {}
    for story in ordered:
        groups.setdefault(find(story), []).append(story)
    assignment: dict[str, str | None] = {story: None for story in ordered}
    line_titles: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:  # fixed: a storyline links two stories at least
            continue
        first = min(members, key=lambda s: (cores[s][1] or date.max, s))
        line = "L" + first.lstrip("S")
        shared = set.intersection(*(set(cores[s][0]) for s in members))
        # Among names equally rare across stories, the one most of the line's articles carry
        # ("SpaceX", not "Earth", for two Starship flights).
        carried = Counter({n: sum(cores[s][0][n] for s in members) for n in shared})
        names = (sorted(shared, key=lambda n: (-weight(n), -carried[n], n))
                 or sorted(cores[first][0], key=lambda n: -weight(n)))
        headlines = [titles.get(m.get("article_id", ""), "") or "" for s in members for m in by_story[s]]
        label = written(names[0][len("n:"):], headlines) if names else (headlines[0] if headlines else "")
        line_titles[line] = label
        for story in members:
            assignment[story] = line
    return assignment, line_titles
