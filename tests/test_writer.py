"""The optional brief writer against a real OpenAI-compatible HTTP endpoint served by the test.

The endpoint answers like a chat model that (a) drops an "also" or reorders a sentence around its
first comma — no new words, which the citation check accepts — and (b) "improves" any sentence with a number by
changing the number, which the check must reject, keeping the original.
"""

from __future__ import annotations

import http.server
import json
import re
import threading
from pathlib import Path

import pytest

from parallax.compare.brief import supported
from parallax.compare.models import BriefSentence, Citation
from parallax.compare.writer import rephrase_brief

SEEDS = sorted(str(p) for p in (Path(__file__).parents[1] / "src" / "parallax" / "examples" / "articles").glob("*.txt"))


def _answer(sentence: str) -> str:
    if re.search(r"\d", sentence):
        return re.sub(r"\d+", "999", sentence, count=1)
    if " also " in sentence:
        return sentence.replace(" also ", " ")
    head, sep, tail = sentence.rstrip(".").partition(", ")
    return f"{tail[:1].upper()}{tail[1:]}, {head[:1].lower()}{head[1:]}." if sep else sentence


class _Chat(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        """Silent."""

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.path == "/v1/chat/completions" and body["messages"][-1]["role"] == "user"
        reply = {"choices": [{"message": {"role": "assistant", "content": _answer(body["messages"][-1]["content"])}}]}
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def chat_url():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Chat)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def test_a_rephrasing_is_used_only_when_it_passes_the_same_check():
    text = "Peskov said the invitation was a provocation, speaking in Moscow. About 150,000 civilians left."
    texts = {"a": text}
    reordered = BriefSentence("Peskov said the invitation was a provocation, speaking in Moscow.", [Citation("a", 0, 64)])
    counted = BriefSentence("About 150,000 civilians left.", [Citation("a", 65, len(text))])
    brief, stats = rephrase_brief([reordered, counted], texts, set(), _answer)
    assert brief[0].text == "Speaking in Moscow, peskov said the invitation was a provocation."
    assert brief[1] == counted  # "999" is not in any cited span: rejected
    assert (stats.offered, stats.used, stats.rejected) == (2, 1, 1)
    assert all(supported(s, texts, set()) for s in brief)


def test_compare_with_a_writer_keeps_every_sentence_cited(cli, chat_url):
    plain = cli.json("compare", *SEEDS)
    written = cli("compare", *SEEDS, "--format", "json", "--writer", chat_url)
    assert written.returncode == 0, written.err
    assert "brief sentences rephrased" in written.err
    report = json.loads(written.out)
    assert len(report["brief"]) == len(plain["brief"])
    assert report["brief"] != plain["brief"]  # some sentence was reordered
    for sentence, original in zip(report["brief"], plain["brief"]):
        assert sentence["citations"] == original["citations"]
        if re.search(r"\d", original["text"]):
            assert sentence["text"] == original["text"]  # the changed number was refused
        assert "999" not in sentence["text"]


def test_an_unreachable_writer_leaves_the_extractive_brief(cli):
    plain = cli.json("compare", *SEEDS)
    result = cli("compare", *SEEDS, "--format", "json", "--writer", "http://127.0.0.1:9/v1")
    assert result.returncode == 0, result.err
    assert "writer not used" in result.err
    assert json.loads(result.out)["brief"] == plain["brief"]
