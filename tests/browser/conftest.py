"""Shared by the browser tests: one real `ctip runserver` on its own SQLite file filled by
`ctip demo`, and one Chromium (Debian's, driven by Playwright), for the whole browser run.

The server runs with DEBUG off (as in production: the app's own 403/404 pages, not Django's
technical ones) but over plain HTTP (CTIP_HTTPS=0) and serves its static files itself
(`runserver --insecure`).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.browser.helpers import ARGS, CHROMIUM, PASSWORD, ROOT, log_in


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    message = "Chromium is not installed (apt-get install chromium): browser tests skipped."
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser tests, but " + message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[dict]:
    _require_chromium()
    var = tmp_path_factory.mktemp("var")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}},
        "DATABASE_URL": f"sqlite:///{var / 'browser.sqlite3'}",
        "CTIP_VAR_DIR": str(var),
        "DEBUG": "1",
        "CTIP_DEMO_PASSWORD": PASSWORD,
    }
    ctip = [sys.executable, "-m", "ctip"]
    for command in (["migrate", "--noinput", "-v", "0"], ["demo"]):
        done = subprocess.run(
            [*ctip, *command], env=env, cwd=ROOT, capture_output=True, text=True, check=False
        )
        if done.returncode:
            pytest.fail(f"ctip {command[0]} failed:\n{done.stderr[-3000:]}")
    demo = done.stdout
    secrets = dict(re.findall(r"^\s+(\w+)\s.*TOTP: ([A-Z2-7]+)$", demo, re.MULTILINE))
    users = re.findall(r"^  (\w+)\s", demo.split("password:")[-1], re.MULTILINE)
    port = _free_port()
    served = {
        **env,
        "DEBUG": "0",
        "CTIP_HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    process = subprocess.Popen(
        [*ctip, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        env=served,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"ctip runserver exited with {process.returncode}")
                time.sleep(0.1)
        yield {
            "url": f"http://127.0.0.1:{port}",
            "secrets": secrets,
            "users": users,
            # The last TOTP time step each account used: a code is refused a second time.
            "totp_steps": {},
        }
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(server):
    # Playwright's sync API runs an event loop in this thread; Django refuses ORM use there
    # unless told otherwise. Only for the duration of these tests.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield instance
            instance.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="session")
def signed_in(server, browser):
    """`signed_in(username)`: the storage state (cookies) of a session of that demo account,
    logged in once for the whole run (with its TOTP code where its role needs one); `None` for
    an anonymous visitor. New contexts start from it at any viewport."""
    states: dict[str, dict] = {}

    def state(username: str | None) -> dict | None:
        if username is None:
            return None
        if username not in states:
            context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
            page = context.new_page()
            log_in(page, server, username)
            states[username] = context.storage_state()
            context.close()
        return states[username]

    return state
