"""Pair signals: what two articles share or contradict, as numeric features, a block of pairs at a time.

One :class:`PairSignals` is built over the articles being grouped (sparse rows of words, names,
numbers, dates; the embeddings as one matrix); :meth:`PairSignals.block` then gives every feature
of :data:`FEATURES` for the pairs ``rows × cols`` as dense arrays, and :meth:`PairSignals.never`
the pairs that can never be one story because their dates lie too far apart. The story model
(:mod:`parallax.cluster.model`) turns the features into the probability that two articles report
one event; consolidation groups articles by that probability.

The features are the clusterer's own signals plus what tells look-alike events apart: dates and
days named, the gap between the articles' dates, years, the values of one unit that differ
(3.5% / 3.25%), ordinals of one noun that differ ("fourth flight" / "fifth flight"), the headline's
words (what happened: "resigns" / "appointed"), and across languages the embedding and the
numbers every language writes alike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np
from scipy import sparse

from parallax.cluster.features import Features

# The model's inputs, in the order its weights are stored. Changing the list means retraining.
# Dates only ever speak against a pair (differ, far apart), never for it: in a real stream many
# unrelated events share a day, however rarely the labelled sets show it.
FEATURES = (
    "text",  # TF-IDF cosine of the words (title words counted more)
    "text_same_language",  # the same, where both articles share a language (words can meet)
    "title",  # TF-IDF cosine of the headlines alone
    "names",  # idf-weighted Dice of the names (transliterated)
    "names_cross_language",  # the same across languages, where words cannot meet
    "embedding",  # cosine of the multilingual lead embeddings, 0 where one is missing
    "embedding_cross_language",  # the same across languages
    "cross_language",  # the two articles are in different languages
    "numbers_shared",  # a particular number ("33.15", "5-2") in both
    "numbers_differ",  # both have particular numbers, none shared
    "tallies_cross_language",  # a three-digit count in both, across languages
    "measure_differs",  # one unit with different values in the two ("percent=3.5" / "percent=3.25")
    "measure_shared",  # one unit with the same value
    "ordinal_differs",  # one counted noun with different ordinals ("fourth flight" / "fifth flight")
    "ordinal_shared",
    "dates_differ",  # both name resolved dates, none shared (in any of the text)
    "days_differ",  # both name days (month and day, year or not: "26 octobre" / "Oct. 26"), none shared
    "gap_log_days",  # ln(1 + days between the two anchors), 0 where one is unknown
    "years_apart",  # ln(1 + years between the latest years the two name or are dated), 0 if unknown
    "lead_days_far",  # ln(1 + days between the nearest days the two leads name or are dated), where both have some
    "latest_day_far",  # ln(1 + days between the latest days (with a month) the two leads name or are dated)
    "weekday_differs",  # both give weekdays (named, or of their dates), none shared
    # What one headline says that the other text never mentions ("physics" / "chemistry", "landed" /
    # "took off"): the idf-weighted share of a headline's words missing from the other article, the
    # larger of the two directions, where both share a language.
    "title_words_missing",
    "lead_names_missing",  # the same for the names of the lead, in any language (names are transliterated)
    # Shared words and names count for less between articles dated more than a week apart: the
    # same kind of event again (another shooting in the same town, the next rate decision).
    "text_week_apart",
    "names_week_apart",
)
# Not a feature: which pairs have both embeddings (the model's fallback scores the others).
EMBEDDED = "_both_embedded"
LEAD_DAYS = "_lead_day_distance"  # not a feature either: days between the leads' nearest days, -1 if unknown
EMBEDDING_FEATURES = ("embedding", "embedding_cross_language")
MAX_LEAD_DAYS = 6  # fixed: the days kept per article, as the story model was trained (more changes its signals)

# A small store has no background to tell rare words from common ones: with two articles every
# shared word would look common. Below this many documents, counts are read against a background
# where the words are rare.
MIN_DOCS = 100  # fixed: as the story model was trained; its weights assume this background
LEAP = 2024  # fixed: a leap year, so that every month-day has a day of the year
DAYS_IN_LEAP_YEAR = 366  # fixed: the days of that year
WEEK = 7  # fixed: days in a week
DAYS_IN_MONTH = 31  # fixed: the period of days of the month compared without their month


def _day_order(day: str) -> tuple[int, str]:
    """Candidate days by how much they say: whole dates, then month-days, days of a month, weekdays."""
    return (3 if day.startswith("-W-") else 2 if day.startswith("---") else 1 if day.startswith("--") else 0), day


def _csr(rows: list[dict[int, float]], width: int) -> sparse.csr_matrix:
    indptr, indices, data = [0], [], []
    for row in rows:
        indices.extend(row.keys())
        data.extend(row.values())
        indptr.append(len(indices))
    return sparse.csr_matrix((np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), np.array(indptr)),
                             shape=(len(rows), max(width, 1)))


class _Keys:
    """Column numbers for the keys of one kind."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}

    def row(self, keys, weight: Callable[[str], float] = lambda _: 1.0) -> dict[int, float]:
        return {self.ids.setdefault(k, len(self.ids)): weight(k) for k in keys}

    def matrix(self, rows: list[dict[int, float]]) -> sparse.csr_matrix:
        return _csr(rows, len(self.ids))


def _unit(rows: list[dict[int, float]]) -> list[dict[int, float]]:
    out = []
    for row in rows:
        norm = math.sqrt(sum(w * w for w in row.values())) or 1.0
        out.append({k: w / norm for k, w in row.items()})
    return out


class PairSignals:
    """Sparse rows of every signal for the articles being grouped, built once."""

    def __init__(self, items: Sequence[Features], docs: int, df: Callable[[str], int]) -> None:
        background = max(docs, MIN_DOCS)

        def idf(key: str) -> float:
            return math.log((background + 1) / (df(key) + 0.5))  # fixed: smoothed idf, as the model was trained

        terms, titles, names, numbers, dates, days, measures, units = (_Keys() for _ in range(8))
        ordinals, counted = _Keys(), _Keys()
        rows: dict[str, list[dict[int, float]]] = {k: [] for k in (
            "text", "title", "names", "numbers", "tallies", "dates", "days", "measures", "units", "ordinals",
            "counted")}
        for f in items:
            rows["text"].append({terms.ids.setdefault(t, len(terms.ids)): (1 + math.log(c)) * idf(t)
                                 for t, c in f.terms.items() if c > 0})
            rows["title"].append({titles.ids.setdefault(t, len(titles.ids)): (1 + math.log(c)) * idf(t)
                                  for t, c in f.title_terms.items() if c > 0})
            rows["names"].append(names.row([n for n in f.names if n[0] != "#" and not n.startswith("o:")], idf))
            particular = [n for n in f.names if n[0] == "#"]
            rows["numbers"].append(numbers.row(particular))
            rows["tallies"].append(numbers.row(f.tallies | set(particular)))
            rows["dates"].append(dates.row(f.dates))
            rows["days"].append(days.row(f.month_days))
            rows["measures"].append(measures.row(f.measures))
            rows["units"].append(units.row({m.split("=", 1)[0] for m in f.measures}))
            rows["ordinals"].append(ordinals.row([n for n in f.names if n.startswith("o:")]))
            rows["counted"].append(counted.row({n.rsplit(":", 1)[0] for n in f.names if n.startswith("o:")}))
        self.text = terms.matrix(_unit(rows["text"]))
        self.title = titles.matrix(_unit(rows["title"]))
        self.names = names.matrix(rows["names"])
        self.name_mass = np.asarray(self.names.sum(axis=1)).ravel()
        self.numbers = numbers.matrix(rows["numbers"])
        self.tallies = numbers.matrix(rows["tallies"])
        self.dates = dates.matrix(rows["dates"])
        self.days = days.matrix(rows["days"])
        self.measures = measures.matrix(rows["measures"])
        self.units = units.matrix(rows["units"])
        self.ordinals = ordinals.matrix(rows["ordinals"])
        self.counted = counted.matrix(rows["counted"])
        self.present = (self.text > 0).astype(np.float64)
        # Title words in the text's columns (a title word is always one of the text's terms).
        self.title_in_text = _csr([{terms.ids[t]: idf(t) for t in f.title_terms if t in terms.ids} for f in items],
                                  len(terms.ids))
        self.title_mass = np.asarray(self.title_in_text.sum(axis=1)).ravel()
        self.lead_names = names.matrix([names.row([n for n in f.lead_names], idf) for f in items])
        self.lead_name_mass = np.asarray(self.lead_names.sum(axis=1)).ravel()
        self.name_present = (self.names > 0).astype(np.float64)
        self.languages = np.array([hash(f.language) for f in items])
        self.anchor = np.array([f.anchor.toordinal() if f.anchor else -1 for f in items])
        latest = []
        for f in items:
            years = set(f.years) | ({f.anchor.year} if f.anchor else set())
            if f.anchor:  # a dated article's later years are plans or forecasts, not its time
                years = {y for y in years if y <= f.anchor.year}
            latest.append(max(years) if years else -1)
        self.latest_year = np.array(latest)
        # Candidate event days, padded with -1: the date's ordinal (when the year is known), its day of
        # the year (when the month is), its day of the month, its weekday (ISO, 1 = Monday).
        shape = (len(items), MAX_LEAD_DAYS)
        self.day_ordinal, self.day_of_year, self.day_of_month, self.weekday = (
            np.full(shape, -1, dtype=np.int64) for _ in range(4))
        for row, f in enumerate(items):
            for k, day in enumerate(sorted(f.lead_days, key=_day_order)[:MAX_LEAD_DAYS]):
                self._put_day(row, k, day)
        self.latest_day = np.array([self._latest(row) for row in range(len(items))])
        dims = next((len(f.embedding) for f in items if f.embedding is not None), 0)
        self.embeddings = np.zeros((len(items), dims), dtype=np.float32)
        self.has_embedding = np.zeros(len(items), dtype=bool)
        for row, f in enumerate(items):
            if f.embedding is not None and dims:
                vector = np.asarray(f.embedding, dtype=np.float32)
                self.embeddings[row] = vector / (np.linalg.norm(vector) or 1.0)
                self.has_embedding[row] = True

    @staticmethod
    def _any(a: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return (a[rows] @ a[cols].T).toarray() > 0

    @staticmethod
    def _present(a: sparse.csr_matrix, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        has = np.diff(a.indptr) > 0
        return has[rows][:, None] & has[cols][None, :]

    @staticmethod
    def missing(weighted: sparse.csr_matrix, mass: np.ndarray, present: sparse.csr_matrix, rows: np.ndarray,
                cols: np.ndarray) -> np.ndarray:
        """The larger, over the two directions, of the weighted share of one's keys the other lacks;
        0 where one has none."""
        found = (weighted[rows] @ present[cols].T).toarray()
        back = (present[rows] @ weighted[cols].T).toarray()
        a, b = mass[rows][:, None], mass[cols][None, :]
        ab = np.divide(a - found, a, out=np.zeros_like(found), where=a > 0)
        ba = np.divide(b - back, b, out=np.zeros_like(back), where=b > 0)
        return np.where((a > 0) & (b > 0), np.maximum(ab, ba), 0.0)

    def gap_days(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Days between the two anchors; -1 where one is unknown."""
        a, b = self.anchor[rows][:, None], self.anchor[cols][None, :]
        return np.where((a >= 0) & (b >= 0), np.abs(a - b), -1)

    def _put_day(self, row: int, k: int, day: str) -> None:
        if day.startswith("-W-"):
            self.weekday[row, k] = int(day[3:])  # fixed: "-W-5"
            return
        if day.startswith("---"):
            self.day_of_month[row, k] = int(day[3:])  # fixed: "---29"
            return
        month, dom = int(day[-5:-3]), int(day[-2:])  # fixed: "--10-26" / "2024-10-26"
        try:
            self.day_of_year[row, k] = date(LEAP, month, dom).timetuple().tm_yday
        except ValueError:
            return
        self.day_of_month[row, k] = dom
        if not day.startswith("--"):
            whole = date.fromisoformat(day)
            self.day_ordinal[row, k] = whole.toordinal()
            self.weekday[row, k] = whole.isoweekday()

    def _latest(self, row: int) -> int:
        """Row's latest candidate day with a month: the event a report is about is usually the
        latest its lead names ("the second bulletin on 2 August" after "the 28 July election")."""
        known = self.day_of_year[row] >= 0
        return int(self.day_of_year[row][known].max()) if known.any() else -1

    @staticmethod
    def _circular(a: np.ndarray, b: np.ndarray, period: int) -> np.ndarray:
        difference = np.abs(a - b)
        return np.minimum(difference, period - difference)

    def lead_day_distance(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Days between the nearest candidate event days of the two; -1 where they cannot be
        compared. Days with years compare as dates, else by day of the year ("Oct. 26"), else by
        day of the month ("segunda-feira (29)" / "2日")."""
        missing = np.iinfo(np.int64).max
        best = np.full((len(rows), len(cols)), missing)
        for i in range(MAX_LEAD_DAYS):
            ord_a, doy_a = self.day_ordinal[rows, i][:, None], self.day_of_year[rows, i][:, None]
            dom_a = self.day_of_month[rows, i][:, None]
            if not (dom_a >= 0).any():
                continue
            for j in range(MAX_LEAD_DAYS):
                ord_b, doy_b = self.day_ordinal[cols, j][None, :], self.day_of_year[cols, j][None, :]
                dom_b = self.day_of_month[cols, j][None, :]
                distance = np.where(
                    (ord_a >= 0) & (ord_b >= 0), np.abs(ord_a - ord_b),
                    np.where((doy_a >= 0) & (doy_b >= 0), self._circular(doy_a, doy_b, DAYS_IN_LEAP_YEAR),
                             self._circular(dom_a, dom_b, DAYS_IN_MONTH)))
                distance = np.where((dom_a >= 0) & (dom_b >= 0), distance, missing)
                np.minimum(best, distance, out=best)
        return np.where(best == missing, -1, best)

    def latest_day_distance(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        a, b = self.latest_day[rows][:, None], self.latest_day[cols][None, :]
        return np.where((a >= 0) & (b >= 0), self._circular(a, b, DAYS_IN_LEAP_YEAR), -1)

    def weekdays_differ(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Both have weekdays (named, or of their dates) and none is shared."""
        match = np.zeros((len(rows), len(cols)), dtype=bool)
        for i in range(MAX_LEAD_DAYS):
            a = self.weekday[rows, i][:, None]
            if not (a >= 0).any():
                continue
            for j in range(MAX_LEAD_DAYS):
                match |= (a >= 0) & (a == self.weekday[cols, j][None, :])
        has = (self.weekday >= 0).any(axis=1)
        both = has[rows][:, None] & has[cols][None, :]
        return both & ~match

    def never(self, rows: np.ndarray, cols: np.ndarray, max_gap_days: int) -> np.ndarray:
        """Pairs whose dates lie further apart than one story may span: never one story."""
        return self.gap_days(rows, cols) > max_gap_days

    def block(self, rows: np.ndarray, cols: np.ndarray) -> dict[str, np.ndarray]:
        """Every feature of :data:`FEATURES` for the pairs rows × cols."""
        cross = (self.languages[rows][:, None] != self.languages[cols][None, :]).astype(np.float64)
        text = (self.text[rows] @ self.text[cols].T).toarray()
        title = (self.title[rows] @ self.title[cols].T).toarray()
        shared = (self.names[rows] @ (self.names[cols] > 0).T).toarray()
        mass = self.name_mass[rows][:, None] + self.name_mass[cols][None, :]
        dice = np.divide(2 * shared, mass, out=np.zeros_like(shared), where=mass > 0)  # fixed: Dice's 2|A∩B|
        both = self.has_embedding[rows][:, None] & self.has_embedding[cols][None, :]
        if self.embeddings.shape[1]:
            cosine = self.embeddings[rows] @ self.embeddings[cols].T
            embedding = np.where(both, cosine, 0.0).astype(np.float64)
        else:
            embedding = np.zeros_like(text)
        numbers_present = self._present(self.numbers, rows, cols)
        numbers_shared = self._any(self.numbers, rows, cols)
        same_unit = self._any(self.units, rows, cols)
        same_measure = self._any(self.measures, rows, cols)
        same_counted = self._any(self.counted, rows, cols)
        same_ordinal = self._any(self.ordinals, rows, cols)
        gap = self.gap_days(rows, cols)
        ya, yb = self.latest_year[rows][:, None], self.latest_year[cols][None, :]
        years_known = (ya >= 0) & (yb >= 0)
        lead = self.lead_day_distance(rows, cols)
        latest = self.latest_day_distance(rows, cols)
        apart = (gap > WEEK).astype(np.float64)
        return {
            "text": text,
            "text_same_language": text * (1 - cross),
            "title": title,
            "names": dice,
            "names_cross_language": dice * cross,
            "embedding": embedding,
            "embedding_cross_language": embedding * cross,
            "cross_language": cross,
            "numbers_shared": numbers_shared.astype(np.float64),
            "numbers_differ": (numbers_present & ~numbers_shared).astype(np.float64),
            "tallies_cross_language": self._any(self.tallies, rows, cols) * cross,
            "measure_differs": (same_unit & ~same_measure).astype(np.float64),
            "measure_shared": same_measure.astype(np.float64),
            "ordinal_differs": (same_counted & ~same_ordinal).astype(np.float64),
            "ordinal_shared": same_ordinal.astype(np.float64),
            "dates_differ": (self._present(self.dates, rows, cols) & ~self._any(self.dates, rows, cols)).astype(np.float64),
            "days_differ": (self._present(self.days, rows, cols) & ~self._any(self.days, rows, cols)).astype(np.float64),
            "gap_log_days": np.log1p(np.maximum(gap, 0)),
            "years_apart": np.where(years_known, np.log1p(np.abs(ya - yb)), 0.0),
            "lead_days_far": np.log1p(np.maximum(lead, 0)),
            "latest_day_far": np.log1p(np.maximum(latest, 0)),
            "weekday_differs": self.weekdays_differ(rows, cols).astype(np.float64),
            "title_words_missing": self.missing(self.title_in_text, self.title_mass, self.present, rows, cols)
            * (1 - cross),
            "lead_names_missing": self.missing(self.lead_names, self.lead_name_mass, self.name_present, rows, cols),
            "text_week_apart": text * apart,
            "names_week_apart": dice * apart,
            EMBEDDED: both,
            LEAD_DAYS: lead,
        }
