"""The online story index: stories as term/name centroids, found through inverted indexes.

Candidates are never all stories: an article's rarer words and names are looked up in postings
(term -> stories) and only the stories sharing the most informative keys are scored.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from parallax.cluster.features import Features
from parallax.cluster.settings import IndexSettings

# A story's word profile keeps its most frequent words (``max_story_terms``); the long tail of
# words seen once costs memory in every story and adds almost nothing to the cosine.
EMBEDDING_ROWS = 1024  # fixed: rows the embedding matrix starts with (it doubles when full)
TF_TABLE = 4096  # fixed: counts whose tf weight is read from a table rather than computed
LOG_TF = [0.0] + [1 + math.log(count) for count in range(1, TF_TABLE)]  # 1 + ln(count), the tf weight


def log_tf(count: int) -> float:
    """The tf weight 1 + ln(count); the scoring loops inline this same expression."""
    return LOG_TF[count] if count < TF_TABLE else 1 + math.log(count)



@dataclass
class Story:
    id: str
    terms: Counter = field(default_factory=Counter)
    names: Counter = field(default_factory=Counter)
    dates: Counter = field(default_factory=Counter)
    numbers: Counter = field(default_factory=Counter)  # the "#…" keys of names, kept apart: read per candidate
    size: int = 0
    first: date | None = None
    last: date | None = None
    languages: set[str] = field(default_factory=set)
    norm_size: int = -1  # story size when ``norm_value`` was computed
    norm_value: float = 0.0
    row: int = -1  # this story's row in the index's embedding matrix (-1: no embedding yet)


class StoryIndex:
    def __init__(self, settings: IndexSettings | None = None) -> None:
        if settings is None:
            from parallax.config import default

            settings = default()["cluster"].index
        self.settings = settings
        self.stories: dict[str, Story] = {}
        self.df: Counter = Counter()
        self.docs = 0
        # Postings hold story numbers, not ids: the votes of all postings are then summed in one
        # numpy bincount instead of a Python loop over up to 15,000 (key, story) pairs per article.
        self.postings: dict[str, set[int]] = defaultdict(set)
        self.number_of: dict[str, int] = {}
        self.story_ids: list[str] = []
        # Sum of member embeddings per story, one row each; cosine to the sum is cosine to the
        # centroid. Searched exhaustively with one matrix product: at 10^5 stories x 384 floats
        # that is a few milliseconds, so no approximate index is needed at this scale.
        self.sums = np.zeros((0, 0), dtype=np.float32)
        self.row_story: list[str] = []
        self._idf: dict[str, float] = {}
        self._idf_docs = 0

    def embedding_similarity(self, story: Story, vector: np.ndarray) -> float | None:
        if story.row < 0:
            return None
        total = self.sums[story.row]
        norm = float(np.linalg.norm(total))
        return float(total @ vector) / norm if norm else None

    def nearest(self, vector: np.ndarray, k: int, floor: float) -> list[Story]:
        if not self.row_story:
            return []
        sums = self.sums[: len(self.row_story)]
        norms = np.linalg.norm(sums, axis=1)
        scores = (sums @ vector) / np.where(norms == 0, 1, norms)
        top = np.argsort(-scores)[:k]
        return [self.stories[self.row_story[i]] for i in top
                if scores[i] >= floor and self.row_story[i] in self.stories]

    def _add_embedding(self, story: Story, vector: np.ndarray) -> None:
        if story.row < 0:
            if self.sums.shape[1] != vector.shape[0]:
                self.sums = np.zeros((EMBEDDING_ROWS, vector.shape[0]), dtype=np.float32)
            if len(self.row_story) == self.sums.shape[0]:
                self.sums = np.vstack([self.sums, np.zeros_like(self.sums)])
            story.row = len(self.row_story)
            self.row_story.append(story.id)
        self.sums[story.row] += vector

    def idf(self, key: str) -> float:
        # Memoised: scoring asks for the same keys' idf millions of times. An entry is dropped
        # when its key's df changes, and all are dropped when the corpus has grown by 1%, so a
        # cached value is never off by more than log(1.01).
        value = self._idf.get(key)
        if value is None:
            value = self._idf[key] = math.log((1 + self.docs) / (1 + self.df.get(key, 0))) + 1.0
        return value

    def norm(self, story: Story) -> float:
        """Length of the story's TF-IDF vector, recomputed when the story has grown by a tenth
        (exactly while it is small): idf drifts slowly and one more article changes a large
        story's length little, while recomputing it for every candidate dominated the run time."""
        settings = self.settings
        if story.norm_size != story.size and (story.size < settings.norm_exact_below
                                              or story.size >= story.norm_size * settings.norm_refresh):
            idf, memo, table = self.idf, self._idf, LOG_TF  # log_tf, inlined
            story.norm_value = math.sqrt(sum([((table[c] if c < TF_TABLE else 1 + math.log(c)) * (memo.get(t) or idf(t))) ** 2  # fixed: squares
                                              for t, c in story.terms.items()]))
            story.norm_size = story.size
        return story.norm_value

    def observe(self, features: Features) -> None:
        """Count the article's keys into document frequencies (before it is scored)."""
        self.docs += 1
        if self.docs > self._idf_docs * self.settings.idf_refresh:
            self._idf.clear()
            self._idf_docs = self.docs
        idf = self._idf
        for key in set(features.terms) | features.names:
            self.df[key] += 1
            idf.pop(key, None)

    def candidates(self, features: Features) -> list[Story]:
        settings = self.settings
        limit = max(settings.common_floor, settings.common_share * self.docs)
        keys = list(features.names) + [t for t, _ in features.terms.most_common(settings.lookup_terms)]
        arrays, weights = [], []
        for key in keys:
            if self.df.get(key, 0) > limit:
                continue
            posting = self.postings.get(key)
            if not posting or len(posting) > settings.max_posting:
                continue  # a key hundreds of stories share points to none of them; reading it is the cost
            arrays.append(np.fromiter(posting, dtype=np.intp, count=len(posting)))
            weights.append(self.idf(key) * (settings.name_vote if key.startswith("n:") else 1.0))
        if not arrays:
            return []
        numbers = np.concatenate(arrays)
        # Summed in key order, as a loop over the keys would: the same floats, the same ranking.
        votes = np.bincount(numbers, np.repeat(weights, [len(a) for a in arrays]), minlength=len(self.story_ids))
        voted = np.flatnonzero(votes)
        most = settings.max_candidates
        if len(voted) > most:
            floor = np.partition(votes[voted], len(voted) - most)[len(voted) - most]
            voted = voted[votes[voted] >= floor]
        # Ties broken by story id, not by array order: same input, same candidates.
        best = heapq.nlargest(most, ((float(votes[n]), self.story_ids[n]) for n in voted))
        return [self.stories[story_id] for _, story_id in best]

    def add(self, story_id: str, features: Features) -> Story:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = Story(story_id)
        story.terms.update(features.terms)
        if len(story.terms) > self.settings.max_story_terms:
            story.terms = Counter(dict(story.terms.most_common(self.settings.keep_story_terms)))
        story.names.update(features.names)
        story.numbers.update(k for k in features.names if k[0] == "#")
        story.dates.update(features.dates)
        story.size += 1
        story.languages.add(features.language)
        if features.anchor:
            story.first = min(filter(None, (story.first, features.anchor)))
            story.last = max(filter(None, (story.last, features.anchor)))
        number = self.number_of.get(story_id)
        if number is None:
            number = self.number_of[story_id] = len(self.story_ids)
            self.story_ids.append(story_id)
        for key in features.names | {t for t, _ in features.terms.most_common(self.settings.lookup_terms)}:
            self.postings[key].add(number)
        if features.embedding is not None:
            self._add_embedding(story, np.asarray(features.embedding, dtype=np.float32))
        return story

    def remove_story(self, story_id: str) -> None:
        story = self.stories.pop(story_id, None)
        if story is None:
            return
        number = self.number_of.get(story_id)
        for key in set(story.terms) | set(story.names):
            self.postings.get(key, set()).discard(number)
        if story.row >= 0:
            self.sums[story.row] = 0
