"""Tables in a terminal as narrow as a laptop's: one line per row, ids and dates whole."""

from __future__ import annotations

import json

LONG_TITLE = ("Istanbul mayor Ekrem İmamoğlu is taken to Silivri prison after a court orders his arrest pending "
              "trial on corruption charges")
ARTICLES = [
    {"id": f"imamoglu-{k}", "url": f"https://outlet-with-a-rather-long-domain-name-{k}.example/news/{k}",
     "published": f"2025-03-2{k}", "language": "en", "title": f"{LONG_TITLE} ({k})",
     "text": "The mayor of Istanbul was taken to prison on Sunday after a court ordered his arrest. " * 3}
    for k in range(3)
]


def test_an_article_table_keeps_one_line_per_article_in_80_columns(cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    assert cli("ingest", str(batch)).returncode == 0

    table = cli("articles", env={"COLUMNS": "80"})

    assert table.returncode == 0, table.err
    lines = table.out.splitlines()
    assert all(len(line) <= 80 for line in lines), "\n".join(lines)
    rows = [line for line in lines if "imamoglu-" in line]
    assert len(rows) == len(ARTICLES)  # one line each: nothing folded onto a second line
    for article in ARTICLES:
        row = next(line for line in rows if article["id"] in line)  # the id whole
        assert article["published"] in row  # the date whole
        assert "Istanbul mayor" in row and "…" in row  # the headline cut, not wrapped


def test_a_wide_terminal_shows_the_headline_further(cli, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert cli("ingest", str(batch)).returncode == 0

    narrow = next(line for line in cli("articles", env={"COLUMNS": "80"}).out.splitlines() if "imamoglu-" in line)
    wide = next(line for line in cli("articles", env={"COLUMNS": "200"}).out.splitlines() if "imamoglu-" in line)

    assert "Silivri" in wide and "Silivri" not in narrow
