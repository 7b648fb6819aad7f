"""http(s) URLs of pages and feeds, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations


def test_page_and_feed_urls(cli, http_server):
    result = cli("ingest", f"{http_server}/page.html", f"{http_server}/rss2.xml", f"{http_server}/atom.xml")
    assert result.returncode == 0, result.err
    titles = {r["title"] for r in cli.json("articles")}
    assert "Storm floods coastal towns" in titles
    assert "Central bank holds rates at 4.5 percent" in titles
    page = [r for r in cli.json("articles") if r["title"] == "Storm floods coastal towns"][0]
    record = cli.json("article", page["id"])
    assert record["url"] == f"{http_server}/page.html"
    assert record["outlet"] == "127.0.0.1"
    again = cli("ingest", f"{http_server}/page.html", f"{http_server}/rss2.xml", f"{http_server}/atom.xml")
    assert "0 new articles stored; 4 already stored" in again.err  # the same feed again is a no-op


def test_redirect_is_followed_and_final_url_kept(cli, http_server):
    assert cli("ingest", f"{http_server}/redirect-to-page").returncode == 0
    [row] = cli.json("articles")
    assert cli.json("article", row["id"])["url"] == f"{http_server}/page.html"


def test_url_failures_are_one_line_errors(cli, http_server, closed_port):
    cases = {
        f"{http_server}/slow": "timed out after 0.5 s",
        f"{http_server}/loop": "more than 5 redirects",
        f"{http_server}/huge": "too large",
        f"{http_server}/missing": "HTTP 404",
        f"http://127.0.0.1:{closed_port}/x": "cannot connect",
    }
    result = cli("ingest", *cases, f"{http_server}/rss091.xml", "--timeout", "0.5")
    assert result.returncode == 1
    errors = [line for line in result.err.splitlines() if line.startswith("error:")]
    assert len(errors) == len(cases), result.err
    for (url, message), line in zip(cases.items(), errors):
        assert line.startswith(f"error: {url}: ") and message in line, line
    assert cli.count() == 1
