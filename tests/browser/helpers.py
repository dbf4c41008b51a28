"""Helpers of the browser tests (their fixtures are in conftest.py)."""

from __future__ import annotations

import base64
import time
from pathlib import Path
from typing import Any

from django_otp.oath import totp

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
PASSWORD = "mat-khau-trinh-duyet-1"  # noqa: S105
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}

# axe-core, vendored for the tests only (never served by ctip; see vendor/axe-core/VERSION).
AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"

STEP = 30  # seconds of a TOTP time step
TOLERANCE = 1  # steps of drift django-otp's TOTPDevice accepts (its default)


def totp_code(server: dict, username: str) -> str:
    """A code the account has not used yet. django-otp refuses a step at or before the last
    one used, and accepts one step of drift: so a second login within the same 30 seconds uses
    the next step's code, and a third one waits."""
    now = int(time.time()) // STEP
    step = max(now, server["totp_steps"].get(username, now - 1) + 1)
    if step > now + TOLERANCE:
        time.sleep((step - TOLERANCE) * STEP - time.time() + 0.5)
        now = int(time.time()) // STEP
    server["totp_steps"][username] = step
    key = base64.b32decode(server["secrets"][username])
    return f"{totp(key, drift=step - now):06d}"


def log_in(page: Any, server: dict, username: str) -> None:
    page.goto(server["url"] + "/")
    assert "/dang-nhap/" in page.url
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form:has(#id_password) [type=submit]")
    if username in server["secrets"]:
        page.wait_for_url("**/tai-khoan/xac-thuc/**")
        page.fill("#id_token", totp_code(server, username))
        page.click("form:has(#id_token) [type=submit]")
    page.wait_for_url(server["url"] + "/")


def load_axe(page: Any) -> None:
    """Put axe-core into the page.

    ctip's Content-Security-Policy has no 'unsafe-inline', so `page.add_script_tag(content=...)`
    (an inline <script> element) is refused, and `add_script_tag(path=...)` is the same inline
    element. `page.evaluate(source)` is not: Playwright runs it through the DevTools protocol
    (Runtime.evaluate), which the page's CSP does not govern (CSP script-src applies to scripts
    the document loads or inlines, not to the debugger's evaluation). So axe is evaluated, and
    the page runs under its real CSP: no `bypass_csp=True`, which would also hide a CSP error of
    ctip's own. test_axe_is_injected_under_the_real_csp checks both facts.
    """
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))


def run_axe(page: Any, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations of the page (WCAG 2.x A and AA rules and best practices), or of the
    given rules only."""
    load_axe(page)
    return page.evaluate(
        """async (rules) => {
            const options = {resultTypes: ['violations']};
            if (rules) options.runOnly = {type: 'rule', values: rules};
            const result = await axe.run(document, options);
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '), html: n.html.slice(0, 160),
                    summary: (n.failureSummary || '').slice(0, 300),
                })),
            }));
        }""",
        rules,
    )


# Elements wider than the viewport: the outermost ones, which a fix would change.
OVERFLOW_JS = """() => {
    const width = window.innerWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
        (e.classList.length ? '.' + Array.from(e.classList).join('.') : '');
    const path = (e) => {
        const parts = [];
        for (let n = e; n && n !== document.body && parts.length < 5; n = n.parentElement)
            parts.unshift(name(n));
        return parts.join(' > ');
    };
    const wide = new Set();
    for (const e of document.body.querySelectorAll('*')) {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        if (r.right > width + 1) {
            let p = e.parentElement, inside = false;
            for (; p && p !== document.body; p = p.parentElement) {
                const s = getComputedStyle(p);
                if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) {
                    inside = true; break;
                }
            }
            if (!inside) wide.add(e);
        }
    }
    // The outermost ones (what a fix would constrain) and the innermost ones (what pushes).
    const outer = [], inner = [];
    const describe = (e) =>
        path(e) + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')';
    for (const e of wide) {
        let p = e.parentElement;
        while (p && !wide.has(p)) p = p.parentElement;
        if (!p) outer.push(describe(e));
        if (!Array.from(e.querySelectorAll('*')).some(c => wide.has(c))) inner.push(describe(e));
    }
    const unique = (list) => Array.from(new Set(list)).slice(0, 6);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: width,
        outermost: unique(outer),
        innermost: unique(inner),
    };
}"""


def overflow(page: Any) -> dict:
    return page.evaluate(OVERFLOW_JS)
