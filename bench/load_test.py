"""The dashboard under load: gunicorn on loopback, leaders logged in through the real form, a
list of randomly drawn requests, and wrk in a separate process (bench/wrk_dashboard.lua).

Used by bench/national.py; the functions take the site description written by site_setup.py.
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from support import BENCH, PYTHON

PAGES = {"dashboard": "/bang-dieu-khien/", "risk": "/bang-dieu-khien/nguy-co/"}
# Period lengths a request draws from (days); "None" is the whole synthetic window.
LENGTHS = (31, 92, 183, 365, 730, None)
PROVINCE_SHARE = 0.4  # of requests for the whole province; the others name a commune or ward


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_gunicorn(
    env: dict[str, str], workers: int, log: Path, cwd: Path | None = None
) -> tuple[subprocess.Popen, str]:
    """gunicorn serving ctip on a free loopback port; `cwd`, its working directory, comes first
    on its sys.path (the tree of an exported revision, see support.export_revision)."""
    port = free_port()
    out = log.open("a", encoding="utf-8")
    proc = subprocess.Popen(  # noqa: S603 - gunicorn from our own virtualenv
        [
            PYTHON,
            "-m",
            "gunicorn",
            "ctip.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=cwd,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, _answering(proc, f"http://127.0.0.1:{port}", "gunicorn", 60, log)


# nginx in front, as docs/deploy.md installs it: it buffers each request and opens a connection
# to gunicorn's sync workers only for a complete one. Without it a user who reads a page keeps
# an idle connection that a sync worker accepts and waits on, which no deployment does.
NGINX_CONF = """
worker_processes 1;
pid nginx.pid;
error_log nginx-error.log warn;
events { worker_connections 512; }
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
            proxy_read_timeout 120s;
        }
    }
}
"""


def nginx_path() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )


def start_nginx(upstream: str, workdir: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """nginx on a free loopback port proxying to `upstream` (http://127.0.0.1:PORT)."""
    exe = nginx_path()
    if exe is None:
        raise RuntimeError("nginx is not installed (apt-get install -y nginx-light)")
    port = free_port()
    prefix = workdir / "nginx"
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    conf = prefix / "nginx.conf"
    root = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(root + NGINX_CONF % {"port": port, "upstream": upstream.rsplit(":", 1)[1]})
    out = log.open("a", encoding="utf-8")
    proc = subprocess.Popen(  # noqa: S603 - the system's nginx, our own configuration
        [exe, "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"],
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return proc, _answering(proc, f"http://127.0.0.1:{port}", "nginx", 30, log)


def _answering(proc: subprocess.Popen, base: str, name: str, seconds: int, log: Path) -> str:
    """`base` once its login page answers 200; the server is stopped if it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited ({proc.returncode}); see {log}")
        try:
            with urllib.request.urlopen(base + "/dang-nhap/", timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return base
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError(f"{name} did not answer within {seconds} s; see {log}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def log_in(base: str, username: str, password: str) -> str:
    """Log in through /dang-nhap/; the Cookie header of the session."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(base + "/dang-nhap/", timeout=30) as response:
        html = response.read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if token is None:
        raise RuntimeError("no CSRF token on the login page")
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    with opener.open(base + "/dang-nhap/", data=body, timeout=30) as response:
        landed = response.geturl()
    cookies = {c.name: c.value for c in jar}
    if "/dang-nhap/" in landed or "sessionid" not in cookies:
        raise RuntimeError(f"login of {username} failed (landed on {landed})")
    return "; ".join(f"{k}={v}" for k, v in sorted(cookies.items()))


def request_lines(site: dict[str, Any], sessions: dict[str, str], n: int, seed: int) -> list[str]:
    """`n` requests "<cookie>\\t<path>", each with its own user, page, period and unit."""
    rng = random.Random(seed)  # noqa: S311 - benchmark workload, not secrets
    first, last = (date.fromisoformat(d) for d in site["window"])
    provinces = {p["code"]: p for p in site["provinces"]}
    users = site["users"]
    lines = []
    for _ in range(n):
        user = rng.choice(users)
        province = provinces[user["province"]]
        start, end = draw_period(rng, first, last)
        code = province["code"]
        if rng.random() >= PROVINCE_SHARE:
            valid = [
                c
                for c, valid_from, valid_to in province["communes"]
                if (valid_from is None or valid_from <= end.isoformat())
                and (valid_to is None or end.isoformat() <= valid_to)
            ]
            if valid:
                code = rng.choice(valid)
        page = rng.choice(list(PAGES.values()))
        query = urllib.parse.urlencode(
            {"tu": f"{start:%d/%m/%Y}", "den": f"{end:%d/%m/%Y}", "dv": code}
        )
        lines.append(f"{sessions[user['username']]}\t{page}?{query}")
    return lines


def draw_period(rng: random.Random, first: date, last: date) -> tuple[date, date]:
    whole = (last - first).days + 1
    length = rng.choice(LENGTHS) or whole
    length = min(length, whole)
    start = first + timedelta(days=rng.randrange(whole - length + 1))
    return start, start + timedelta(days=length - 1)


def run_wrk(
    base: str,
    lines_file: Path,
    *,
    connections: int,
    threads: int,
    seconds: int,
    log: Path,
    think_ms: tuple[int, int] = (0, 0),
) -> dict[str, Any]:
    """`think_ms` (min, max): each connection is a user pausing that long between pages."""
    args = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "120s",
        "-s",
        str(BENCH / "wrk_dashboard.lua"),
        base,
        "--",
        str(lines_file),
        str(think_ms[0]),
        str(think_ms[1]),
    ]
    found = subprocess.run(args, capture_output=True, text=True, check=False)  # noqa: S603
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ {' '.join(args)}\n{found.stdout}{found.stderr}")
    if found.returncode:
        raise RuntimeError(f"wrk failed ({found.returncode}): {found.stderr[-500:]}")
    line = next(x for x in found.stdout.splitlines() if x.startswith("BENCH_JSON "))
    result = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = result["duration_us"] / 1e6
    errors = sum(result["errors"].values()) + result["non_200"]
    result.update(
        p50_ms=result["p50_us"] / 1000,
        p95_ms=result["p95_us"] / 1000,
        p99_ms=result["p99_us"] / 1000,
        requests_per_s=result["requests"] / seconds_run if seconds_run else 0.0,
        error_count=errors,
        connections=connections,
        threads=threads,
        seconds=seconds,
        think_ms=list(think_ms),
    )
    return result


def single_client(
    base: str, lines: list[str], provinces: set[str], per_kind: int, seed: int
) -> dict[str, Any]:
    """Latency of each page for a province and for a commune or ward, with no other load:
    `per_kind` requests of the list each, one at a time (their periods vary as drawn)."""
    rng = random.Random(seed)  # noqa: S311
    out = {}
    for name, path in PAGES.items():
        for level in ("province", "commune"):
            mine = [
                line
                for line in lines
                if line.split("\t", 1)[1].startswith(path + "?")
                and (line.rsplit("dv=", 1)[1] in provinces) == (level == "province")
            ]
            times = []
            for line in rng.sample(mine, min(per_kind, len(mine))):
                cookie, target = line.split("\t", 1)
                request = urllib.request.Request(base + target, headers={"Cookie": cookie})  # noqa: S310
                started = time.perf_counter()
                with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
                    response.read()
                times.append(1000 * (time.perf_counter() - started))
            if times:
                out[f"{name}/{level}"] = {
                    "requests": len(times),
                    "median_ms": statistics.median(times),
                    "min_ms": min(times),
                    "max_ms": max(times),
                }
    return out


def check_page(base: str, line: str) -> None:
    """One request of the list answers with the dashboard itself (not the login page)."""
    cookie, target = line.split("\t", 1)
    request = urllib.request.Request(base + target, headers={"Cookie": cookie})  # noqa: S310
    with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310
        html = response.read().decode()
        landed = response.geturl()
    if "/dang-nhap/" in landed or "bang-dieu-khien" not in html:
        raise RuntimeError(f"{target} did not show a dashboard (landed on {landed})")
