"""Each input format, ingested through the real CLI and read back."""

from __future__ import annotations

import json

import pytest
from conftest import FIXTURES


def test_seed_like_text_is_cleaned_and_removals_listed(cli):
    result = cli("ingest", str(FIXTURES / "kursk-lexpress.txt"))
    assert result.returncode == 0, result.err
    [row] = cli.json("articles")
    article = cli.json("article", row["id"])
    assert article["title"] == "Ukraine invites UN observers to the Kursk region"
    text = article["text"]
    assert "READ ALSO" not in text and "lep-general-02" not in text
    assert text.startswith("The head of Ukrainian diplomacy")  # repeated title dropped
    assert "Kyiv faces a counterattack" in text
    reasons = {(r["reason"], r["text"]) for r in article["removed"]}
    assert ("site name in title", "Le Monde Test") in reasons
    assert ("teaser for another article", "READ ALSO: War in Ukraine: what the offensive changed") in reasons
    assert ("trailing feed tag", "lep-general-02") in reasons
    assert ("title repeated in body", "Ukraine invites UN observers to the Kursk region –") in reasons
    assert article["language"] == "en"
    assert set(article) >= {"id", "url", "outlet", "published", "language", "title", "text", "removed"}


def test_html_page_gives_text_and_metadata(cli):
    assert cli("ingest", str(FIXTURES / "page.html")).returncode == 0
    [row] = cli.json("articles")
    article = cli.json("article", row["id"])
    assert article["title"] == "Storm floods coastal towns"
    assert article["published"] == "2024-10-02"
    assert article["author"] == "Maria Lopez"
    assert "about 2,000 residents" in article["text"]
    assert "Read more" not in article["text"] and "Home" not in article["text"]
    assert "Subscribe" not in article["text"]


@pytest.mark.parametrize(
    ("name", "titles", "language"),
    [
        ("rss2.xml", {"Central bank holds rates at 4.5 percent", "Museum returns stolen painting"}, "en"),
        ("rss1.rdf", {"Earthquake of magnitude 6.1 strikes off the coast"}, "en"),
        ("rss091.xml", {"City council approves new bridge"}, "en"),
        ("atom.xml", {"L'Ukraine invite l'ONU et la Croix-Rouge dans la région de Koursk"}, "fr"),
    ],
)
def test_feeds(cli, name, titles, language):
    result = cli("ingest", str(FIXTURES / name))
    assert result.returncode == 0, result.err
    rows = cli.json("articles")
    assert {r["title"] for r in rows} == titles
    assert {r["language"] for r in rows} == {language}


def test_feed_entry_html_content_is_cleaned(cli):
    cli("ingest", str(FIXTURES / "rss2.xml"))
    rows = {r["title"]: r for r in cli.json("articles")}
    rates = cli.json("article", rows["Central bank holds rates at 4.5 percent"]["id"])
    assert rates["published"] == "2024-09-19T12:00:00+00:00"
    assert rates["outlet"] == "harbourgazette.example"
    assert "Share this article" not in rates["text"]
    assert "Seven of the nine members" in rates["text"]
    atom = FIXTURES / "atom.xml"
    cli("ingest", str(atom))
    french = [r for r in cli.json("articles") if r["language"] == "fr"][0]
    record = cli.json("article", french["id"])
    assert "Lire aussi" not in record["text"] and "« pure provocation »" in record["text"]
    assert record["author"] == "Claire Martin"


def test_jsonl_fields_external_ids_and_metadata(cli):
    assert cli("ingest", str(FIXTURES / "articles.jsonl")).returncode == 0
    rows = {r["id"]: r for r in cli.json("articles")}
    assert "wire-1" in rows and "17" in rows  # external ids echoed, numeric ones as text
    wire = cli.json("article", "wire-1")
    assert wire["outlet"] == "wire.example"  # URL host without www.
    assert wire["published"] == "2024-09-17T07:00:00+00:00"
    assert wire["metadata"] == {"desk": "markets"}
    german = cli.json("article", "17")
    assert german["outlet"] == "Der Beispielbote" and german["published"] == "2024-09-17"
    assert german["language"] == "de" and german["language_detected"] is True
    italian = [r for r in rows.values() if r["id"] not in ("wire-1", "17")][0]
    record = cli.json("article", italian["id"])
    assert record["title"] == "Il governo approva la manovra"
    assert record["language"] == "it"
    assert "Leggi anche" not in record["text"]


def test_json_array_and_directory_recursion(cli, tmp_path):
    nested = tmp_path / "in" / "deeper"
    nested.mkdir(parents=True)
    (nested / "a.json").write_bytes((FIXTURES / "articles.json").read_bytes())
    (tmp_path / "in" / "b.txt").write_text("A short title\n\nA body that says something about the world.\n")
    result = cli("ingest", str(tmp_path / "in"))
    assert result.returncode == 0, result.err
    ids = {r["id"] for r in cli.json("articles")}
    assert {"arr-1", "arr-2"} <= ids and len(ids) == 3
    assert {r["language"] for r in cli.json("articles") if r["id"].startswith("arr")} == {"es"}


def test_stdin_jsonl(cli):
    lines = (FIXTURES / "articles.jsonl").read_text()
    result = cli("ingest", "-", input=lines)
    assert result.returncode == 0, result.err
    assert cli.count() == 3


def test_detection_ignores_misleading_names(cli, tmp_path):
    disguised = tmp_path / "feed.txt"  # an Atom feed with a .txt name
    disguised.write_bytes((FIXTURES / "atom.xml").read_bytes())
    json_named_txt = tmp_path / "batch.data"
    json_named_txt.write_bytes((FIXTURES / "articles.jsonl").read_bytes())
    assert cli("ingest", str(disguised), str(json_named_txt)).returncode == 0
    titles = {r["title"] for r in cli.json("articles")}
    assert "L'Ukraine invite l'ONU et la Croix-Rouge dans la région de Koursk" in titles
    assert "Oil prices rise after storm shuts platforms" in titles


def test_list_formats(cli):
    cli("ingest", str(FIXTURES / "articles.json"))
    jsonl = cli("articles", "--format", "jsonl")
    records = [json.loads(line) for line in jsonl.out.splitlines()]
    assert [r["id"] for r in records] == ["arr-2", "arr-1"]  # newest first
    assert set(records[0]) == {"id", "outlet", "published", "language", "title"}
    table = cli("articles")
    assert "arr-1" in table.out and "La lluvia alivia la sequía en el sur" in table.out
    assert cli("articles", "--language", "en", "--format", "json").out.strip() == "[]"


def test_bundled_seed_article(cli):
    from conftest import FIXTURES as _f

    seed = _f.parents[1] / "src" / "parallax" / "examples" / "articles" / "000_977bc7843025791e.txt"
    assert cli("ingest", str(seed)).returncode == 0
    [row] = cli.json("articles")
    article = cli.json("article", row["id"])
    assert article["title"] == "The invitation that provokes the anger of the Kremlin"
    assert "READ ALSO" not in article["text"] and "lep-general-02" not in article["text"]
    removed = [(r["reason"], r["text"]) for r in article["removed"]]
    assert ("trailing feed tag", "lep-general-02") in removed
    assert sum(reason == "teaser for another article" for reason, _ in removed) == 2
    assert ("site name in title", "L’Express") in removed
