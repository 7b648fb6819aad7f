"""Language identification on short and long news text: py3langid vs lingua.

Scores accuracy on news-dev (15 languages, gold `language`) for the first sentence of each
article and for its first 1,000 characters, with time per call and peak memory. lingua is not a
Parallax dependency: install it (`pip install lingua-language-detector`) to include it.

    python bench/langid.py
"""

from __future__ import annotations

import json
import re
import resource
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-dev" / "dev.jsonl"


def samples() -> list[tuple[str, str, str]]:
    out = []
    for line in DEV.open(encoding="utf-8"):
        row = json.loads(line)
        text = row["text"].strip()
        first = re.split(r"(?<=[.!?。])\s*", text)[0][:200]
        out.append((row["language"], "sentence", first))
        out.append((row["language"], "lead-1000", text[:1000]))
    return out


def score(name: str, classify, data) -> None:
    classify(data[0][2])  # load models outside the timing
    start = time.perf_counter()
    hits = {"sentence": [0, 0], "lead-1000": [0, 0]}
    for gold, kind, text in data:
        hits[kind][0] += classify(text) == gold
        hits[kind][1] += 1
    per_call = (time.perf_counter() - start) / len(data) * 1000
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    s, l = (hits[k][0] / hits[k][1] for k in ("sentence", "lead-1000"))
    print(f"{name:<22} {s:>9.3f} {l:>10.3f} {per_call:>8.2f} {peak:>12.0f}")


def main() -> None:
    if not DEV.exists():
        print(f"skipped: {DEV} not found")
        return
    data = samples()
    print(f"news-dev: {len(data) // 2} articles\n")
    print(f"{'detector':<22} {'sentence':>9} {'lead-1000':>10} {'ms/call':>8} {'peak RSS MB':>12}")
    import py3langid

    score("py3langid 0.4.0", lambda t: py3langid.classify(t)[0], data)
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("lingua: not installed (pip install lingua-language-detector to compare)")
        return
    for label, builder in (
        ("lingua (low accuracy)", LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode()),
        ("lingua (high accuracy)", LanguageDetectorBuilder.from_all_languages()),
    ):
        detector = builder.build()

        def classify(text: str, detector=detector) -> str | None:
            found = detector.detect_language_of(text)
            return found.iso_code_639_1.name.lower() if found else None

        score(label, classify, data)
    print("\npeak RSS is cumulative within this process (lingua rows include py3langid).")


if __name__ == "__main__":
    sys.exit(main())
