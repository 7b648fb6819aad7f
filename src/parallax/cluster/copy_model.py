"""Rewrites and translations: how likely one text was made from another, learned from labels.

Verbatim republications are found by MinHash (:mod:`parallax.cluster.copies`). What MinHash
misses (an aggregator's rewrite of a wire story, a partial copy wrapped in commentary, a machine
translation) shares few 5-word shingles with its origin. Each candidate pair is described by the
signals in :data:`SIGNALS` and a logistic regression, trained on the copy labels of labelled news
(``bench/copies_cv.py``, ``parallax train copies``), gives the probability that one was made from
the other. The weights and the decision threshold, chosen by leave-one-family-out
cross-validation, ship as ``weights/copies.json`` with a data card.

Every signal is computed from a :class:`CopyText`, built once per article and kept only while
the article's story is live.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from parallax.analyze.stopwords import stop_words
from parallax.analyze.translit import fold, simplified
from parallax.cluster.features import words
from parallax.cluster.model import PairModel, read
from parallax.cluster.settings import CopiesSettings
from parallax.lexicon import QUOTE_CLOSERS, QUOTE_OPENERS

SIGNALS = (
    "char_containment",  # shared character shingles over the shorter text's: partial copies score high
    "unquoted_containment",  # the same with quoted passages left out: two reports of one statement quote it alike
    "sentence_share_min",  # share of sentences with a close sentence in the other text, the lower of the two
    "sentence_share_max",  # ... and the higher: a short copy of a long origin
    "anchor_order",  # names and numbers in the same order (a translation keeps them)
    "number_order",  # numbers alone in the same order (they survive any script)
    "lead_similarity",  # the opening characters, edit-distance ratio
    # The longest passage both texts hold word for word outside quotes: a copy cut to an excerpt or
    # wrapped in commentary keeps whole paragraphs, two reports of one event share phrases.
    "shared_run",
    "length_ratio",  # shorter over longer
    "same_language",
    # A translation shares no characters with its origin: names and numbers in order are all it
    # keeps, so across languages they carry weights of their own.
    "anchor_order_across",
    "number_order_across",
)
# Sentence shares (every sentence against every sentence) and the shared passage cost most; they
# are computed only when the other signals leave the pair within reach of the threshold.
COSTLY = ("sentence_share_min", "sentence_share_max", "shared_run")

# Sentence ends of every script we meet: Latin, CJK, Devanagari's danda ("।"), Arabic and Urdu.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？।॥؟۔])\s+|\n+")
# Indic vowel signs are not \w, so Hindi words split into fragments here; keeping them whole
# (lexicon.WORD_MARKS) lowered the copy pairs' cross-validated precision (0.8947 -> 0.8718).
_TOKEN = re.compile(r"[^\W_][\w'’-]*")
# Names and numbers: capitalised Latin-script words and figures ("Argentina", "1-0", "Martinez").
_ANCHOR = re.compile(r"\b(?:\d[\d.,]*|[A-Z][a-zA-Z\u00C0-\u024F]{2,})\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SPACE = re.compile(r"\s+")
# A quoted passage: an opening mark, then up to a long sentence's worth of characters to a closing mark.
_QUOTED = re.compile(f"[{re.escape(QUOTE_OPENERS)}][^{re.escape(QUOTE_OPENERS + QUOTE_CLOSERS)}]{{0,600}}"
                     f"[{re.escape(QUOTE_CLOSERS)}]")
_BASE = np.uint64(1_000_003)  # fixed: an odd multiplier for the polynomial hash of a shingle


@dataclass
class CopyText:
    """What copy signals read in one article."""

    language: str
    text: str  # the members' texts are kept by the cluster stage anyway: no extra memory
    chars: np.ndarray  # sorted distinct hashes of the sampled character shingles
    unquoted: np.ndarray  # the same, with quoted passages left out
    anchors: list[str]
    numbers: list[str]
    lead: str
    min_sentence_words: int
    unquoted_text: str  # the text itself when it quotes nothing
    run_window: int
    _sentences: list[frozenset[str]] | None = None
    _windows: tuple[np.ndarray, np.ndarray] | None = None

    @property
    def length(self) -> int:
        return len(self.text)

    @property
    def sentences(self) -> list[frozenset[str]]:
        """Each sentence's words, split only when a pair comes within reach of the threshold."""
        if self._sentences is None:
            self._sentences = sentence_sets(self.text, min_words=self.min_sentence_words)
        return self._sentences

    @property
    def windows(self) -> np.ndarray:
        """Hashes of the unquoted text's word windows, in text order (hashed when first asked for,
        like the sentences)."""
        return self._window_hashes()[0]

    @property
    def window_set(self) -> np.ndarray:
        """The same, sorted and distinct."""
        return self._window_hashes()[1]

    def _window_hashes(self) -> tuple[np.ndarray, np.ndarray]:
        if self._windows is None:
            windows = window_hashes(self.unquoted_text, size=self.run_window)
            self._windows = (windows, np.unique(windows))
        return self._windows


def anchor_sequence(text: str) -> list[str]:
    """Numbers and capitalised Latin-script words, in order; capitalised function words ("The",
    "La", "Die") differ between languages and are left out."""
    stops = stop_words()
    out = []
    for match in _ANCHOR.finditer(text):
        token = match.group().lower().replace(",", ".")
        if token not in stops:
            out.append(token)
    return out


def sequence_similarity(a: list[str], b: list[str]) -> float:
    """2·LCS / (|a| + |b|) over the two sequences."""
    return 2 * LCSseq.similarity(a, b) / (len(a) + len(b))  # fixed: 2·LCS/(|a|+|b|)


def sentence_sets(text: str, *, min_words: int) -> list[frozenset[str]]:
    """Each sentence's folded words (longer than two letters, or numbers), for sentences of at least ``min_words``."""
    out = []
    for sentence in _SENTENCE_END.split(text):
        tokens = {fold(t) for t in _TOKEN.findall(sentence) if len(t) > 2 or t.isdigit()}  # fixed: short words
        if len(tokens) >= min_words:
            out.append(frozenset(tokens))
    return out


def rewrite_share(copy: list[frozenset[str]], origin: list[frozenset[str]], *, sentence_jaccard: float) -> float:
    """Share of the copy's sentences that have a close sentence (word-set Jaccard) in the origin."""
    if len(copy) < 2 or not origin:  # fixed: one sentence is no rewrite
        return 0.0
    aligned = 0
    for sentence in copy:
        size = len(sentence)
        for other in origin:
            shared = len(sentence & other)
            if shared / (size + len(other) - shared) >= sentence_jaccard:
                aligned += 1
                break
    return aligned / len(copy)


def char_hashes(text: str, *, size: int, sample: int) -> np.ndarray:
    """Hashes of the text's character shingles (lower-cased, runs of spaces as one), keeping one
    in ``sample`` by hash value: every text keeps the same shingles, so containment between two
    samples estimates containment between the whole sets at a fraction of the memory."""
    # A vectorised polynomial hash over code points: a Python loop over every shingle costs ~1 ms
    # per article, this a few microseconds. No library computes shingle hashes over a string.
    points = np.frombuffer(_SPACE.sub(" ", text.lower()).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(points) < size:
        return np.empty(0, dtype=np.uint32)
    count = len(points) - size + 1
    value = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        value = value * _BASE + points[offset : offset + count]
    value ^= value >> np.uint64(29)  # mix the high bits down before sampling by the low ones
    kept = value[value % np.uint64(sample) == 0] >> np.uint64(32)
    return np.unique(kept.astype(np.uint32))


def window_hashes(text: str, *, size: int) -> np.ndarray:
    """Hashes of every run of ``size`` consecutive words (folded; Chinese, Japanese and Korean as
    character bigrams), in text order."""
    tokens = words(text)
    if len(tokens) < size:
        return np.empty(0, dtype=np.uint64)
    # Python's string hash is salted per process: fine, the hashes never leave the process.
    ids = np.fromiter((hash(t) for t in tokens), dtype=np.int64, count=len(tokens)).view(np.uint64)
    count = len(ids) - size + 1
    value = np.zeros(count, dtype=np.uint64)
    for offset in range(size):
        value = value * _BASE + ids[offset : offset + count]
    return value


def longest_shared_run(a: CopyText, b: CopyText, *, size: int) -> int:
    """Words in the longest passage both texts hold word for word (0 when none of ``size`` words)."""
    if not len(a.windows) or not len(b.window_set):
        return 0
    at = np.minimum(np.searchsorted(b.window_set, a.windows), len(b.window_set) - 1)
    shared = np.concatenate(([0], (b.window_set[at] == a.windows).view(np.int8), [0]))
    edges = np.diff(shared)
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    return int((ends - starts).max()) + size - 1 if len(starts) else 0


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Shared hashes over the smaller set's."""
    if not len(a) or not len(b):
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / min(len(a), len(b))


def copy_text(text: str, language: str, settings: CopiesSettings) -> CopyText:
    size, sample = settings.char_shingle, settings.char_sample
    text = simplified(text)  # a traditional-character copy of a simplified-character text is a copy
    chars = char_hashes(text, size=size, sample=sample)
    unquoted = _QUOTED.sub(" ", text)
    quotes = unquoted != text
    return CopyText(language, text, chars,
                    char_hashes(unquoted, size=size, sample=sample) if quotes else chars,
                    anchor_sequence(text), [n.replace(",", ".") for n in _NUMBER.findall(text)],
                    text[: settings.lead_chars].lower(), settings.min_sentence_words,
                    unquoted if quotes else text, settings.run_window)


def _order(a: list[str], b: list[str], shortest: int) -> float:
    """Order similarity, 0 when either sequence is shorter than ``shortest``: one or two numbers
    in the same order say nothing about copying."""
    return sequence_similarity(a, b) if min(len(a), len(b)) >= shortest else 0.0


def cheap_signals(a: CopyText, b: CopyText, settings: CopiesSettings) -> dict[str, float]:
    """Every signal but the costly ones."""
    shared = containment(a.chars, b.chars)
    out = {
        "char_containment": shared,
        # Texts that quote nothing keep one array for both: the second intersection is the first.
        "unquoted_containment": shared if a.unquoted is a.chars and b.unquoted is b.chars
        else containment(a.unquoted, b.unquoted),
        "anchor_order": _order(a.anchors, b.anchors, settings.min_order_items),
        "number_order": _order(a.numbers, b.numbers, settings.min_order_items),
        "lead_similarity": fuzz.ratio(a.lead, b.lead) / 100,  # fixed: rapidfuzz's percent to a share
        "length_ratio": min(a.length, b.length) / max(a.length, b.length, 1),
        "same_language": float(a.language == b.language),
    }
    across = 1.0 - out["same_language"]
    out["anchor_order_across"] = across * out["anchor_order"]
    out["number_order_across"] = across * out["number_order"]
    return out


def costly_signals(a: CopyText, b: CopyText, settings: CopiesSettings) -> dict[str, float]:
    """The sentence shares (every sentence of one text against every sentence of the other) and
    the longest shared passage."""
    jaccard = settings.rewrite_sentence_jaccard
    one = rewrite_share(a.sentences, b.sentences, sentence_jaccard=jaccard)
    other = rewrite_share(b.sentences, a.sentences, sentence_jaccard=jaccard)
    return {"sentence_share_min": min(one, other), "sentence_share_max": max(one, other),
            "shared_run": min(1.0, longest_shared_run(a, b, size=settings.run_window) / settings.run_full)}


def signals(a: CopyText, b: CopyText, settings: CopiesSettings) -> dict[str, float]:
    """All of the pair's signals."""
    return {**cheap_signals(a, b, settings), **costly_signals(a, b, settings)}


class CopyModel:
    """The learned copy decision over :data:`SIGNALS`."""

    def __init__(self, model: PairModel, threshold: float | None = None) -> None:
        self.model = model
        self.threshold = model.threshold if threshold is None else threshold
        self.weights = dict(zip(model.features, model.weights, strict=True))
        self.terms = tuple(self.weights.items())
        # The most the costly signals (shares between 0 and 1) can add to the logit.
        self.costly_ceiling = sum(max(self.weights.get(name, 0.0), 0.0) for name in COSTLY)
        self.bar = float(np.log(self.threshold / (1 - self.threshold)))

    def logit(self, values: dict[str, float]) -> float:
        # One pair at a time: a plain sum is ~20 times faster than PairModel's array arithmetic.
        total = self.model.bias
        for name, weight in self.terms:
            total += weight * values.get(name, 0.0)
        return total

    def probability(self, values: dict[str, float]) -> float:
        return self.probability_of(self.logit(values))

    @staticmethod
    def probability_of(logit: float) -> float:
        return 1.0 / (1.0 + math.exp(-logit))

    def ceiling(self, cheap: dict[str, float]) -> float:
        """The highest logit the pair can reach once the costly signals are known."""
        return self.logit(cheap) + self.costly_ceiling


@cache
def load(path: str | None = None, threshold: float | None = None) -> CopyModel:
    """The copy model at ``path`` (a user's retrained file), or the one shipped with the package;
    ``threshold`` replaces the model's own."""
    return CopyModel(read(path, "copies.json", "copy", SIGNALS), threshold)
