"""Each role's day in real Chromium (issue 24): log in, open "Việc của tôi" from the menu, act on
the first item through the page it links to (the form a real user fills and sends), come back
to "Việc của tôi" from the menu and see the item gone and the menu's count down by one; at a
desktop size (1366x768) and at a phone width (390x844, where the menu is folded).

The desktop run keeps screenshots of each step for the user guide (docs/guide/img/<role>-<step>
.png, the viewport only, when CTIP_GUIDE_IMAGES=1; test-artifacts/guide/ otherwise); the guide
(docs/guide/<role>.md) links them.

The demo database is the browser server's, shared by the whole browser run (conftest.py): each
run acts on a different item. The roles run in the order of DAYS, which the demo's report parts
need: the leaders sign the Women's Union's drafted part and write and sign the health
department's, still assigned (the health department's part, once signed, no longer stands
before the case steps of its case worker and supervisor); the standing office accepts one part
and returns the Women's Union's, which only then waits again for its officer (in the demo every
agency officer's part is already drafted or sent). The prosecutor's indictment hands its case to
the judge (the judge's first items are then others). Each test also passes alone on a fresh demo
(its first items are then others), except the standing office's (its second part to accept
comes from the leaders' day) and the agency officer's (its part comes back from the standing
office's day).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date

import pytest

from tests.browser.helpers import ARTIFACTS, DESKTOP, PHONE, ROOT

pytestmark = pytest.mark.browser

# The guide's images are rewritten only when asked (CTIP_GUIDE_IMAGES=1 make test, or pytest with
# it set), so that an ordinary test run does not leave 40 changed PNGs in the working tree; by
# default they go to test-artifacts/guide/.
GUIDE_IMAGES = (
    ROOT / "docs" / "guide" / "img"
    if os.environ.get("CTIP_GUIDE_IMAGES") == "1"
    else ARTIFACTS / "guide"
)
MY_WORK = "/viec-cua-toi/"


class ItemStillListed(AssertionError):
    """The item acted on is still in "Việc của tôi" afterwards."""


@dataclass(frozen=True)
class Item:
    kind: str  # the kind in words, as the page shows it
    title: str  # a code or a number
    link: str


@dataclass(frozen=True)
class Queue:
    items: list[Item]
    said: int  # "N việc đang chờ bạn." (0: "Không có việc nào đang chờ bạn.")
    menu: int  # the number beside "Việc của tôi" in the menu (none: 0)


@dataclass(frozen=True)
class Day:
    role: str  # the role's guide (docs/guide/<role>.md) and its screenshots' prefix
    desktop: str  # the demo account acting at the desktop size
    phone: str  # ... and at the phone width
    phone_shot: bool = False  # also keep "Việc của tôi" at the phone width (<role>-phone.png)
    # False: nothing is left for the phone run to act on; it reads "Việc của tôi" at the phone
    # width and checks that the item the desktop run acted on is gone.
    phone_acts: bool = True


# In the order they must run (module docstring).
DAYS = [
    Day("commune-officer", "xa", "xa", phone_shot=True),
    # Each leader has one part in the demo: the Women's Union's leader signs its drafted part,
    # the health department's leader writes and signs its part, still assigned.
    Day("agency-leader", "lanhdaopn", "lanhdaoyt"),
    Day("standing-office", "thuongtruc", "thuongtruc"),
    # The Women's Union's part, returned by the standing office's phone run: once its draft is
    # saved it waits for the leader's signature, and no other agency officer has a part left.
    Day("agency-officer", "phunu", "phunu", phone_acts=False),
    Day("case-worker", "xahoi", "xahoi"),
    Day("case-supervisor", "giamsat", "giamsat"),
    # Three cases await the procuracy in the demo, two the court.
    Day("prosecutor", "kiemsat", "kiemsat"),
    Day("judge", "toaan", "toaan"),
]
PARAMS = [pytest.param(day, id=day.role) for day in DAYS]

NOTE = "Đã xem xét hồ sơ, chuyển bước theo quy định."


# --- Reading the pages ----------------------------------------------------------------------


def open_from_menu(page, href: str) -> None:
    """Click the menu's entry (on a phone the menu is folded behind its summary first)."""
    link = page.locator(f"nav.menu a[href='{href}']")
    if not link.is_visible():
        page.locator("nav.menu summary").click()
    link.click()
    page.wait_for_url(f"**{href}")


QUEUE_JS = """() => Array.from(document.querySelectorAll('main section table tbody tr'))
    .map(tr => {
        const cells = tr.querySelectorAll('td');
        const a = cells[1].querySelector('a');
        return {kind: cells[0].childNodes[0].textContent.trim(),
                title: a.textContent.trim(), link: a.getAttribute('href')};
    })"""


def read_queue(page) -> Queue:
    assert page.url.endswith(MY_WORK), page.url
    items = [Item(**row) for row in page.evaluate(QUEUE_JS)]
    text = page.locator("main").inner_text()
    if "Không có việc nào đang chờ bạn." in text:
        said = 0
    else:
        found = re.search(r"(\d+) việc đang chờ bạn\.", text)
        assert found, text[:300]
        said = int(found.group(1))
    count = page.locator(f"nav.menu a[href='{MY_WORK}'] .count")
    menu = int(count.text_content().strip()) if count.count() else 0
    # The list, its sentence and the menu say the same (the demo is far below 50 per kind).
    assert len(items) == said == menu, (len(items), said, menu)
    return Queue(items, said, menu)


# --- Acting on an item, by its kind ---------------------------------------------------------


def send(page, button) -> None:
    """Click a form's button and wait for the page the server answers with (a POST redirects to
    the same address: waiting for the load state alone could read the page before it)."""
    with page.expect_navigation():
        button.click()


def act_on_case_step(page, item: Item, width: str, shoot) -> None:
    """The case's step page: the first step offered, today's date (already filled), a note."""
    choice = page.locator("#id_to_state")
    label = choice.locator("option").first.inner_text().strip()
    choice.select_option(index=0)
    assert page.locator("#id_on").input_value() == f"{date.today():%d/%m/%Y}"
    page.fill("#id_reason", NOTE)
    shoot("item")
    send(page, page.locator("main form button[type=submit]"))
    assert re.search(r"/ho-so/\d+/$", page.url), page.url
    message = page.locator("main .messages").inner_text()
    assert f"Đã chuyển hồ sơ {item.title} sang “{label}”" in message, message


def act_on_watch_check(page, item: Item, width: str, shoot) -> None:
    """The watch entry's page: today's check, the person found, a result in words."""
    assert page.locator("#id_on").input_value() == f"{date.today():%d/%m/%Y}"
    page.check("#id_found")
    page.fill("#id_result", "Đã gặp tại nhà, đang làm việc ở địa phương.")
    shoot("item")
    send(page, page.get_by_role("button", name="Ghi kết quả kiểm tra"))
    message = page.locator("main .messages").inner_text()
    assert f"Đã ghi kết quả kiểm tra ngày {date.today():%d/%m/%Y}." in message, message
    checks = page.locator("main ul:not(.messages)").first.inner_text()
    assert f"{date.today():%d/%m/%Y}: đã xác minh" in checks, checks


def _part_state(page) -> str:
    return page.locator("main > p strong").first.inner_text().strip()


def act_on_part_write(page, item: Item, width: str, shoot) -> None:
    """The agency's part: write each section, save the draft (an officer); a leader, who may
    sign it as it stands, writes and signs it off at once (the sign button saves the text)."""
    boxes = page.locator("main form textarea[name^=slot_]:not([readonly])")
    assert boxes.count() > 0
    # Different at each width: the text read back is the one just saved.
    place = "các xã biên giới" if width == "desktop" else "các xã miền núi"
    written = f"Cơ quan đã tổ chức tuyên truyền tại {place}."
    for index in range(boxes.count()):
        boxes.nth(index).fill(written)
    sign = page.get_by_role("button", name="Lãnh đạo ký, gửi Cơ quan Thường trực")
    if sign.count():
        send(page, sign)
        assert _part_state(page) == "Đã ký, chờ tiếp nhận"
    else:
        shoot("item")
        send(page, page.get_by_role("button", name="Lưu dự thảo"))
        assert _part_state(page) == "Đang soạn"
    assert page.locator("main form textarea[name^=slot_]").first.input_value() == written


def act_on_part_sign(page, item: Item, width: str, shoot) -> None:
    """The leader reads the part and signs it off to the standing office."""
    sign = page.get_by_role("button", name="Lãnh đạo ký, gửi Cơ quan Thường trực")
    sign.scroll_into_view_if_needed()
    shoot("item")
    send(page, sign)
    assert _part_state(page) == "Đã ký, chờ tiếp nhận"
    assert "Chờ tiếp nhận" in page.locator("main table").last.inner_text()


def act_on_part_decide(page, item: Item, width: str, shoot) -> None:
    """The standing office accepts the part (desktop) or returns it with its comment (phone)."""
    if width == "desktop":
        page.fill("#comment", "Nội dung đầy đủ, tiếp nhận.")
        shoot("item")
        send(page, page.get_by_role("button", name="Tiếp nhận", exact=True))
        expected = "Đã tiếp nhận"
    else:
        page.fill("#comment", "Đề nghị bổ sung số buổi tuyên truyền trong kỳ.")
        send(page, page.get_by_role("button", name="Trả lại để bổ sung"))
        expected = "Bị trả lại"
    assert _part_state(page) == expected


def _recorded(page, kind: str, number: str) -> str:
    """Back on the case's page, what the save says."""
    assert re.search(r"/vu-an/\d+/$", page.url), page.url
    message = page.locator("main .messages").inner_text()
    assert f"Đã ghi “{kind}” số {number} ngày {date.today():%d/%m/%Y}." in message, message
    return message


def act_on_prosecution(page, item: Item, width: str, shoot) -> None:
    """The procuracy's decision: the indictment of every suspect, today (already filled)."""
    number = "12/CT-VKS-P2" if width == "desktop" else "13/CT-VKS-P2"
    page.select_option("#id_kind", "indictment")
    page.fill("#id_number", number)
    assert page.locator("#id_on").input_value() == f"{date.today():%d/%m/%Y}"
    suspects = page.locator("main form input[name=suspects]")
    assert suspects.count() > 0
    for index in range(suspects.count()):
        suspects.nth(index).check()
    shoot("item")
    send(page, page.get_by_role("button", name="Ghi quyết định"))
    _recorded(page, "Cáo trạng truy tố", number)


def act_on_trial(page, item: Item, width: str, shoot) -> None:
    """The first-instance judgment, today: every defendant guilty of trafficking in persons,
    7 years 6 months in prison (desktop); 3 years suspended, 5 years' probation (phone)."""
    number = "25/2026/HS-ST" if width == "desktop" else "26/2026/HS-ST"
    page.select_option("#id_kind", "first_instance")
    page.fill("#id_number", number)
    assert page.locator("#id_on").input_value() == f"{date.today():%d/%m/%Y}"
    defendants = page.locator("main form fieldset.choices")
    assert defendants.count() > 0
    for index in range(defendants.count()):
        part = defendants.nth(index)
        part.locator("select[name$=-verdict]").select_option("guilty")
        part.locator("select[name$=-charge]").select_option("trafficking")
        part.locator("select[name$=-penalty]").select_option("prison")
        if width == "desktop":
            part.locator("input[name$=-months]").fill("90")
        else:
            part.locator("input[name$=-months]").fill("36")
            part.locator("input[name$=-suspended]").check()
            part.locator("input[name$=-probation_months]").fill("60")
    judged = defendants.count()
    shoot("item")
    send(page, page.get_by_role("button", name="Ghi bản án"))
    message = _recorded(page, "Bản án hình sự sơ thẩm", number)
    guilty = f"{judged} bị cáo có tội, 0 bị cáo không có tội."
    assert guilty in message, message


ACTS = {
    "Hồ sơ nạn nhân chờ bạn quyết định bước tiếp theo": act_on_case_step,
    "Kiểm tra người trong diện theo dõi đến hạn": act_on_watch_check,
    "Phần báo cáo của cơ quan cần soạn": act_on_part_write,
    "Phần báo cáo của cơ quan cần ký gửi": act_on_part_sign,
    "Phần báo cáo đã gửi, chờ tiếp nhận hoặc trả lại": act_on_part_decide,
    "Vụ án chờ Viện kiểm sát quyết định truy tố": act_on_prosecution,
    "Vụ án đã truy tố, chờ Tòa án xét xử sơ thẩm": act_on_trial,
}


# --- The day ----------------------------------------------------------------------------------


def _shooter(page, day: Day, width: str):
    """Screenshots for the guide: the desktop run's steps, the viewport only (and, for a role
    whose day is often on a phone, "Việc của tôi" at the phone width)."""

    def shoot(step: str) -> None:
        name = None
        if width == "desktop":
            name = f"{day.role}-{step}.png"
        elif day.phone_shot and step == "my-work":
            name = f"{day.role}-phone.png"
        if name:
            GUIDE_IMAGES.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(GUIDE_IMAGES / name))

    return shoot


def _page(browser, signed_in, account: str, viewport: dict):
    """A new context signed in as `account`; CSP reports and script errors are collected."""
    context = browser.new_context(
        viewport=viewport, locale="vi-VN", storage_state=signed_in(account)
    )
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    return context, page, problems


def one_day(browser, signed_in, server, day: Day, width: str, viewport: dict) -> tuple[Item, bool]:
    """The item acted on, and whether it is still listed after the act."""
    account = day.desktop if width == "desktop" else day.phone
    context, page, problems = _page(browser, signed_in, account, viewport)
    shoot = _shooter(page, day, width)
    try:
        page.goto(server["url"] + "/")
        shoot("home")
        open_from_menu(page, MY_WORK)
        before = read_queue(page)
        assert before.items, f"{account} ({width}): nothing in Việc của tôi"
        first = before.items[0]
        act = ACTS.get(first.kind)
        assert act, f"{account}: no act for the kind {first.kind!r} (DAYS' order: module doc)"
        shoot("my-work")
        page.locator("main section table tbody tr").first.locator("a").click()
        page.wait_for_url(server["url"] + first.link)
        act(page, first, width, shoot)
        shoot("done")
        open_from_menu(page, MY_WORK)
        after = read_queue(page)
        shoot("after")
        assert problems == [], problems
    finally:
        context.close()
    if first in after.items:
        # Nothing else came or went meanwhile.
        assert after.said == before.said, (before, after)
        return first, True
    assert after.said == before.said - 1, (first, before, after)
    assert after.menu == before.menu - 1, (first, before, after)
    return first, False


def look_again(browser, signed_in, server, day: Day, viewport: dict, gone: Item) -> None:
    """At the phone width, for a role with nothing left to act on: "Việc của tôi" opens from the
    folded menu, and the item the desktop run acted on is not in it."""
    context, page, problems = _page(browser, signed_in, day.phone, viewport)
    try:
        page.goto(server["url"] + "/")
        open_from_menu(page, MY_WORK)
        queue = read_queue(page)
        assert gone not in queue.items, (gone, queue)
        assert page.locator("main h1").is_visible()
        assert problems == [], problems
    finally:
        context.close()


@pytest.mark.parametrize("day", PARAMS)
def test_role_day(server, browser, signed_in, day):
    still = []
    first, left = one_day(browser, signed_in, server, day, "desktop", DESKTOP)
    if left:
        still.append(f"desktop: {first}")
    if day.phone_acts:
        phone, left = one_day(browser, signed_in, server, day, "phone", PHONE)
        if left:
            still.append(f"phone: {phone}")
    else:
        look_again(browser, signed_in, server, day, PHONE, first)
    if still:
        raise ItemStillListed(f"{day.role}: still in Việc của tôi after acting: {still}")


# --- The roles without work in the demo ---------------------------------------------------------


@dataclass(frozen=True)
class Quiet:
    """A role with nothing waiting in the demo: its guide shows its home page and the page its
    day starts from (a menu entry)."""

    role: str
    account: str
    start: str  # the menu entry's address
    work: bool  # whether "Việc của tôi" is in its menu (a source of work applies to it)


QUIET = [
    Quiet("investigator", "dieutra", "/vu-an/", work=True),
    Quiet("leader", "lanhdao", "/bang-dieu-khien/", work=False),
    Quiet("system-admin", "admin", "/nguoi-dung/", work=False),
]


@pytest.mark.parametrize("quiet", QUIET, ids=[q.role for q in QUIET])
def test_role_without_work_in_the_demo(server, browser, signed_in, quiet):
    """Nothing waits for this role in the demo (the guide says so): "Việc của tôi" is empty, or
    not in the menu of a role no source of work applies to, whose home page shows the reference
    figures instead. When the demo gives the role work, this fails: give it a day in DAYS."""
    context, page, problems = _page(browser, signed_in, quiet.account, DESKTOP)
    shoot = _shooter(page, Day(quiet.role, quiet.account, quiet.account), "desktop")
    try:
        page.goto(server["url"] + "/")
        shoot("home")
        entry = page.locator(f"nav.menu a[href='{MY_WORK}']")
        assert entry.count() == (1 if quiet.work else 0)
        if quiet.work:
            open_from_menu(page, MY_WORK)
            queue = read_queue(page)
            assert queue.items == [], (
                f"{quiet.account} now has work in the demo: give its role a day in DAYS and "
                f"update docs/guide/{quiet.role}.md ({queue.items})"
            )
        else:
            assert "Dữ liệu nền" in page.locator("main").inner_text()
        open_from_menu(page, quiet.start)
        assert page.locator("main h1").is_visible()
        shoot("start")
        assert problems == [], problems
    finally:
        context.close()
