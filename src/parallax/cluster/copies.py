"""Copy detection: verbatim republications and light rewrites, by MinHash over word shingles.

datasketch's LSH finds earlier articles whose 5-word shingles overlap enough; the copy points to
the earliest of them (by publication date, then arrival), following chains to the origin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from datasketch import MinHash, MinHashLSH

from parallax.cluster.features import words

SHINGLE = 5
PERMUTATIONS = 64
THRESHOLD = 0.3  # estimated Jaccard of shingle sets above which one text is a copy of the other
MIN_SHINGLES = 8  # a few sentences at least; a shared headline alone is not a copy


@dataclass
class CopyMatch:
    origin: str
    similarity: float


class CopyDetector:
    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        self.hashes: dict[str, MinHash] = {}
        self.origin_of: dict[str, str] = {}
        self.order: dict[str, tuple] = {}

    def signature(self, text: str) -> MinHash | None:
        tokens = words(text)
        shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(max(0, len(tokens) - SHINGLE + 1))}
        if len(shingles) < MIN_SHINGLES:
            return None
        minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
        minhash.update_batch([s.encode("utf-8") for s in sorted(shingles)])
        return minhash

    def add(self, article_id: str, text: str, published: date | None, arrival: int) -> CopyMatch | None:
        minhash = self.signature(text)
        if minhash is None:
            return None
        self.order[article_id] = (published or date.max, arrival)
        found = None
        matches = [m for m in self.lsh.query(minhash) if m in self.hashes]
        scored = [(self.hashes[m].jaccard(minhash), m) for m in matches]
        scored = [(s, m) for s, m in scored if s >= self.threshold]
        if scored:
            best_similarity = max(s for s, _ in scored)
            origins = {self.origin_of.get(m, m) for _, m in scored}
            origin = min(origins, key=lambda a: self.order.get(a, (date.max, 0)))
            if self.order[article_id] < self.order[origin]:
                # This one was published earlier than what it matches: it is the origin.
                for member, root in list(self.origin_of.items()):
                    if root == origin:
                        self.origin_of[member] = article_id
                self.origin_of[origin] = article_id
            else:
                self.origin_of[article_id] = origin
                found = CopyMatch(origin, round(best_similarity, 3))
        self.hashes[article_id] = minhash
        self.lsh.insert(article_id, minhash)
        return found

    def copy_of(self, article_id: str) -> str | None:
        return self.origin_of.get(article_id)
