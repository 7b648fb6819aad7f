"""Settings of the web server (the ``[serve]`` block of the config)."""

from __future__ import annotations

from parallax import registry
from parallax.config import Settings, setting


@registry.settings.register("serve")
class ServeSettings(Settings):
    header_timeout: float = setting("Seconds a connection may take to send a request's headers before it is "
                                    "closed (half-open and slow clients).", output=False)
    keep_alive: float = setting("Seconds an idle kept-alive connection stays open.", output=False)
    max_connections: int = setting("Connections served at once; more get 503 Service Unavailable.", output=False)
    report_cache: int = setting("Story reports and pages kept in memory.", output=False)
    list_refresh: float = setting("Seconds the story list may lag behind the store while another process "
                                  "writes (readers never wait for a recount).", output=False)
