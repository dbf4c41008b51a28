"""Two ctip instances in one test process (issue 27): a province on the database "default" and
the national ctip on "other" (tests/settings.py), joined by a transport that posts through the
whole Django stack (middleware, URL conf, view) while "other" stands as the default database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections
from django.test import Client

from ctip.exchange.transport import Answer

KEY_ID, SECRET, PROVINCE = "tinh-51", "khoa-bi-mat-thu-nghiem-51", "51"
URL = "http://quoc-gia.test/trao-doi/nhan/"
RECEIVER_PATH = "/trao-doi/nhan/"


def configure(settings: Any) -> None:
    settings.CTIP_PUSH_PROVINCE = PROVINCE
    settings.CTIP_PUSH_URL = URL
    settings.CTIP_PUSH_KEY_ID = KEY_ID
    settings.CTIP_PUSH_KEY = SECRET
    settings.CTIP_PUSH_PEERS = f"{KEY_ID}:{PROVINCE}:{SECRET},tinh-01:1:khac"
    settings.CTIP_PUSH_WINDOW_SECONDS = 300


@contextmanager
def national() -> Iterator[None]:
    """Run the block as the national ctip: every ORM call, transaction and audit row of the
    default alias goes to the "other" database's connection."""
    own, other = connections[DEFAULT_DB_ALIAS], connections["other"]
    setattr(connections._connections, DEFAULT_DB_ALIAS, other)
    try:
        yield
    finally:
        setattr(connections._connections, DEFAULT_DB_ALIAS, own)


class NationalTransport:
    """`ctip.exchange.transport.post` for the test: the first `down` calls find the national
    ctip down (503, as nginx answers when gunicorn is not running), the others reach it."""

    def __init__(self, down: int = 0) -> None:
        self.down = down
        self.calls: list[tuple[bytes, dict[str, str]]] = []
        self.answers: list[Answer] = []

    def __call__(self, url: str, body: bytes, headers: dict[str, str]) -> Answer:
        self.calls.append((body, dict(headers)))
        if self.down:
            self.down -= 1
            answer = Answer(503, b"<html>503 Service Unavailable</html>")
        else:
            answer = post_to_national(body, headers)
        self.answers.append(answer)
        return answer


def post_to_national(body: bytes, headers: dict[str, str]) -> Answer:
    with national():
        response = Client().post(
            RECEIVER_PATH, data=body, content_type="application/json", headers=headers
        )
    return Answer(response.status_code, response.content)
