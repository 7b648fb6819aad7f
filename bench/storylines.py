"""Storylines Parallax forms on the news-dev sets, for a person to judge: each storyline with its
stories in time order, and for each story the gold events of its articles.

    python bench/storylines.py [--sets news-dev,news-dev-2,news-dev-3]

The stories are the ones Parallax forms over the whole set (as `parallax ingest` of the file
would); the analyses come from the bench cache (bench/corpus.py).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def stories_of(data) -> list[dict]:
    with corpus.own_store(data) as px:
        return px.stories()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=",".join(corpus.NEWS))
    args = parser.parse_args()
    if not corpus.available():
        print("skipped: ../shared/data not found (the shared evaluation data is not on this machine)")
        return 0
    for name in args.sets.split(","):
        data = corpus.load(name, quiet=True)
        event_of = {item.gold["id"]: item.event for item in data.items}
        family_of = {item.event: item.family for item in data.items}
        title_of = {item.event: item.gold.get("event_title") or item.event for item in data.items}
        lines = defaultdict(list)
        for story in stories_of(data):
            if story["storyline"]:
                lines[story["storyline"]["id"]].append(story)
        print(f"== {name}: {len(lines)} storylines")
        for number, (line_id, stories) in enumerate(sorted(lines.items()), 1):
            title = stories[0]["storyline"]["title"]
            events = {event_of.get(a["id"]) for s in stories for a in s["articles"]}
            families = {family_of.get(e) for e in events}
            print(f"{number}. {title} — {len(stories)} stories, gold events {len(events)}, "
                  f"families {len(families)}")
            for story in sorted(stories, key=lambda s: (s["first_seen"] or "", s["id"])):
                counts = Counter(event_of.get(a["id"]) for a in story["articles"])
                gold = "; ".join(f"{title_of.get(e, e)[:60]} ×{n}" for e, n in counts.most_common())
                print(f"   {story['first_seen'] or 'undated'}  {story['title'][:70]}  [{gold}]")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
