"""Login lockout (issue 19, finding 3): failures lock a username at one client address, never an
address on its own, and the client address is read from X-Forwarded-For only when CTIP_PROXY_COUNT
says how many trusted proxies appended to it.

The first tests go through Django's test client (REMOTE_ADDR and headers set by hand); the last
ones run the deployed stack: gunicorn behind a real nginx, with clients connecting from distinct
loopback addresses (Linux routes all of 127.0.0.0/8 to lo).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.test import RequestFactory

from ctip.accounts.client_address import client_address
from tests.helpers import PASSWORD, make_user

ROOT = Path(__file__).resolve().parent.parent
LIMIT = django_settings.AXES_FAILURE_LIMIT


def _login(client, username: str, password: str, address: str, forwarded: str | None = None):
    headers = {"REMOTE_ADDR": address}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    client.cookies.clear()
    return client.post("/dang-nhap/", {"username": username, "password": password}, **headers)


@pytest.mark.django_db
def test_failures_with_many_usernames_from_one_address_lock_out_no_one_else(client, settings):
    settings.CTIP_PROXY_COUNT = 0
    make_user("nguoi-thu-sau")
    for n in range(LIMIT):
        _login(client, f"doan-mo-{n}", "sai", "10.0.0.2")
    assert _login(client, "nguoi-thu-sau", PASSWORD, "10.0.0.2").status_code == 302


@pytest.mark.django_db
def test_failures_for_one_user_lock_that_user_at_that_address_only(client, settings):
    settings.CTIP_PROXY_COUNT = 0
    make_user("an")
    make_user("binh")
    for _ in range(LIMIT):
        _login(client, "an", "sai", "10.0.0.2")
    locked = _login(client, "an", PASSWORD, "10.0.0.2")
    assert locked.status_code == 429 and "tạm bị khóa" in locked.content.decode()
    assert _login(client, "binh", PASSWORD, "10.0.0.2").status_code == 302
    assert _login(client, "an", PASSWORD, "10.0.0.3").status_code == 302


@pytest.mark.django_db
def test_forged_forwarded_header_is_ignored_without_a_trusted_proxy(client, settings):
    settings.CTIP_PROXY_COUNT = 0
    make_user("an")
    for n in range(LIMIT):  # each failure claims another address
        _login(client, "an", "sai", "10.0.0.4", forwarded=f"198.51.100.{n + 1}")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"10.0.0.4"}
    assert _login(client, "an", PASSWORD, "10.0.0.4", forwarded="198.51.100.99").status_code == 429
    # Nor can another client take this one's address (and lock) by naming it.
    assert _login(client, "an", PASSWORD, "10.0.0.5", forwarded="10.0.0.4").status_code == 302


@pytest.mark.django_db
def test_behind_one_proxy_the_address_it_appended_counts(client, settings):
    settings.CTIP_PROXY_COUNT = 1
    make_user("an")
    forged = ["198.51.100.1", '"', 'for="198.51.100.2', "unknown", "198.51.100.3, ,"]
    for n in range(LIMIT):  # whatever the client sent comes before the address nginx appended
        _login(
            client, "an", "sai", "127.0.0.1", forwarded=f"{forged[n % len(forged)]}, 203.0.113.7"
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.7"}
    assert _login(client, "an", PASSWORD, "127.0.0.1", forwarded="203.0.113.7").status_code == 429
    claimed = _login(client, "an", PASSWORD, "127.0.0.1", forwarded="203.0.113.7, 203.0.113.8")
    assert claimed.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        (0, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "10.0.0.1"),
        (1, {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "198.51.100.1"),
        (
            1,
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "a, b,2001:db8::1"},
            "2001:db8::1",
        ),
        (
            1,
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": '", 198.51.100.1'},
            "198.51.100.1",
        ),
        (
            2,
            {"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": "1.1.1.1, 198.51.100.1, 10.0.0.8"},
            "198.51.100.1",
        ),
        # No usable header (gunicorn reached without the proxy): the peer's address.
        (1, {"REMOTE_ADDR": "127.0.0.1"}, "127.0.0.1"),
        (1, {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}, "127.0.0.1"),
        (2, {"REMOTE_ADDR": "10.0.0.9", "HTTP_X_FORWARDED_FOR": "198.51.100.1"}, "10.0.0.9"),
    ],
)
def test_client_address(settings, proxies, meta, expected):
    settings.CTIP_PROXY_COUNT = proxies
    request = RequestFactory().get("/")
    request.META.update(meta)
    assert client_address(request) == expected


def _settings_in(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    code = (
        "import json, ctip.settings as s; print(json.dumps([s.CTIP_PROXY_COUNT, "
        "s.AXES_LOCKOUT_PARAMETERS, s.AXES_CLIENT_IP_CALLABLE]))"
    )
    base = {k: v for k, v in os.environ.items() if k not in {"CTIP_PROXY_COUNT"}}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, "CTIP_VAR_DIR": str(tmp_path), **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_proxy_count_comes_from_the_environment_and_defaults_to_none(tmp_path):
    default = json.loads(_settings_in({}, tmp_path).stdout)
    assert default == [
        0,
        [["username", "ip_address"]],
        "ctip.accounts.client_address.client_address",
    ]
    assert json.loads(_settings_in({"CTIP_PROXY_COUNT": "1"}, tmp_path).stdout)[0] == 1
    assert _settings_in({"CTIP_PROXY_COUNT": "-1"}, tmp_path).returncode != 0


# Through nginx ---------------------------------------------------------------------------------

NGINX = "/usr/sbin/nginx"
NGINX_CONF = """
worker_processes 1;
pid nginx.pid;
events { worker_connections 64; }
http {
    access_log off;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    server {
        listen 127.0.0.1:%(port)s;
        location / {
            proxy_pass http://127.0.0.1:%(upstream)s;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
        }
    }
}
"""
USERS = ["an", "binh", "chau", "dung"]


def _require_nginx() -> None:
    if os.access(NGINX, os.X_OK):
        return
    message = f"nginx is not installed ({NGINX}; apt-get install nginx-light)"
    if os.environ.get("CI"):
        pytest.fail("CI must run the lockout tests through nginx, but " + message)
    pytest.skip(message + ": lockout through nginx not tested")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited ({process.returncode}): {log.read_text()[-2000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"server did not answer on port {port}: {log.read_text()[-2000:]}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[dict]:
    """gunicorn with CTIP_PROXY_COUNT=1 on its own SQLite file, behind nginx as docs/deploy.md
    configures it; the users in USERS (no role, so no second factor)."""
    _require_nginx()
    var = tmp_path_factory.mktemp("lockout")
    keep = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "PYTEST_CURRENT_TEST"}
    env = {k: v for k, v in os.environ.items() if k not in keep | {"CTIP_PROXY_COUNT"}}
    env.update(
        DATABASE_URL=f"sqlite:///{var / 'ctip.sqlite3'}",
        CTIP_VAR_DIR=str(var),
        DEBUG="0",
        CTIP_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CTIP_PROXY_COUNT="1",
        CTIP_LOGIN_FAILURES=str(LIMIT),
        LOG_LEVEL="WARNING",
    )
    ctip = [sys.executable, "-m", "ctip"]
    subprocess.run([*ctip, "migrate", "--noinput", "-v", "0"], env=env, cwd=ROOT, check=True)
    create = "from ctip.accounts.models import User\n" + "".join(
        f"User.objects.create_user({name!r}, password={PASSWORD!r})\n" for name in USERS
    )
    subprocess.run([*ctip, "shell", "-c", create], env=env, cwd=ROOT, check=True)
    log = var / "servers.log"
    out = log.open("a")
    upstream, port = _free_port(), _free_port()
    gunicorn = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "ctip.wsgi:application"]
        + ["--bind", f"127.0.0.1:{upstream}", "--workers", "1", "--log-level", "warning"],
        env=env,
        cwd=var,
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    nginx = None
    try:
        _wait_for(upstream, gunicorn, log)
        prefix = var / "nginx"
        (prefix / "tmp").mkdir(parents=True)
        conf = prefix / "nginx.conf"
        root = "user root;\n" if os.geteuid() == 0 else ""
        conf.write_text(root + NGINX_CONF % {"port": port, "upstream": upstream})
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-e", "stderr", "-c", str(conf), "-g", "daemon off;"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        _wait_for(port, nginx, log)
        yield {"port": port, "database": var / "ctip.sqlite3"}
    finally:
        if nginx is not None:
            _stop(nginx)
        _stop(gunicorn)
        out.close()


class Client:
    """A browser at one loopback address, talking to nginx."""

    def __init__(self, site: dict, address: str, forwarded: str | None = None):
        self.port, self.address, self.forwarded = site["port"], address, forwarded

    def request(self, method: str, path: str, body: str = "", cookie: str = ""):
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=30, source_address=(self.address, 0)
        )
        headers = {"Host": "127.0.0.1"}
        if cookie:
            headers["Cookie"] = cookie
        if body:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.forwarded:
            headers["X-Forwarded-For"] = self.forwarded
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read()
        finally:
            connection.close()

    def log_in(self, username: str, password: str) -> int:
        """The status of the login form's answer: 302 logged in, 200 refused, 429 locked."""
        status, set_cookie, html = self.request("GET", "/dang-nhap/")
        assert status == 200, status
        csrf = re.search(r"csrftoken=([^;]+)", set_cookie)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert csrf and token
        body = urlencode(
            {"username": username, "password": password, "csrfmiddlewaretoken": token[1].decode()}
        )
        status, _, _ = self.request("POST", "/dang-nhap/", body, cookie=f"csrftoken={csrf[1]}")
        return status


def _attempt_addresses(site: dict) -> set[str]:
    with sqlite3.connect(site["database"]) as db:
        return {row[0] for row in db.execute("SELECT ip_address FROM axes_accessattempt")}


def test_through_nginx_one_client_cannot_lock_out_another(site):
    a, b = Client(site, "127.0.0.2"), Client(site, "127.0.0.3")
    for n in range(LIMIT):  # any usernames, from client a
        assert a.log_in(f"doan-mo-{n}", "sai") in (200, 429)
    assert b.log_in("an", PASSWORD) == 302
    assert a.log_in("an", PASSWORD) == 302  # and a's own address locks no user either
    addresses = _attempt_addresses(site)
    assert "127.0.0.2" in addresses and "127.0.0.1" not in addresses  # not nginx's address


def test_through_nginx_a_user_locked_at_one_client_logs_in_from_another(site):
    c, d = Client(site, "127.0.0.4"), Client(site, "127.0.0.5")
    for _ in range(LIMIT):
        assert c.log_in("binh", "sai") in (200, 429)
    assert c.log_in("binh", PASSWORD) == 429
    assert c.log_in("chau", PASSWORD) == 302
    assert d.log_in("binh", PASSWORD) == 302


def test_through_nginx_a_forged_forwarded_header_changes_nothing(site):
    # Client e claims, in its own X-Forwarded-For, to be f; nginx appends e's real address.
    e = Client(site, "127.0.0.6", forwarded="127.0.0.7")
    f = Client(site, "127.0.0.7")
    for _ in range(LIMIT):
        assert e.log_in("dung", "sai") in (200, 429)
    assert f.log_in("dung", PASSWORD) == 302
    assert e.log_in("dung", PASSWORD) == 429
    assert Client(site, "127.0.0.6").log_in("dung", PASSWORD) == 429
    assert "127.0.0.7" not in _attempt_addresses(site)
