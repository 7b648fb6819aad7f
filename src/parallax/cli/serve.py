"""``parallax serve``: the web app and JSON API over the store."""

from __future__ import annotations

import typer

from parallax.cli import app
from parallax.cli.options import DbOption, load_config, open_store
from parallax.cli.output import info


@app.command()
def serve(
    db: str = DbOption,
    host: str = typer.Option("127.0.0.1", help="Address to listen on. Reading is open to anyone who can reach it."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None, envvar="PARALLAX_TOKEN", show_envvar=True,
        help="Bearer token required for everything that writes (ingest, merge/split). Without it the server is read-only."),
    allow_private_urls: bool = typer.Option(
        False, "--allow-private-urls",
        help="Let the server fetch URLs on loopback/private networks (refused by default: SSRF)."),
) -> None:
    """Serve the stories, story reports, articles and entities as web pages and a JSON API
    (OpenAPI schema at /openapi.json, interactive docs at /docs)."""
    from parallax.web.app import create_app
    from parallax.web.server import run

    config = load_config()
    with open_store(db):
        pass  # create or migrate the store now, so a bad --db fails here with a clear message
    info(f"Parallax is serving {db} at http://{host}:{port}  (Ctrl-C to stop)")
    run(create_app(db, token, allow_private_urls, config), host, port, config["serve"])
