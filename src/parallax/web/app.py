"""``parallax serve``: the pages and the JSON API over one store, in one process.

Server-rendered Jinja pages with autoescaping, no JavaScript at all, and a strict
Content-Security-Policy; the API returns the same data the pages show.
"""

from __future__ import annotations

import logging
import threading

import time
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib.resources import files
from typing import Annotated

from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from pydantic import TypeAdapter
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from parallax import __version__
from parallax.app import NotFound, Parallax
from parallax.compare.models import StoryReport
from parallax.analyze.terms import stop_words
from parallax.config import Config
from parallax.present import to_json
from parallax.store import Store, StoreError
from parallax.web import api_models as m
from parallax.web.jobs import BadRequest, Busy, Jobs
from parallax.web.reports import StoryReports
from parallax.web.security import CSP, SESSION_COOKIE, Guard
from parallax.web.views import coverage, highlight

PAGE_SIZE = 50
MAX_ERRORS = 10  # validation errors listed in one answer
MAX_BODY_BYTES = 64 * 1024  # JSON bodies (merge, split): names, not documents
MAX_UPLOAD_BYTES = 200 * 1024 * 1024  # uploads of articles to ingest
STALE_HEADER = "X-Parallax-Report"  # "stale": the story changed; its new report is being built


def stale_header(stale: bool) -> dict[str, str]:
    return {STALE_HEADER: "stale"} if stale else {}


def create_app(db: str, token: str | None = None, allow_private_urls: bool = False,
               config: Config | None = None) -> FastAPI:
    # The interactive docs of FastAPI load Swagger UI from a CDN and run an inline script, which
    # the CSP forbids and an offline server cannot fetch: /docs is a page rendered here instead.
    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # The server (uvicorn runs the lifespan) warms reports in the background while it serves;
        # an app used in-process without a lifespan builds them on demand.
        if serve.warm_stories:
            threading.Thread(target=reports.warm_after_writes, name="parallax-warm", daemon=True).start()
        yield
        reports.stop.set()

    app = FastAPI(title="Parallax", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="Stories, story reports, articles and entities of one Parallax store.")
    guard = Guard(token)
    env = Environment(
        loader=ChoiceLoader([PackageLoader("parallax.web", "templates"), PackageLoader("parallax.present", "templates")]),
        autoescape=select_autoescape(enabled_extensions=("html.j2", "html"), default=True),
        trim_blocks=True, lstrip_blocks=True,
    )
    from parallax.present import context as report_context
    from parallax.present import environment as present_environment

    env.globals.update(present_environment().globals)
    env.filters.update(present_environment().filters)
    env.globals["version"] = __version__

    px = Parallax(Store.open(db), config)  # one engine (and connection pool) for the whole server
    shared = px.store
    stop_words()  # load the compare stage's word lists now, not in the first reader's request

    @contextmanager
    def store() -> Iterator[Store]:
        yield shared

    # Reports and the story list are recomputed only when the store changes (manual moves between
    # stories, new articles, re-analysis and entity decisions all change the generation).
    serve = px.config["serve"]
    # Reports are kept per story with the story's own fingerprint (its members, their analyses,
    # the entity decisions): a write elsewhere in the store leaves them valid, and a story that a
    # writer is changing is rebuilt in the background while its readers get the last report.
    # (story_list is defined below; the reports read it only when asked for a story's JSON)
    reports = StoryReports(px, serve, lambda story: next(
        (r for r in story_list(None, None, None, None, None, None) if r["id"] == story), None),
        lambda: [r["id"] for r in all_stories()])
    keeper = reports.keeper

    generation_seen = {"value": None, "at": 0.0}

    def current_generation() -> tuple:
        # Asked at most once a second: this server's own writes call invalidate(); other
        # writers (a `parallax ingest` next to the server) show up within a second.
        now = time.monotonic()
        if generation_seen["value"] is None or now - generation_seen["at"] > 1.0:  # fixed: a second
            generation_seen["value"], generation_seen["at"] = shared.generation(), now
        return generation_seen["value"]

    def invalidate() -> None:
        generation_seen["value"] = None
        listing["at"] = 0.0

    def cached(key: tuple, compute):
        """``compute()`` under ``key``, kept until the store's generation changes."""
        return keeper.get(key, current_generation(), compute)[0]


    # The story list changes with every write; while another process writes, readers get the
    # last list (at most list_refresh seconds old) and one of them recounts: nobody waits in line.
    listing = {"records": None, "generation": None, "at": 0.0, "busy": False}
    listing_lock = threading.Lock()
    pages: dict = {}  # serialised pages (API and HTML) of the unfiltered list, for the listing they were made from
    story_items = TypeAdapter(list[m.StoryItem])

    def all_stories() -> list[dict]:
        generation = current_generation()
        with listing_lock:
            fresh = listing["records"] is not None and (
                listing["generation"] == generation or time.monotonic() - listing["at"] < serve.list_refresh
                or listing["busy"])
            if fresh:
                return listing["records"]
            listing["busy"] = True
        try:
            records = px.stories()
        finally:
            with listing_lock:
                listing["busy"] = False
        with listing_lock:
            listing.update(records=records, generation=generation, at=time.monotonic())
        return records

    def page(request: Request, template: str, status: int = 200, **values) -> HTMLResponse:
        html = env.get_template(template).render(
            request=request, signed_in=guard.signed_in(request), csrf=guard.csrf_value if guard.signed_in(request) else "",
            writable=bool(token), **values)
        return HTMLResponse(html, status_code=status)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        return response

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api/") or request.url.path.startswith("/openapi"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return page(request, "error.html.j2", status=exc.status_code, message=str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        # What was wrong and where, never the input itself: a 10 MB body is not echoed back.
        errors = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", ""))[:200], "type": e.get("type")}
                  for e in exc.errors()[:MAX_ERRORS]]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        message = str(exc)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=503)
        return page(request, "error.html.j2", status=503, message=message)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        declared = request.headers.get("content-length")
        limit = MAX_UPLOAD_BYTES if request.url.path in ("/api/ingest", "/add") else MAX_BODY_BYTES
        if declared and declared.isdigit() and int(declared) > limit:
            return JSONResponse({"detail": f"request body too large (limit {limit:,} bytes)"}, status_code=413)
        return await call_next(request)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception):
        # The traceback goes to the server log; the reader gets one clear line.
        logging.getLogger("parallax.web").exception("error serving %s", request.url.path)
        message = "internal error: the server log has the details"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": message}, status_code=500)
        return page(request, "error.html.j2", status=500, message=message)

    # -- data ------------------------------------------------------------------------------

    def story_list(q: str | None, language: str | None, outlet: str | None, entity: str | None,
                   since: str | None, until: str | None) -> list[dict]:
        with store() as s:
            records = all_stories()
            hits = None
            if q and q.strip():
                found = s.search(q)
                public = {r["id"]: r["external_id"] or r["id"] for r in s.story_rows()}
                hits = {public.get(i, i) for i in found}
            entity_hits = None
            if entity and entity.strip():
                entity_hits = {i for i in s.search(entity)}
                public = {r["id"]: r["external_id"] or r["id"] for r in s.story_rows()}
                entity_hits = {public.get(i, i) for i in entity_hits}
        out = []
        for record in records:
            ids = {a["id"] for a in record["articles"]}
            if hits is not None and not ids & hits:
                continue
            if entity_hits is not None and not ids & entity_hits:
                continue
            if language and language not in record["languages"]:
                continue
            if outlet and outlet not in {a["outlet"] for a in record["articles"]}:
                continue
            dates = [a["published"][:10] for a in record["articles"] if a["published"]]
            if since and not any(d >= since for d in dates):
                continue
            if until and not any(d <= until for d in dates):
                continue
            out.append(record)
        return out

    def resolve(story_id: str, article: bool = False) -> str:
        try:
            return px.resolve_story(story_id, article=article)
        except NotFound as exc:
            raise HTTPException(404, str(exc)) from None

    def article_of(article_id: str) -> dict:
        with store() as s:
            article = s.get_article(article_id)
            if article is None:
                raise HTTPException(404, f"no article with id '{article_id}'")
            analysis = s.get_analysis(article.internal_id)
            membership = next((r for r in s.memberships() if r["article_id"] == article.internal_id), None)
            public = {r["id"]: r["external_id"] or r["id"] for r in s.story_rows()}
        record = article.to_dict()
        record["analysis"] = (analysis or {}).get("data") or {}
        record["story"] = membership["story_id"] if membership else None
        record["copy_of"] = public.get(membership["copy_of"]) if membership and membership["copy_of"] else None
        record["decision"] = membership["decision"] if membership else None
        record["copies"] = sorted(public.get(r["article_id"], r["article_id"]) for r in (
            [] if membership is None else [x for x in _members(article.internal_id)]))
        return record

    def _members(internal_id: str) -> list[dict]:
        with store() as s:
            return [r for r in s.memberships() if r["copy_of"] == internal_id]

    # -- API -------------------------------------------------------------------------------

    @app.get("/api/stories", response_model=list[m.StoryItem], tags=["stories"])
    def api_stories(q: str | None = None, language: str | None = None, outlet: str | None = None,
                    entity: str | None = None, since: str | None = None, until: str | None = None,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 50, offset: Annotated[int, Query(ge=0)] = 0):
        """Stories, newest first, optionally filtered (q: full-text search over titles and texts),
        a page at a time (limit, offset)."""
        if any((q, language, outlet, entity, since, until)):
            return story_list(q, language, outlet, entity, since, until)[offset : offset + limit]
        # The unfiltered pages, the ones every reader asks for, are validated and serialised once
        # per listing (the schema is still list[StoryItem]: response_model).
        records = all_stories()
        with listing_lock:
            if pages.get("records") is not records:
                pages.clear()
                pages["records"] = records
            body = pages.get((offset, limit))
        if body is None:
            body = story_items.dump_json(story_items.validate_python(records[offset : offset + limit]))
            with listing_lock:
                if pages.get("records") is records:
                    pages[(offset, limit)] = body
        return Response(body, media_type="application/json")

    missing = {404: {"model": m.ErrorOut, "description": "no such story or article"}}

    @app.get("/api/stories/{story_id}", response_model=StoryReport, tags=["stories"],
             responses={**missing, 308: {"description": "the story was merged into another: its id leads there"},
                        200: {"description": "the story report", "headers": {STALE_HEADER: {
                            "description": "\"stale\" while a writer's change to the story is being built into its "
                                           "report: this is the last report; the next request gets the new one "
                                           "once it is built", "schema": {"type": "string"}}}}})
    def api_story(story_id: str, article: bool = False):
        """The story report: sources, names, facts, quotes, timeline and the cited brief. A story id
        absorbed by a merge redirects to the story that took it over; ``article=true`` reads the id
        as an article's and gives that article's story."""
        story = resolve(story_id, article)
        if story != story_id:
            return RedirectResponse(f"/api/stories/{story}", status_code=308)
        body, stale = reports.cached(("report-json", story), story, lambda: reports.json(story))
        return Response(body, media_type="application/json", headers=stale_header(stale))

    @app.get("/api/articles/{article_id}", response_model=m.ArticleOut, tags=["articles"], responses=missing)
    def api_article(article_id: str):
        return article_of(article_id)

    @app.get("/api/search", response_model=list[m.SearchHit], tags=["search"])
    def api_search(q: Annotated[str, Query(min_length=1, max_length=500)]):
        """Articles matching every word of q, best first."""
        with store() as s:
            ids = s.search(q, limit=100)
            out = []
            for internal in ids:
                article = s.get_article(internal)
                if article:
                    out.append({"id": article.id, "title": article.title, "outlet": article.outlet,
                                "language": article.language, "published": article.published})
        return out

    @app.get("/api/entities/decisions", response_model=list[m.EntityDecisionOut], tags=["entities"])
    def api_decisions():
        with store() as s:
            return s.entity_decisions()

    def bearer(request: Request) -> None:
        guard.require_bearer(request)

    unauthorised = {401: {"model": m.ErrorOut, "description": "no or wrong bearer token"}}

    @app.post("/api/entities/merge", responses={**unauthorised, 400: {"model": m.ErrorOut, "description": "the body cannot be parsed"}, 422: {"model": m.ErrorOut}}, response_model=m.EntityDecisionOut, status_code=201, tags=["entities"],
              dependencies=[Depends(bearer)])
    def api_merge(body: m.EntityDecisionIn):
        """Make two names one entity in every report (needs the bearer token)."""
        return _decide("merge", body.name, body.other)

    @app.post("/api/entities/split", responses={**unauthorised, 400: {"model": m.ErrorOut, "description": "the body cannot be parsed"}, 422: {"model": m.ErrorOut}}, response_model=m.EntityDecisionOut, status_code=201, tags=["entities"],
              dependencies=[Depends(bearer)])
    def api_split(body: m.EntityDecisionIn):
        """Keep a variant apart from an entity in every report (needs the bearer token)."""
        return _decide("split", body.name, body.other)

    def _decide(action: str, name: str, other: str) -> dict:
        with store() as s:
            s.add_entity_decision(action, name, other)
            invalidate()
            return s.entity_decisions()[-1]

    @app.post("/api/ingest", responses={**unauthorised, 400: {"model": m.ErrorOut, "description": "the body cannot be parsed"}, 422: {"model": m.ErrorOut}}, response_model=m.IngestResult, tags=["ingest"], dependencies=[Depends(bearer)])
    def api_ingest(files: Annotated[list[UploadFile], File()] = [], urls: Annotated[list[str], Form()] = []):  # noqa: B006
        """Ingest uploaded files and/or URLs, then analyse and cluster them (needs the bearer token)."""
        return _ingest(files, urls)

    jobs = Jobs(px, allow_private_urls)

    def _ingest(files: list[UploadFile], urls: list[str]) -> dict:
        try:
            return jobs.run_now([(f.filename, f.file) for f in files or []], urls)
        except BadRequest as exc:
            raise HTTPException(422, str(exc)) from None
        finally:
            invalidate()

    # -- pages -----------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def stories_page(request: Request, q: str | None = None, language: str | None = None, outlet: str | None = None,
                     entity: str | None = None, since: str | None = None, until: str | None = None,
                     sort: str = "newest", page_number: Annotated[int, Query(alias="page", ge=1)] = 1):
        unfiltered = not any((q, language, outlet, entity, since, until))
        if unfiltered:
            # The pages every reader opens are rendered once per listing and sign-in state.
            listed = all_stories()
            key = ("page", page_number, sort, guard.signed_in(request))
            with listing_lock:
                if pages.get("records") is not listed:
                    pages.clear()
                    pages["records"] = listed
                html = pages.get(key)
            if html is not None:
                return HTMLResponse(html)
        records = story_list(q, language, outlet, entity, since, until)
        if sort == "covered":
            records = sorted(records, key=lambda r: (-r["independent_origins"], -len(r["articles"])))

        def facets() -> tuple[list[str], list[str]]:
            everything = story_list(None, None, None, None, None, None)
            return (sorted({lang for r in everything for lang in r["languages"]}),
                    sorted({a["outlet"] for r in everything for a in r["articles"] if a["outlet"]}))

        languages, outlets = cached(("facets",), facets)
        start = (page_number - 1) * PAGE_SIZE
        query = {k: v for k, v in {"q": q, "language": language, "outlet": outlet, "entity": entity, "since": since,
                                   "until": until, "sort": sort}.items() if v}
        response = page(request, "stories.html.j2", stories=records[start : start + PAGE_SIZE], total=len(records),
                        page_number=page_number, pages=max(1, -(-len(records) // PAGE_SIZE)), query=query,
                        q=q or "", language=language or "", outlet=outlet or "", entity=entity or "",
                        since=since or "", until=until or "", sort=sort, languages=languages, outlets=outlets)
        if unfiltered:
            with listing_lock:
                if pages.get("records") is listed:
                    pages[key] = response.body
        return response

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str, article: bool = False):
        story = resolve(story_id, article)
        if story != story_id:
            return RedirectResponse(f"/stories/{story}", status_code=303)

        def render() -> str:
            result = reports.report(story)
            data = report_context(result.report)
            texts = result.texts
            record = next((r for r in story_list(None, None, None, None, None, None) if r["id"] == story), None)
            line = record["storyline"] if record else None
            parts = sorted([*record["siblings"], {"id": story, "title": record["title"],
                                                   "first_seen": record["first_seen"]}],
                           key=lambda r: (r["first_seen"] or "", r["id"])) if line else []
            return page(request, "story.html.j2", **data, standalone=False,
                        cited=lambda a, s, e: texts.get(a, "")[s:e], storyline=line, storyline_parts=parts,
                        coverage=coverage([a["published"] for a in data["articles"]])).body

        # Rendered once per version of the story and sign-in state (the only per-reader part).
        html, stale = reports.cached(("story-page", story, guard.signed_in(request)), story, render)
        return HTMLResponse(html, headers=stale_header(stale))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str, start: int | None = None, end: int | None = None):
        record = article_of(article_id)
        text = record["text"]
        analysis = record["analysis"]
        marks = []
        if start is not None and end is not None and 0 <= start < end <= len(text):
            marks.append((start, end, "cited", "the cited span"))
        for quote in analysis.get("quotes", []):
            marks.append((quote["start"], quote["end"], "quote", f"quote — {quote.get('speaker') or 'unattributed'}"))
        for entity in analysis.get("entities", []):
            if entity["label"] in ("person", "place", "organisation", "group"):
                marks.append((entity["start"], entity["end"], entity["label"], f"{entity['label']}: {entity['canonical']}"))
        for quantity in analysis.get("quantities", []):
            marks.append((quantity["start"], quantity["end"], "quantity", f"quantity ({quantity.get('predicate') or ''})"))
        return page(request, "article.html.j2", article=record, pieces=highlight(text, marks))

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(request: Request, name: str | None = None):
        with store() as s:
            rows = s.entity_decisions()
        found = entity_view(name) if name and name.strip() else None
        return page(request, "entities.html.j2", decisions=rows, name=name or "", found=found)

    def entity_view(name: str) -> dict:
        """Where a name appears: its spelling variants and roles across articles, and its stories."""
        from parallax.compare.names import key, same_person, same_thing

        wanted = key(name)
        variants: dict[str, set[str]] = {}
        roles: dict[str, int] = {}
        story_ids: set[str] = set()
        with store() as s:
            public = {r["id"]: (r["external_id"] or r["id"], r["story_id"]) for r in s.story_rows()}
            for internal in s.search(name.replace('"', " "), limit=300):
                analysis = (s.get_analysis(internal) or {}).get("data") or {}
                hit = False
                for entity in analysis.get("entities", []):
                    candidate = key(entity.get("canonical") or entity["text"])
                    match = same_person(candidate, wanted) if entity["label"] == "person" else same_thing(candidate, wanted)
                    if match:
                        hit = True
                        variants.setdefault(entity["text"], set()).add(public.get(internal, (internal, None))[0])
                        if entity.get("role"):
                            roles[entity["role"]] = roles.get(entity["role"], 0) + 1
                if hit and internal in public and public[internal][1]:
                    story_ids.add(public[internal][1])
        stories = [r for r in story_list(None, None, None, None, None, None) if r["id"] in story_ids]
        return {"variants": sorted(((t, sorted(a)) for t, a in variants.items()), key=lambda v: -len(v[1])),
                "roles": sorted(roles, key=lambda r: -roles[r]), "stories": stories}

    @app.post("/entities", include_in_schema=False)
    def entities_form(request: Request, action: Annotated[str, Form()], name: Annotated[str, Form()],
                      other: Annotated[str, Form()], csrf: Annotated[str | None, Form()] = None,
                      back: Annotated[str | None, Form()] = None):
        guard.require_form(request, csrf)
        if action not in ("merge", "split") or not name.strip() or not other.strip():
            raise HTTPException(422, "choose merge or split and give two names")
        _decide(action, name.strip(), other.strip())
        target = back if back and back.startswith("/") and not back.startswith("//") else "/entities"
        return RedirectResponse(target, status_code=303)

    @app.get("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_page(request: Request):
        return page(request, "add.html.j2", result=None, job=None)

    @app.post("/add", response_class=HTMLResponse, include_in_schema=False)
    def add_form(request: Request, files: Annotated[list[UploadFile], File()] = [],  # noqa: B006
                 urls: Annotated[str, Form()] = "", csrf: Annotated[str | None, Form()] = None):
        guard.require_form(request, csrf)
        uploads = [(f.filename, f.file) for f in files if f.filename]
        try:
            job = jobs.start(uploads, urls.split())
        except BadRequest as exc:
            raise HTTPException(422, str(exc)) from None
        except Busy as exc:
            raise HTTPException(503, str(exc)) from None
        return RedirectResponse(f"/add/jobs/{job.id}", status_code=303)

    @app.get("/add/jobs/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def job_page(request: Request, job_id: str):
        job = jobs.get(job_id)
        if job is None:
            raise HTTPException(404, "no such ingest job")
        if job.done:
            invalidate()
        return page(request, "add.html.j2", result=job.result, job=job)

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request):
        return page(request, "login.html.j2", failed=False)

    @app.post("/login", include_in_schema=False)
    def login(request: Request, token_field: Annotated[str, Form(alias="token")]):
        if not guard.token_ok(token_field):
            return page(request, "login.html.j2", status=401, failed=True)
        response = RedirectResponse("/add", status_code=303)
        response.set_cookie(SESSION_COOKIE, guard.session_value, httponly=True, samesite="strict")
        return response

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str):
        allowed = {"app.css": files("parallax.web") / "static" / "app.css",
                   "report.css": files("parallax.present") / "templates" / "report.css"}
        if name not in allowed:
            raise HTTPException(404, "not found")
        return Response(allowed[name].read_text(encoding="utf-8"), media_type="text/css")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        """The API described from its own OpenAPI schema, as a page that runs no script."""
        return page(request, "docs.html.j2", schema=app.openapi())

    @app.get("/healthz", response_class=PlainTextResponse, include_in_schema=False)
    def health():
        # The reports still to build in the background: 0 once the newest stories are warm.
        return f"ok; {keeper.pending} reports to build"

    return app
