"""Running the web app under uvicorn with limits a public server needs.

uvicorn closes idle kept-alive connections, but not a connection that never completes a request's
headers: 200 half-open connections stayed open forever. :class:`HeaderDeadline` closes a
connection that has not sent its headers within ``[serve] header_timeout`` seconds; ``limit_concurrency``
caps the connections served at once (the rest get 503).
"""

from __future__ import annotations

import asyncio

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from parallax.web.settings import ServeSettings


def protocol(header_timeout: float) -> type[H11Protocol]:
    class HeaderDeadline(H11Protocol):
        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._deadline = asyncio.get_event_loop().call_later(header_timeout, self._no_request)

        def _no_request(self) -> None:
            if self.cycle is None and not self.transport.is_closing():
                self.transport.close()  # no request began in time: a half-open or slow client

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def connection_lost(self, exc) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
            super().connection_lost(exc)

    return HeaderDeadline


def run(app, host: str, port: int, settings: ServeSettings) -> None:
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", http=protocol(settings.header_timeout),
                            timeout_keep_alive=int(settings.keep_alive), limit_concurrency=settings.max_connections)
    uvicorn.Server(config).run()
