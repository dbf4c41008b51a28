"""In real Chromium (Debian's, driven by Playwright): every demo account logs in (with TOTP where
its role needs it) and sees its own menu; the language switch works; a screenshot of each role's
home page is kept in test-artifacts/screenshots/.

The server is a real `ctip runserver` process on its own SQLite file, filled by `ctip demo`.
"""

from __future__ import annotations

import base64
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django_otp.oath import totp

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
PASSWORD = "mat-khau-trinh-duyet-1"  # noqa: S105
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
ADMIN_ONLY = "Nhật ký thao tác"
OFFICER = "Cơ quan của tôi"


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


@pytest.fixture(scope="module")
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
    subprocess.run([*ctip, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
    demo = subprocess.run(
        [*ctip, "demo"], env=env, check=True, cwd=ROOT, capture_output=True, text=True
    ).stdout
    secrets = dict(re.findall(r"^\s+(\w+)\s.*TOTP: ([A-Z2-7]+)$", demo, re.MULTILINE))
    users = re.findall(r"^  (\w+)\s", demo.split("password:")[-1], re.MULTILINE)
    port = _free_port()
    process = subprocess.Popen(
        [*ctip, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield {"url": f"http://127.0.0.1:{port}", "secrets": secrets, "users": users}
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
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


def _code(secret: str) -> str:
    return f"{totp(base64.b32decode(secret)):06d}"


def _log_in(page, server: dict, username: str) -> None:
    page.goto(server["url"] + "/")
    assert "/dang-nhap/" in page.url
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.narrow button[type=submit]")
    if username in server["secrets"]:
        page.wait_for_url("**/tai-khoan/xac-thuc/**")
        page.fill("#id_token", _code(server["secrets"][username]))
        page.click("form.narrow button[type=submit]")
    page.wait_for_url(server["url"] + "/")


def test_every_demo_account_logs_in_sees_its_menu_and_switches_language(server, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert len(server["users"]) == 15
    assert set(server["secrets"]) == {
        "admin",
        "xahoi",
        "giamsat",
        "dieutra",
        "kiemsat",
        "toaan",
        "hosobp",
        "xa",
    }
    for username in server["users"]:
        context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="vi-VN")
        page = context.new_page()
        # The Content-Security-Policy refuses anything inline: nothing of ours may trip it.
        refused: list[str] = []
        page.on(
            "console",
            lambda m, out=refused: (
                out.append(m.text) if "Content Security Policy" in m.text else None
            ),
        )
        _log_in(page, server, username)
        nav = page.locator("nav.menu").inner_text()
        assert "Đơn vị hành chính" in nav, username
        assert (ADMIN_ONLY in nav) == (username == "admin"), username
        assert (OFFICER in nav) == (username not in {"admin", "lanhdao"}), username
        page.screenshot(path=str(ARTIFACTS / f"{username}.png"), full_page=True)
        if username == "thuongtruc":
            _prevention_pages(page, server)
        if username == "xahoi":
            _switch_to_english_on_a_phone(page)
        if username == "lanhdao":
            _dashboard(page, server)
        assert refused == [], (username, refused)
        context.close()


def _prevention_pages(page, server: dict) -> None:
    """The standing office reads the activities and the coverage of the 2023 review period."""
    page.goto(server["url"] + "/hoat-dong/")
    assert page.locator("table tbody tr").count() > 10
    page.screenshot(path=str(ARTIFACTS / "thuongtruc-activities.png"), full_page=False)
    query = "province=Quảng+Ngãi&date_from=01/12/2020&date_to=16/10/2023&structure=old"
    page.goto(server["url"] + "/hoat-dong/do-phu/?" + query)
    assert "Xã Trà Bùi" in page.content()
    page.screenshot(path=str(ARTIFACTS / "thuongtruc-coverage.png"), full_page=False)


def _dashboard(page, server: dict) -> None:
    """A leader's dashboard draws every chart with the vendored Chart.js (no CDN)."""
    page.goto(server["url"] + "/bang-dieu-khien/?tu=01/12/2020&den=16/10/2023")
    canvases = page.locator("canvas[data-chart]")
    assert canvases.count() >= 8
    drawn = page.evaluate(
        "Array.from(document.querySelectorAll('canvas[data-chart]'))"
        ".filter(c => window.Chart && Chart.getChart(c)).length"
    )
    assert drawn == canvases.count()
    page.screenshot(path=str(ARTIFACTS / "lanhdao-dashboard.png"), full_page=True)


def _switch_to_english_on_a_phone(page) -> None:
    """Logged in with TOTP (a code cannot be used twice, so this runs in the same session)."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.locator("h1").inner_text() == "Trang chủ"
    page.select_option("#lang-select", "en")
    page.click("#lang-submit")
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Home"
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Administrative units" in page.locator("nav.menu").inner_text()
    page.screenshot(path=str(ARTIFACTS / "xahoi-phone-en.png"), full_page=True)
