"""Cluster stage: group analysed articles into stories (one real-world event each), online.

:class:`Clusterer` takes articles one at a time in arrival order, finds candidate stories
through the index, scores them on words, names, time and event dates, and either joins the best
or opens a new story. Every decision is returned with its signals so it can be stored and audited.
Copies (republications, light rewrites) are found on the way and always join their origin's story.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from parallax.cluster.copies import CopyDetector
from parallax.cluster.copy_model import load as load_copy_model
from parallax.cluster.features import Features, extract
from parallax.cluster.index import LOG_TF, TF_TABLE, Story, StoryIndex, log_tf
from parallax.cluster.settings import ClusterSettings

__all__ = ["Clusterer", "Decision", "Features", "default_settings", "extract"]


def default_settings() -> ClusterSettings:
    from parallax.config import default

    return default()["cluster"]


def counter_ids(prefix: str = "S") -> Callable[[], str]:
    """New story ids from a local counter ("S1", "S2", ...): for groupings that are not stored."""
    numbers = itertools.count(1)
    return lambda: f"{prefix}{next(numbers)}"


@dataclass
class Decision:
    article_id: str
    story_id: str
    new_story: bool
    score: float
    signals: dict = field(default_factory=dict)
    copy_of: str | None = None
    candidates: int = 0


class Clusterer:
    """Online assignment. ``new_story_id`` names a story when an article opens one: the store's
    allocator (ids are never an article's, never reused) or a local counter."""

    def __init__(self, settings: ClusterSettings | None = None, new_story_id: Callable[[], str] | None = None) -> None:
        self.config = settings or default_settings()
        self.new_story_id = new_story_id or counter_ids()
        self.index = StoryIndex(self.config.index)
        self.copies = CopyDetector(self.config.copies, self.config.consolidate.max_gap_days,
                                   load_copy_model(self.config.copies.model, self.config.copies.model_threshold))
        self.story_of: dict[str, str] = {}
        self.language_of: dict[str, str] = {}
        self.members: dict[str, list[tuple[str, str]]] = {}  # story -> (article, text), for rewrites
        self.latest = None  # newest publication date seen
        self.likeliest: list[str] = []  # the last article's likeliest stories, best first
        self.arrivals = 0

    def _evict_quiet_stories(self) -> None:
        """Drop the texts kept for rewrite checks of stories quiet for longer than the window:
        memory then follows the number of live stories, not the length of the stream."""
        if self.latest is None:
            return
        for story_id in list(self.members):
            story = self.index.stories.get(story_id)
            if story is not None and story.last is not None and (self.latest - story.last).days > self.config.window_days:
                for article_id, _ in self.members.pop(story_id):
                    self.copies.forget_sentences(article_id)

    def restore(self, features: Features, story_id: str, copy_of: str | None) -> None:
        """Replay a stored decision into the index without deciding again."""
        self.arrivals += 1
        self.index.observe(features)
        if features.text:
            self.copies.remember(features.article_id, features.text, features.published, self.arrivals,
                                 features.anchor)
        if copy_of:
            self.copies.set_origin(features.article_id, copy_of)
        self.index.add(story_id, features)
        self.story_of[features.article_id] = story_id
        self.language_of[features.article_id] = features.language
        self._remember(story_id, features)

    def assign(self, features: Features) -> Decision:
        self.arrivals += 1
        self.index.observe(features)
        copy = self.copies.add(features.article_id, features.text, features.published, self.arrivals, features.anchor)
        if copy is not None and copy.origin in self.story_of:
            story_id = self.story_of[copy.origin]
            decision = Decision(features.article_id, story_id, False, copy.similarity,
                                {"copy_similarity": copy.similarity}, copy.origin, 0)
        else:
            candidates = self.index.candidates(features)
            if features.embedding is not None and self.config.embed_weight > 0:
                seen = {story.id for story in candidates}
                vector = np.asarray(features.embedding, dtype=np.float32)
                candidates += [story for story in self.index.nearest(vector, self.config.embed_candidates,
                                                                     self.config.embed_floor)
                               if story.id not in seen]
            decision = self._best_story(features, candidates, copy)
            earlier = [member for story_id in self.likeliest for member in self.members.get(story_id, ())]
            if features.text and copy is None and earlier:
                # A rewrite or translation of a member of one of the likeliest stories is a copy of
                # it, and belongs to its story even when the words alone fell short of the threshold.
                signal = "copy_probability"
                found = self.copies.made_from(features.article_id, features.text, features.language,
                                              features.published, self.arrivals, earlier, self.language_of)
                if found is None:
                    signal = "translation_similarity"
                    found = self.copies.translated_from(features.article_id, features.text, features.language,
                                                        features.published, self.arrivals, earlier,
                                                        self.language_of)
                if found is not None and found.origin in self.story_of:
                    decision = Decision(features.article_id, self.story_of[found.origin], False, found.similarity,
                                        {**decision.signals, signal: found.similarity}, found.origin,
                                        len(candidates))
        self.index.add(decision.story_id, features)
        self.story_of[features.article_id] = decision.story_id
        self.language_of[features.article_id] = features.language
        self._remember(decision.story_id, features)
        return decision

    def _remember(self, story_id: str, features: Features) -> None:
        if features.published and (self.latest is None or features.published > self.latest):
            self.latest = features.published
        if self.arrivals % self.config.evict_every == 0:
            self._evict_quiet_stories()
        if not features.text:
            return
        members = self.members.setdefault(story_id, [])
        members.append((features.article_id, features.text))
        if len(members) > self.config.copies.rewrite_checks:
            dropped, _ = members.pop(0)
            self.copies.forget_sentences(dropped)

    def _best_story(self, features: Features, candidates: list[Story], copy) -> Decision:
        best: tuple[float, Story, dict] | None = None
        vector = self.vector(features)
        ranked: list[tuple[float, str]] = []
        for story in candidates:
            score, signals = self.score(features, story, vector)
            ranked.append((-score, story.id))
            if best is None or score > best[0] or (score == best[0] and story.id < best[1].id):
                best = (score, story, signals)
        # The likeliest stories, best first: where rewrites and translations are looked for.
        self.likeliest = [story_id for _, story_id in sorted(ranked)[: self.config.copies.candidate_stories]]
        copy_of = copy.origin if copy else None
        if best is not None and best[0] >= self.config.threshold:
            return Decision(features.article_id, best[1].id, False, round(best[0], 4), best[2], copy_of, len(candidates))
        signals = {**best[2], "best_story": best[1].id} if best else {}
        return Decision(features.article_id, self.new_story_id(), True, round(best[0], 4) if best else 0.0,
                        signals, copy_of, len(candidates))

    def vector(self, features: Features) -> tuple[dict[str, tuple[float, float]], float]:
        """The article's TF-IDF weights (with each term's idf, reused against every candidate)."""
        idf = self.index.idf
        weights = {}
        for term, count in features.terms.items():
            value = idf(term)
            weights[term] = (log_tf(count) * value, value)
        return weights, math.sqrt(sum(w * w for w, _ in weights.values()))

    def score(self, features: Features, story: Story, vector=None) -> tuple[float, dict]:
        weights, article_norm = vector or self.vector(features)
        story_terms = story.terms
        # fsum: exactly rounded whatever the (hash-dependent) order of the shared terms, so the
        # same input gives the same decision in every process.
        table = LOG_TF  # log_tf, inlined: this loop is the hot spot of assignment
        dot = math.fsum([weight * (table[c] if c < TF_TABLE else 1 + math.log(c)) * idf
                         for t in weights.keys() & story_terms.keys()
                         for weight, idf, c in ((*weights[t], story_terms[t]),)])
        norm = article_norm * self.index.norm(story)
        text = dot / norm if norm else 0.0
        cfg = self.config
        names = _coverage(features.names, story.names, self.index.idf, story.size, cfg.core_share)
        if features.names and story.names and features.language not in story.languages:
            # Across languages the words cannot meet; names (transliterated) and dates carry it.
            score = max(cfg.text_weight * text + cfg.name_weight * names, cfg.cross_language_name_weight * names)
        elif features.names and story.names:
            score = cfg.text_weight * text + cfg.name_weight * names
        else:
            score = text  # no names on one side (or a language with no model): words alone
        signals = {"text": round(text, 4), "names": round(names, 4)}
        cross = features.language not in story.languages
        if features.embedding is not None and cfg.embed_weight > 0 and (cross or not cfg.embed_cross_only):
            similarity = self.index.embedding_similarity(story, np.asarray(features.embedding, dtype=np.float32))
            if similarity is not None:
                embed = max(0.0, (similarity - cfg.embed_floor) / (1 - cfg.embed_floor))
                score += cfg.embed_weight * embed
                signals["embedding"] = round(similarity, 4)
        if features.dates and story.dates:
            shared = {d for d in features.dates & set(story.dates)
                      if _support(story.dates[d], story.size, cfg.core_share) >= 1.0}
            if shared:
                score += cfg.date_bonus
                signals["shared_dates"] = sorted(shared)[: cfg.audit_items]
            else:
                score -= cfg.date_penalty
                signals["different_dates"] = True
        if cfg.number_penalty:
            mine = {k for k in features.names if k[0] == "#"}
            core = {k for k, n in story.numbers.items() if _support(n, story.size, cfg.core_share) >= 1.0}
            if mine and core and not mine & core:
                score -= cfg.number_penalty
                signals["different_numbers"] = True
        gap = _gap_days(features, story)
        if gap is not None:
            signals["days_apart"] = gap
            if gap > cfg.consolidate.max_gap_days:
                score = -1.0  # dated too far apart to be one event, whatever the words share
                signals["too_far_apart"] = True
            elif gap > cfg.window_days and score < cfg.strong:
                score *= cfg.quiet_factor  # closed story: only strong evidence reopens it
        return score, signals




def _support(count: int, size: int, core_share: float) -> float:
    """How much a story stands behind one of its names or dates. Mere presence is not enough:
    a story that has absorbed many articles contains every name, and would then absorb everything."""
    return min(1.0, count / max(1.0, core_share * size))


def _coverage(mine: set[str], theirs: Counter, idf, size: int, core_share: float) -> float:
    if not mine:
        return 0.0
    total = sum(idf(k) for k in mine)
    return sum(idf(k) * _support(theirs[k], size, core_share) for k in mine if k in theirs) / total if total else 0.0


def _gap_days(features: Features, story: Story) -> int | None:
    """Days between the article's date (published, or the latest whole date its text names) and
    the story's span; None when either is unknown."""
    day = features.anchor
    if not day or not story.first or not story.last:
        return None
    if day < story.first:
        return (story.first - day).days
    if day > story.last:
        return (day - story.last).days
    return 0
