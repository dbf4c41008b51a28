"""Every distinct page of ctip in real Chromium, at a desktop size (1366x768) and a phone width
(390x844), by a demo account that can open it (issue 23):

- no page scrolls sideways (`scrollWidth <= innerWidth`, 1 px of rounding allowed);
- axe-core (vendored, tests/browser/vendor/axe-core) finds no serious or critical violation, run
  once per distinct page at the desktop size and once on each role's home page; at the phone
  width, its rule that a box scrolling sideways can be reached with the keyboard;
- nothing is refused by the Content-Security-Policy;
- a full-page screenshot of each is kept in test-artifacts/screenshots/<width>/<page>.png;
- every form is usable with the keyboard: Tab reaches each of its visible fields and buttons in
  order, with a visible focus indicator; an activity is recorded with the keyboard only.

The distinct pages are every menu entry of every role (a test checks that each role's menu is
covered by PAGES) plus the detail and form pages of real demo objects, the login page and the
app's 403 and 404 pages. Each failure names the page, the width and the axe rule ids, with the
elements concerned; test-artifacts/browser-findings.json gathers them all.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest

from tests.browser.helpers import (
    ARTIFACTS,
    DESKTOP,
    PHONE,
    SCREENSHOTS,
    load_axe,
    overflow,
    run_axe,
)

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
# Checked again at the phone width, where tables scroll inside their own box (serious).
PHONE_RULES = ["scrollable-region-focusable"]


@dataclass(frozen=True)
class Page:
    name: str  # the test id and the screenshot's file name
    role: str | None  # the demo account that opens it; None: not logged in
    path: str
    # Links to follow from `path`, one regular expression of the link's path per step: the
    # first link of the page whose path matches is opened (a real demo object's page).
    follow: tuple[str, ...] = ()
    status: int = 200
    extra: dict = field(default_factory=dict)


PAGES = [
    # Not logged in, and the app's error pages.
    Page("login", None, "/dang-nhap/"),
    Page("404", "thuongtruc", "/khong-co-trang-nay/", status=404),
    Page("403", "xa", "/ho-so/", status=403),
    # Overview.
    Page("dashboard", "lanhdao", "/bang-dieu-khien/"),
    Page("risk", "lanhdao", "/bang-dieu-khien/nguy-co/"),
    # Direction.
    Page("document-list", "thuongtruc", "/van-ban/"),
    Page("document-detail", "thuongtruc", "/van-ban/", follow=(r"^/van-ban/\d+/$",)),
    Page("document-create", "thuongtruc", "/van-ban/them/"),
    Page("tasks-overdue", "congan", "/nhiem-vu/qua-han/"),
    # Prevention.
    Page("activity-list", "thuongtruc", "/hoat-dong/"),
    Page("activity-create", "congan", "/hoat-dong/them/"),
    Page("activity-edit", "congan", "/hoat-dong/", follow=(r"^/hoat-dong/\d+/sua/$",)),
    Page("activity-import", "congan", "/hoat-dong/nhap/"),
    # Figures read from an agency's report (issue 25): the upload or paste form.
    Page("activity-reading", "congan", "/hoat-dong/doc-bao-cao/"),
    # The demo's reading: its draft activity and, for the investigator, its draft case's form.
    Page(
        "activity-reading-drafts",
        "dieutra",
        "/hoat-dong/doc-bao-cao/",
        follow=(r"^/hoat-dong/doc-bao-cao/\d+/$",),
    ),
    Page("coverage", "thuongtruc", "/hoat-dong/do-phu/"),
    # Field forms and exchange with other systems (issue 26).
    Page("fieldform-activities", "congan", "/bieu-mau-thuc-dia/hoat-dong/"),
    Page("fieldform-watch-checks", "dieutra", "/bieu-mau-thuc-dia/kiem-tra-theo-doi/"),
    Page("api-tokens", "dieutra", "/api/v1/ma-truy-cap/"),
    Page("htcds-export", "thuongtruc", "/ho-so/htcds/"),
    # Protection of victims.
    Page("case-list", "xahoi", "/ho-so/"),
    Page("case-create", "xahoi", "/ho-so/them/"),
    Page("case-detail", "xahoi", "/ho-so/", follow=(r"^/ho-so/\d+/$",)),
    # Its forms include the papers' ("Lập giấy tờ") and the merge ("Gộp hồ sơ trùng") forms,
    # which are reached only by their POST buttons: the keyboard test walks them here.
    Page(
        "case-protection",
        "xahoi",
        "/ho-so/",
        follow=(r"^/ho-so/\d+/$", r"^/ho-so/\d+/bao-ve/$"),
    ),
    # The case's own pages and forms, from its page (a review found them missing here).
    *[
        Page(
            f"case-{name}", "xahoi", "/ho-so/", follow=(r"^/ho-so/\d+/$", rf"^/ho-so/\d+/{part}/$")
        )
        for name, part in [
            ("identity", "nhan-than"),
            ("transition", "chuyen"),
            ("actions", r"bao-ve/buoc"),
            ("privacy", "du-lieu-ca-nhan"),
        ]
    ],
    # Who read the case: its supervisor's page (a case worker is refused it).
    Page(
        "case-access-log",
        "giamsat",
        "/ho-so/",
        follow=(r"^/ho-so/\d+/$", r"^/ho-so/\d+/nhat-ky/$"),
    ),
    # The steps of a role other than the case worker: the supervisor's decision on a case.
    Page(
        "case-transition-supervisor",
        "giamsat",
        "/ho-so/",
        follow=(r"^/ho-so/\d+/$", r"^/ho-so/\d+/chuyen/$"),
    ),
    Page("referrals-incoming", "xahoi", "/chuyen-ho-so/"),
    Page("privacy-requests", "xahoi", "/yeu-cau-du-lieu/"),
    Page("duplicate-queue", "giamsat", "/ho-so/trung-lap/"),
    # Enforcement.
    Page("criminal-case-list", "dieutra", "/vu-an/"),
    Page("criminal-case-detail", "dieutra", "/vu-an/", follow=(r"^/vu-an/\d+/$",)),
    Page("criminal-case-create", "dieutra", "/vu-an/them/"),
    *[
        Page(f"criminal-case-{name}", "dieutra", "/vu-an/", follow=(r"^/vu-an/\d+/$", path))
        for name, path in [
            ("edit", r"^/vu-an/\d+/sua/$"),
            ("suspect-add", r"^/vu-an/\d+/doi-tuong/them/$"),
        ]
    ],
    # The procuracy's decisions and the court's judgment (issue 24), from the case page.
    Page(
        "criminal-case-decision",
        "kiemsat",
        "/vu-an/",
        follow=(r"^/vu-an/\d+/$", r"^/vu-an/\d+/quyet-dinh/$"),
    ),
    Page(
        "criminal-case-judgment",
        "toaan",
        "/vu-an/",
        follow=(r"^/vu-an/\d+/$", r"^/vu-an/\d+/ban-an/$"),
    ),
    Page("watch-list", "xa", "/theo-doi/"),
    Page("watch-detail", "xa", "/theo-doi/", follow=(r"^/theo-doi/\d+/$",)),
    Page("watch-create", "xa", "/theo-doi/them/"),
    Page("watch-overdue", "thuongtruc", "/theo-doi/qua-han/"),
    Page("inspection-list", "thuongtruc", "/kiem-tra/"),
    Page("inspection-create", "congan", "/kiem-tra/them/"),
    Page("campaign-list", "thuongtruc", "/dot-cao-diem/"),
    Page("campaign-detail", "thuongtruc", "/dot-cao-diem/", follow=(r"^/dot-cao-diem/\d+/$",)),
    Page("campaign-create", "thuongtruc", "/dot-cao-diem/them/"),
    # Cooperation.
    Page("cooperation-list", "thuongtruc", "/hop-tac/"),
    Page("cooperation-create", "congan", "/hop-tac/them/"),
    # Reports.
    Page("report-list", "thuongtruc", "/bao-cao/"),
    Page(
        "report-request-detail",
        "thuongtruc",
        "/bao-cao/",
        follow=(r"^/bao-cao/yeu-cau/\d+/$",),
    ),
    Page("report-request-create", "thuongtruc", "/bao-cao/yeu-cau/them/"),
    Page("report-detail", "thuongtruc", "/bao-cao/", follow=(r"^/bao-cao/\d+/$",)),
    Page("contribution-list", "congan", "/bao-cao/dong-gop/"),
    Page(
        "contribution-detail",
        "congan",
        "/bao-cao/dong-gop/",
        follow=(r"^/bao-cao/dong-gop/\d+/$",),
    ),
    Page("report-completeness", "thuongtruc", "/bao-cao/tinh-hinh-gui/"),
    Page("correction-list", "thuongtruc", "/bao-cao/dieu-chinh/"),
    # National users only (a user assigned to the country, the demo's "trunguong"); a province
    # leader gets the 404 of a missing page.
    Page("exchange-national", "trunguong", "/trao-doi/"),
    Page("exchange-national-refused", "lanhdao", "/trao-doi/", status=404),
    Page("dashboard-national", "trunguong", "/bang-dieu-khien/"),
    # The province's own pushes (issue 27); its menu entry shows only when CTIP_PUSH_URL is set,
    # and the page opens without it (an empty list, saying the instance does not push).
    Page("exchange-sent", "thuongtruc", "/trao-doi/da-gui/"),
    # Reference data and the account.
    Page("unit-list", "thuongtruc", "/don-vi/"),
    Page("agency-list", "thuongtruc", "/co-quan/"),
    Page("agency-detail", "thuongtruc", "/co-quan/", follow=(r"^/co-quan/\d+/$",)),
    Page("my-agency", "congan", "/co-quan/cua-toi/"),
    # "My agency" opens the officer's one agency; its contact form is the agency edit page.
    Page("agency-edit", "congan", "/co-quan/cua-toi/", follow=(r"^/co-quan/\d+/sua/$",)),
    Page("security", "congan", "/tai-khoan/bao-mat/"),
    Page("password-change", "congan", "/tai-khoan/mat-khau/"),
    # Each person's work and notices (issue 24).
    Page("my-work", "congan", "/viec-cua-toi/"),
    Page("notices", "congan", "/thong-bao/"),
    # User management inside ctip (issue 24).
    Page("user-list", "admin", "/nguoi-dung/"),
    Page("user-create", "admin", "/nguoi-dung/them/"),
    *[
        Page(f"user-{name}", "admin", "/nguoi-dung/", follow=(r"^/nguoi-dung/\d+/$", *path))
        for name, path in [
            ("detail", ()),
            ("edit", (r"^/nguoi-dung/\d+/sua/$",)),
            ("assignment-add", (r"^/nguoi-dung/\d+/vai-tro/them/$",)),
            ("assignment-edit", (r"^/nguoi-dung/vai-tro/\d+/sua/$",)),
        ]
    ],
    # Administration.
    Page("admin-users", "admin", "/admin/accounts/user/"),
    Page("admin-audit", "admin", "/admin/core/auditentry/"),
    Page("admin-access-log", "admin", "/admin/victims/accesslog/"),
]

# Every demo account's home page (the role's own menu and panels).
ROLES = [
    "admin",
    "trunguong",
    "thuongtruc",
    "congan",
    "bienphong",
    "phunu",
    "lanhdaoca",
    "lanhdaobp",
    "lanhdaopn",
    "lanhdaoyt",
    "xahoi",
    "hosobp",
    "giamsat",
    "dieutra",
    "kiemsat",
    "toaan",
    "lanhdao",
    "xa",
]
HOMES = [Page(f"home-{role}", role, "/") for role in ROLES]

FINDINGS: dict[str, dict] = {}


def _record(name: str, kind: str, value) -> None:
    """Gather every finding into test-artifacts/browser-findings.json (for the report)."""
    FINDINGS.setdefault(name, {})[kind] = value
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "browser-findings.json").write_text(
        json.dumps(FINDINGS, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8"
    )


def _resolve(page, server: dict, spec: Page) -> str:
    """The page's URL: its path, then the links of `follow` one after the other."""
    found = _follow(page, server, server["url"] + spec.path, spec.follow)
    assert found, f"{spec.name}: no chain of links {spec.follow} from {spec.path}"
    return found


def _follow(page, server: dict, url: str, patterns: tuple[str, ...]) -> str | None:
    """The first link matching the first pattern from which the rest can be followed: a case
    page links only the steps its user may take now (issue 24), so the first case of a list
    may offer none."""
    if not patterns:
        return url
    page.goto(url)
    hrefs = page.eval_on_selector_all(
        "main a[href], #main a[href]", "links => links.map(a => a.pathname)"
    )
    for href in dict.fromkeys(h for h in hrefs if re.search(patterns[0], h)):
        found = _follow(page, server, server["url"] + href, patterns[1:])
        if found:
            return found
    return None


def _open(browser, signed_in, spec: Page, viewport: dict):
    context = browser.new_context(
        viewport=viewport, locale="vi-VN", storage_state=signed_in(spec.role)
    )
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return context, page, refused


def _describe_axe(violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        targets = "; ".join(n["target"] for n in v["nodes"][:4])
        lines.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}x): {v['help']} — {targets}")
    return lines


def _check(browser, signed_in, server: dict, spec: Page, *, axe: bool) -> list[str]:
    problems: list[str] = []
    url = None
    for label, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context, page, refused = _open(browser, signed_in, spec, viewport)
        try:
            if url is None:
                url = _resolve(page, server, spec)
            response = page.goto(url)
            page.wait_for_load_state("load")
            assert response is not None
            if response.status != spec.status:
                problems.append(f"{label}: HTTP {response.status}, expected {spec.status}")
            folder = SCREENSHOTS / str(viewport["width"])
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{spec.name}.png"), full_page=True)
            wide = overflow(page)
            _record(spec.name, f"overflow-{label}", wide)
            if wide["scrollWidth"] > wide["innerWidth"] + 1:
                problems.append(
                    f"{label}: scrolls sideways (scrollWidth {wide['scrollWidth']} > "
                    f"{wide['innerWidth']}); outermost: {wide['outermost']}; "
                    f"innermost: {wide['innermost']}"
                )
            if axe and label == "desktop":
                violations = run_axe(page)
                _record(spec.name, "axe", violations)
                blocking = [v for v in violations if v["impact"] in BLOCKING]
                problems += [f"axe: {line}" for line in _describe_axe(blocking)]
            if axe and label == "phone":
                # What is wide on a phone scrolls inside its own box: the keyboard must reach it.
                violations = run_axe(page, PHONE_RULES)
                _record(spec.name, "axe-phone", violations)
                problems += [f"axe (phone): {line}" for line in _describe_axe(violations)]
            if refused:
                problems.append(f"{label}: refused by the CSP: {refused}")
        finally:
            context.close()
    return problems


@pytest.mark.parametrize("spec", PAGES, ids=[p.name for p in PAGES])
def test_page_fits_the_width_and_passes_axe(server, browser, signed_in, spec):
    problems = _check(browser, signed_in, server, spec, axe=True)
    assert problems == [], f"{spec.name} ({spec.role or 'anonymous'}):\n" + "\n".join(problems)


@pytest.mark.parametrize("spec", HOMES, ids=[p.name for p in HOMES])
def test_role_home_fits_the_width_and_passes_axe(server, browser, signed_in, spec):
    problems = _check(browser, signed_in, server, spec, axe=True)
    assert problems == [], f"{spec.name}:\n" + "\n".join(problems)


def test_pages_cover_every_menu_entry_of_every_role(server, browser, signed_in):
    """A new menu entry must be added to PAGES (the role that opens it there may differ)."""
    covered = {p.path for p in PAGES if not p.follow}
    missing = {}
    for role in ROLES:
        context = browser.new_context(viewport=DESKTOP, storage_state=signed_in(role))
        page = context.new_page()
        page.goto(server["url"] + "/")
        hrefs = page.eval_on_selector_all(
            "nav a[href]", "links => links.map(a => a.pathname + a.search)"
        )
        context.close()
        uncovered = sorted({h for h in hrefs if h != "/" and h not in covered})
        if uncovered:
            missing[role] = uncovered
    assert missing == {}


def test_axe_is_injected_under_the_real_csp(server, browser, signed_in):
    """Why load_axe evaluates axe rather than adding a script tag: the CSP refuses the tag."""
    context, page, refused = _open(browser, signed_in, PAGES[0], DESKTOP)
    try:
        page.goto(server["url"] + "/dang-nhap/")
        with pytest.raises(Exception, match="(?i)content security policy|script"):
            page.add_script_tag(content="window.__inline = 1;")
        assert page.evaluate("typeof window.__inline") == "undefined"
        load_axe(page)
        assert page.evaluate("typeof axe.run") == "function"
    finally:
        context.close()


# --- The keyboard -------------------------------------------------------------------------

FORM_PAGES = [p for p in PAGES if p.status == 200] + HOMES[:1]

# The form's controls that Tab must reach, in document order, as the browser would: visible and
# enabled (one taken out of the tab order with tabindex=-1 is a failure); of a radio group only
# the checked (or first) one.
CONTROLS_JS = """(form) => {
    const all = Array.from(form.querySelectorAll(
        'input:not([type=hidden]), select, textarea, button'));
    const radios = new Set();
    const out = [];
    for (const e of all) {
        const r = e.getBoundingClientRect();
        const s = getComputedStyle(e);
        if (e.disabled) continue;
        if (r.width === 0 || r.height === 0 || s.visibility === 'hidden') continue;
        if (e.type === 'radio') {
            if (radios.has(e.name)) continue;
            const group = all.filter(o => o.type === 'radio' && o.name === e.name);
            const checked = group.find(o => o.checked);
            if (checked && checked !== e) continue;
            radios.add(e.name);
        }
        out.push(e);
    }
    out.forEach((e, i) => e.setAttribute('data-kbd', String(i)));
    return out.length;
}"""

FOCUSED_JS = """() => {
    const e = document.activeElement;
    if (!e) return null;
    const shown = (s) => (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) ||
        (s.boxShadow && s.boxShadow !== 'none');
    // A file input shows its focus on its button (Pico draws the ring there).
    const button = e.type === 'file' ? getComputedStyle(e, '::file-selector-button') : null;
    const visible = shown(getComputedStyle(e)) || (button !== null && shown(button));
    return {
        kbd: e.getAttribute('data-kbd'),
        tag: e.tagName.toLowerCase(), name: e.name || e.id || e.textContent.trim().slice(0, 30),
        visible: visible,
    };
}"""


def _forms_usable_with_the_keyboard(page, selector: str) -> list[str]:
    """Problems of each form matched by `selector` (none: no form)."""
    problems = []
    forms = page.locator(selector)
    for index in range(forms.count()):
        form = forms.nth(index)
        count = form.evaluate(CONTROLS_JS)
        if count == 0:
            continue
        # Focus the first control by a keyboard move (Shift+Tab then Tab), so that the browser
        # shows focus as it does for a keyboard user (:focus-visible).
        page.evaluate("document.querySelector('[data-kbd=\"0\"]').focus()")
        page.keyboard.press("Shift+Tab")
        reached: list[int] = []
        for _ in range(count * 2 + 5):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED_JS)
            if focused is None or focused["kbd"] is None:
                if reached and reached[-1] == count - 1:
                    break
                continue
            number = int(focused["kbd"])
            if number in reached:
                break
            reached.append(number)
            if not focused["visible"]:
                problems.append(
                    f"form {index + 1}: no visible focus on {focused['tag']} {focused['name']!r}"
                )
        if reached != list(range(count)):
            names = form.evaluate(
                "f => Array.from(f.querySelectorAll('[data-kbd]'))"
                ".map(e => e.tagName.toLowerCase() + ' ' + (e.name || e.id || e.type))"
            )
            problems.append(
                f"form {index + 1}: Tab reached {reached}, expected 0..{count - 1} in order "
                f"({names})"
            )
        form.evaluate(
            "f => f.querySelectorAll('[data-kbd]').forEach(e => e.removeAttribute('data-kbd'))"
        )
    return problems


@pytest.mark.parametrize("spec", FORM_PAGES, ids=[p.name for p in FORM_PAGES])
def test_forms_are_usable_with_the_keyboard(server, browser, signed_in, spec):
    context, page, _ = _open(browser, signed_in, spec, DESKTOP)
    try:
        url = _resolve(page, server, spec)
        page.goto(url)
        # A role's home page also has the header's forms (language, log out).
        selector = "form" if spec.name.startswith("home-") else "main form, #main form"
        problems = _forms_usable_with_the_keyboard(page, selector)
    finally:
        context.close()
    assert problems == [], f"{spec.name}:\n" + "\n".join(problems)


THEME = "Buổi tuyên truyền ghi bằng bàn phím"


def test_an_activity_is_recorded_with_the_keyboard_only(server, browser, signed_in):
    """An agency officer records an activity without the mouse: Tab from field to field, type,
    pick the commune in the unit picker with the arrow keys and Enter, tick a target group with
    Space, and send the form with Enter on its button."""
    spec = next(p for p in PAGES if p.name == "activity-create")
    context, page, refused = _open(browser, signed_in, spec, DESKTOP)
    try:
        page.goto(server["url"] + spec.path)
        typed = {
            "start_date": "03/11/2025",
            "end_date": "03/11/2025",
            "sessions": "1",
            "participants": "45",
            "theme": THEME,
        }
        form = page.locator("main form, #main form").first
        form.locator("select, input:not([type=hidden]), textarea").first.focus()
        page.keyboard.press("Shift+Tab")
        done: list[str] = []
        for _ in range(80):
            page.keyboard.press("Tab")
            focused = page.evaluate(
                "() => { const e = document.activeElement; return {name: e.name || '', "
                "type: e.type || '', role: e.getAttribute('role') || '', "
                "inForm: !!e.closest('form') && e.closest('form') === "
                "document.querySelector('main form, #main form'), "
                "checked: !!e.checked, index: e.tagName === 'INPUT' && e.type === 'checkbox' "
                "? Array.from(e.form.querySelectorAll('input[type=checkbox]')).indexOf(e) : -1}"
                " }"
            )
            name = focused["name"]
            if focused["type"] == "submit" and focused["inForm"]:
                with page.expect_navigation():
                    page.keyboard.press("Enter")
                break
            if name in typed and name not in done:
                if focused["type"] == "date":
                    page.keyboard.type(typed[name].replace("/", ""))
                else:
                    page.keyboard.type(typed[name])
                done.append(name)
            elif focused["role"] == "combobox" and "unit" not in done:
                page.keyboard.type("Tây Trà")
                page.locator("[role=listbox] [role=option]").first.wait_for()
                page.keyboard.press("ArrowDown")
                page.keyboard.press("Enter")
                done.append("unit")
            elif focused["type"] == "checkbox" and focused["index"] == 0:
                page.keyboard.press("Space")
                done.append("target_group")
        else:
            pytest.fail(f"Tab never reached the form's submit button (filled: {done})")
        assert set(done) >= {*typed, "unit", "target_group"}, done
        errors = page.locator(".errors, .errorlist, [role=alert]").all_inner_texts()
        assert page.url.rstrip("/").endswith("/hoat-dong"), (page.url, errors)
        assert "Đã ghi hoạt động" in page.content()
        assert refused == []
    finally:
        context.close()
