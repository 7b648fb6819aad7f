"""Who may write, and what a page may run.

Reading is open (the server listens on localhost by default). Writing needs the token given at
start: API clients send ``Authorization: Bearer <token>``; people sign in once with it on
/login and get an HttpOnly, SameSite=Strict session cookie, and every form they post carries a
CSRF token derived from the session, so another site cannot post on their behalf.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import HTTPException, Request

SESSION_COOKIE = "parallax_session"
# No inline scripts, no foreign origins: article text that slips through escaping still cannot run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class Guard:
    def __init__(self, token: str | None) -> None:
        self.token = token
        self._secret = secrets.token_bytes(32)

    def _sign(self, purpose: str) -> str:
        return hmac.new(self._secret, f"{purpose}:{self.token}".encode(), hashlib.sha256).hexdigest()

    @property
    def session_value(self) -> str:
        return self._sign("session")

    @property
    def csrf_value(self) -> str:
        return self._sign("csrf")

    def token_ok(self, given: str | None) -> bool:
        return bool(self.token) and given is not None and hmac.compare_digest(given, self.token)

    def signed_in(self, request: Request) -> bool:
        cookie = request.cookies.get(SESSION_COOKIE)
        return bool(self.token) and cookie is not None and hmac.compare_digest(cookie, self.session_value)

    def require_bearer(self, request: Request) -> None:
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not self.token_ok(given.strip()):
            raise HTTPException(401, "a bearer token is required to write (start the server with --token)",
                                headers={"WWW-Authenticate": "Bearer"})

    def require_form(self, request: Request, csrf: str | None) -> None:
        if not self.signed_in(request):
            raise HTTPException(401, "sign in with the server's token first")
        if csrf is None or not hmac.compare_digest(csrf, self.csrf_value):
            raise HTTPException(403, "the form is stale or was posted from another site")
