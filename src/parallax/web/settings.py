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
    stale_reports: bool = setting("While a writer changes a story, its readers get the last report at once "
                                  "(header X-Parallax-Report: stale) and one background thread builds the new "
                                  "one; off: readers of a changed story wait for its new report.", output=False)
    warm_stories: int = setting("Reports of this many newest stories are built in the background when the "
                                "server starts, and those of the stories each write changes (0: only on "
                                "demand).", output=False)
    warm_interval: float = setting("Seconds between two looks for writes whose stories need new reports.",
                                   output=False)
    list_refresh: float = setting("Seconds the story list may lag behind the store while another process "
                                  "writes (readers never wait for a recount).", output=False)
