"""The one place Parallax may talk to a language model: an OpenAI-compatible chat endpoint the
user configured by URL (never by default, never anything downloaded). Used only to rephrase brief
sentences, which :mod:`parallax.compare.writer` checks again before using them."""

from __future__ import annotations

import os
from collections.abc import Callable

import httpx

URL_ENV = "PARALLAX_WRITER_URL"
KEY_ENV = "PARALLAX_WRITER_KEY"
PROMPT = (
    "Rephrase the sentence as plain, neutral news prose. Keep every name, number and quotation exactly as "
    "written, keep every outlet name, add no fact, opinion or word of your own beyond connecting words. "
    "Reply with the rephrased sentence only."
)


class WriterUnavailable(RuntimeError):
    """The endpoint could not be used (the message says why); the extractive brief stands."""


def chat_completion(url: str, model: str = "default", api_key: str | None = None,
                    timeout: float = 30.0) -> Callable[[str], str | None]:
    """A function sentence → rephrasing through ``POST {url}/chat/completions``.

    The first failure raises :class:`WriterUnavailable`, so a dead endpoint costs one timeout,
    not one per sentence; an answer without text gives None (that sentence stays as it was)."""
    endpoint = url.rstrip("/") + "/chat/completions"
    key = api_key or os.environ.get(KEY_ENV)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    client = httpx.Client(timeout=timeout, headers=headers)

    def complete(sentence: str) -> str | None:
        body = {"model": model, "temperature": 0,
                "messages": [{"role": "system", "content": PROMPT}, {"role": "user", "content": sentence}]}
        try:
            response = client.post(endpoint, json=body)
            response.raise_for_status()
            data = response.json()
        except httpx.HTTPStatusError as exc:
            raise WriterUnavailable(f"{endpoint} answered HTTP {exc.response.status_code}") from None
        except httpx.HTTPError as exc:
            raise WriterUnavailable(f"{endpoint} could not be reached: {exc}") from None
        except ValueError:
            raise WriterUnavailable(f"{endpoint} did not answer JSON") from None
        try:
            text = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            return None
        return text if isinstance(text, str) else None

    return complete
