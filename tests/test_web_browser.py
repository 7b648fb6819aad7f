"""The pages in a real headless Chromium (Debian's package, driven by Playwright) against a real
`parallax serve`. Skipped with a loud message when chromium is not installed."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
from conftest import FIXTURES
from web_server import TOKEN, Server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).parents[1] / "build" / "screenshots"

if CHROMIUM is None:
    message = "!!! chromium is not installed: browser tests SKIPPED (apt-get install chromium)"
    warnings.warn(message, stacklevel=1)
    pytest.skip(message, allow_module_level=True)

from playwright.sync_api import sync_playwright


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("web"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def _sign_in(page, server):
    page.goto(server.url + "/login")
    page.fill("input[name=token]", TOKEN)
    page.click("form.card button[type=submit]")
    page.wait_for_url("**/add")


def test_list_search_story_and_citation(page, server):
    page.goto(server.url + "/")
    assert page.locator("#stories li.story").count() >= 5
    page.fill("nav input[type=search]", "Kursk")
    page.press("nav input[type=search]", "Enter")
    stories = page.locator("#stories li.story")
    assert stories.count() >= 1
    assert "Kremlin" in stories.first.inner_text() or "Ukraine" in stories.first.inner_text()
    stories.first.locator("h2 a").click()
    assert page.locator("#brief li").count() >= 1
    assert page.locator("table.facts tr.conflict").count() >= 1
    citation = page.locator("#brief a.cite").first
    citation.hover()
    tip = citation.locator(".tip")
    assert tip.is_visible() and len(tip.inner_text()) > 10
    cited_text = tip.inner_text()
    citation.click()
    page.wait_for_url("**/articles/**")
    cited = page.locator("mark#cited")
    assert cited.count() == 1
    assert cited.inner_text().strip()[:30] in cited_text


def test_merge_two_entities_from_the_entities_page(page, server):
    _sign_in(page, server)
    page.goto(server.url + "/entities?name=Lavrov")
    variants = page.locator("#variants").inner_text()
    assert "Sergei Lavrov" in variants and "Sergey Lavrov" in variants
    assert page.locator("#entity li.story").count() >= 1
    page.select_option("#decide select[name=action]", "merge")
    page.fill("#decide input[name=name]", "Sergey Lavrov")
    page.fill("#decide input[name=other]", "Sergei Lavrov")
    page.click("#decide button[type=submit]")
    page.wait_for_url("**/entities")
    row = page.locator("#decisions tr", has_text="Sergey Lavrov")
    assert row.count() == 1 and "merge" in row.inner_text()


def test_ingest_a_file_through_the_add_page(page, server):
    page.goto(server.url + "/add")
    assert page.locator("input[type=file]").count() == 0  # not signed in: no form
    _sign_in(page, server)
    page.goto(server.url + "/add")
    page.set_input_files("input[type=file]", str(FIXTURES / "harbour" / "coastal-times.txt"))
    page.click("form.card button[type=submit]")
    result = page.locator("#result")
    assert "1 new article stored" in result.inner_text()
    assert "Thousands leave Vellmore" in result.inner_text()


def test_cross_site_form_post_is_refused(page, server):
    _sign_in(page, server)
    response = page.request.post(server.url + "/entities", form={"action": "merge", "name": "x", "other": "y"})
    assert response.status == 403


def test_hostile_article_is_shown_as_text_everywhere(page, server):
    for path in ("/", "/?q=Vellmore", "/articles/hostile-1"):
        page.goto(server.url + path)
        assert page.evaluate("window.__xss") is None, path
        assert "<script>window.__xss=1</script>" in page.content().replace("&lt;", "<").replace("&gt;", ">")
    page.goto(server.url + "/articles/hostile-1")
    story = page.locator("a[href^='/stories/']").first.get_attribute("href")
    page.goto(server.url + story)
    assert page.evaluate("window.__xss") is None
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").startswith("javascript:")
    assert not page.dialogs


@pytest.mark.parametrize("width,height,name", [(1280, 900, "desktop"), (390, 844, "phone")])
def test_story_page_screenshots(browser, server, width, height, name):
    import httpx

    stories = httpx.get(server.url + "/api/stories").json()
    kursk = next(s for s in stories if any("Kremlin" in a["title"] for a in s["articles"]))
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server.url + f"/stories/{kursk['id']}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"story-{name}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    context.close()
    assert overflow <= 1, f"{name}: page is {overflow}px wider than the screen"
