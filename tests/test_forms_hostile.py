"""Every form of ctip's record-keeping apps, fed generated hostile values (issue 19, finding 5).

The forms are found by walking the URL conf (tests/route_walk.py) as the users who may use them:
each page of the prevention, victims, enforcement, cooperation, directives, reporting, geo and
agencies apps is opened by every home user holding its permission, and every form on it whose
target is one of those apps is kept (the dashboard's filters and the account pages have tests of
their own). Hypothesis then fills every field with numbers past every column, far-past, far-future
and malformed dates, overlong texts and NUL characters, or leaves it as the page filled it, and
the test asserts:

- never a server error;
- a post that is not accepted (no redirect) writes nothing, and every message it shows is in
  Vietnamese (a refused post shows at least one, except the searches that answer with a page).

Each post runs in a savepoint rolled back afterwards, so every example starts from the same
records and a valid combination (which is written, and redirects) does not change the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.urls import Resolver404, resolve
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ctip.core.bounds import MAX_TEXT
from tests import leakcheck
from tests.bounds_world import row_counts
from tests.route_walk import PARAMS, Person, log_everyone_in, people, routes, seed, url

pytestmark = pytest.mark.django_db

APPS = ("prevention", "victims", "enforcement", "cooperation", "directives", "reporting", "geo")
APPS += ("agencies",)
# Posts that answer with a page when they succeed (a search, a break-glass read).
ANSWER_WITH_A_PAGE = {"case_list", "case_break_glass"}
SETTINGS = settings(
    max_examples=15,
    deadline=None,
    database=None,  # nothing written under .hypothesis/ in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- the forms on the pages ----------------------------------------------------------------------


@dataclass
class Field:
    name: str
    kind: str  # hidden, number, text, textarea, select, checkbox, submit
    value: str = ""
    options: list[str] = field(default_factory=list)
    checked: bool = False  # a checkbox the page ticked


@dataclass
class Form:
    route: str  # the name of the route the form is sent to
    person: Person
    method: str
    action: str
    fields: list[Field]

    def __repr__(self) -> str:  # what a failure prints
        return f"<{self.method} {self.action} as {self.person.label}>"


class _Parser(HTMLParser):
    """The forms of a page: their method, target, and fields with the values the page put in."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.select: Field | None = None
        self.textarea: Field | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.current = {"method": a.get("method", "get").lower(), "action": a.get("action")}
            self.current["fields"] = []
            self.forms.append(self.current)
        if self.current is None or not a.get("name") and tag != "option":
            return
        fields = self.current["fields"]
        kind = a.get("type", "text").lower()
        if tag == "input" and kind == "file" or a.get("name") == "csrfmiddlewaretoken":
            return
        if tag == "input" and kind == "checkbox":
            fields.append(
                Field(a["name"], "checkbox", a.get("value", "on"), checked="checked" in a)
            )
        elif tag == "input" and kind in ("submit", "button"):
            fields.append(Field(a["name"], "submit", a.get("value", "")))
        elif tag == "input":
            fields.append(
                Field(a["name"], "hidden" if kind == "hidden" else kind, a.get("value", ""))
            )
        elif tag == "button":
            fields.append(Field(a["name"], "submit", a.get("value", "")))
        elif tag == "select":
            self.select = Field(a["name"], "select")
            fields.append(self.select)
        elif tag == "option" and self.select is not None:
            self.select.options.append(a.get("value", ""))
            if "selected" in a:
                self.select.value = a.get("value", "")
        elif tag == "textarea":
            self.textarea = Field(a["name"], "textarea")
            fields.append(self.textarea)

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.textarea.value += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            if self.select is not None and not self.select.value and self.select.options:
                self.select.value = self.select.options[0]
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def _route_name(path: str) -> str | None:
    """The name of the route `path` goes to, if it is one of the apps under test."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    module = match.func.__module__
    return match.url_name if any(module.startswith(f"ctip.{a}.") for a in APPS) else None


# Who opens a page first: the role that does the page's work (an officer records activities for
# an agency; the standing office, which has none, registers requests).
PREFERENCE = [
    "agency_officer",
    "case_worker",
    "investigator",
    "commune_officer",
    "standing_office",
    "case_supervisor",
    "agency_leader",
    "prosecutor",
    "judge",
    "system_admin",
    "leader",
]


def _preference(person: Person) -> int:
    return PREFERENCE.index(person.role) if person.role in PREFERENCE else len(PREFERENCE)


def discover() -> tuple[list[Form], dict[str, Any]]:
    """Log everyone in, seed the records, and open every page of the apps as each home user
    allowed to; keep each distinct form once (its target and its field names)."""
    found = people()
    log_everyone_in(found)
    world = seed(found)
    forms: dict[tuple[Any, ...], Form] = {}
    for route in routes():
        if route.params and route.name not in PARAMS:
            continue
        path = url(route, world)
        if _route_name(path) is None:
            continue
        for person in sorted(found.values(), key=_preference):
            if not person.home or person.role is None or route.perm not in person.permissions:
                continue
            person.client.raise_request_exception = False
            response = person.client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            parser = _Parser()
            parser.feed(response.content.decode())
            for raw in parser.forms:
                action = raw["action"] or path
                target = _route_name(action)
                if target is None or not raw["fields"]:
                    continue
                names = tuple(sorted(f.name for f in raw["fields"]))
                key = (raw["method"], urlsplit(action).path, names)
                forms.setdefault(key, Form(target, person, raw["method"], action, raw["fields"]))
    return list(forms.values()), world


# --- valid values ---------------------------------------------------------------------------------

# For forms that start empty, values that are accepted (with the page's own values for the other
# fields), so that a hostile value in one field meets services and the database instead of the
# "required" message of its empty neighbours. Edit forms start from the record's values.
D = "12/09/2025"  # after the seeded records' dates, before today


def baselines(world: dict[str, Any]) -> dict[str, dict[str, Any]]:
    from ctip.agencies.models import Agency
    from ctip.reporting.models import ReportTemplate

    border = str(Agency.objects.get(code="qng-bdbp-2025").pk)
    police = str(world["agency"].pk)
    return {
        "activity_create": {
            "agency": "qng-ca-2025",
            "kind": "session",
            "start_date": D,
            "end_date": D,
            "unit": "51",
            "sessions": "1",
            "participants": "40",
            "media_items": "0",
            "sms": "0",
        },
        "activity_delete": {"reason": "Ghi trùng"},
        "case_create": {
            "received_on": D,
            "source": "border_guard",
            "full_name": "Nguyễn Thị Hoa Ban",
            "sex": "female",
            "age_at_reception": "17",
            "nationality": "VN",
            "home_unit": "21157",
            "accompanying_children": "0",
        },
        "case_transition": {"to_state": "support", "on": D},
        "case_protection": {
            "regime": "medical",
            "given_on": D,
            "amount": "100",
            "purpose": "processing",
            "to_agency": border,
            "reason": "Hỗ trợ tại nơi cư trú",
            "support_plan": "Hỗ trợ y tế",
        },
        "criminal_case_create": {
            "detected_on": D,
            "source": "patrol",
            "unit": "21157",
            "suspects_count": "0",
            "unregistered_victims": "0",
        },
        "suspect_add": {"full_name": "Hồ Văn Danh", "nationality": "VN"},
        "watch_new": {
            "category": "overstaying",
            "full_name": "Đinh Văn Tèo",
            "unit": "21157",
            "lawful_basis": "Luật 53/2024/QH15",
            "purpose": "Phòng ngừa",
            "review_on": "01/06/2027",
            "check_every_days": "30",
        },
        "watch_detail": {"on": "02/09/2026", "result": "Đã về", "number": world["criminal"].number},
        "cooperation_create": {
            "kind": "training",
            "counterpart_country": "LA",
            "counterpart": "Công an tỉnh Attapeu",
            "start": D,
            "end": D,
        },
        "inspection_create": {
            "on": D,
            "unit": "21157",
            "establishment_kind": "karaoke",
            "violations": "0",
            "sanctions_vnd": "0",
        },
        "campaign_create": {"name": "Cao điểm", "kind": "crackdown", "start": D, "end": D},
        "document_create": {
            "number_symbol": "35/KH-UBND",
            "date_issued": D,
            "issuer_name": "Ủy ban nhân dân tỉnh",
            "subject": "Kế hoạch tuyên truyền",
        },
        "task_create": {"agency": police, "description": "Tuyên truyền", "deadline": ""},
        "task_status": {"status": "done"},
        "report_request_new": {
            "number_symbol": "16/BCĐ-VP",
            "date_issued": D,
            "issuer": "Ban Chỉ đạo 138",
            "template": str(ReportTemplate.objects.get(code="six-month").pk),
            "unit": "51",
            "period_start": "01/01/2025",
            "period_end": "30/06/2025",
            "recipients": "Bộ Công an",
        },
        "report_request_detail": {"agencies": [border], "deadline": "01/02/2026"},
    }


# Forms that must accept their valid values (checked first: a baseline gone stale would make
# every hostile value meet a "required" message instead of the code under test).
ACCEPTS_ITS_VALUES = {
    "activity_create",
    "activity_edit",
    "activity_delete",
    "case_create",
    "case_transition",
    "case_identity",
    "case_protection",
    "criminal_case_create",
    "criminal_case_edit",
    "suspect_add",
    "criminal_case_link",
    "watch_new",
    "watch_detail",
    "cooperation_create",
    "inspection_create",
    "campaign_create",
    "document_create",
    "task_create",
    "task_status",
    "report_request_new",
    "report_request_detail",
    "agency_edit",
}


def _valid(form: Form, base: dict[str, Any]) -> dict[str, list[str]]:
    """The form as the page filled it, with the baseline values over it."""
    values: dict[str, list[str]] = {}
    for f in form.fields:
        if f.kind == "submit":
            continue
        wanted = base.get(f.name, f.value)
        if f.kind == "checkbox":
            ticked = f.value in wanted if isinstance(wanted, list) else f.checked
            if ticked:
                values.setdefault(f.name, []).append(f.value)
            continue
        values.setdefault(f.name, []).append(str(wanted if not isinstance(wanted, list) else ""))
    return values


# --- hostile values ------------------------------------------------------------------------------

NUMBERS = st.one_of(
    # Past a 16-bit, 32-bit and 64-bit column, a watch interval past the calendar, and the forms
    # a number is mistyped in.
    st.sampled_from(["32768", "2147483648", "99999999999999999999", "3000000", "9" * 5000]),
    st.sampled_from(["1e20", "-1", "1.5", " 7 ", "٣", "²", "0x10"]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
DATES = st.one_of(
    st.sampled_from(["01/01/0001", "31/12/9999", "29/02/2023", "00/00/0000", "31/12/99999"]),
    st.dates().map(lambda d: f"{d:%d/%m/%Y}"),  # year 1 to 9999
)
TEXTS = st.one_of(
    st.text(max_size=30),  # any character, NUL included
    st.sampled_from(["\x00", "Hà\x00Nội", "x" * (MAX_TEXT + 1), "ă" * 301]),
)
ANY = st.one_of(NUMBERS, DATES, TEXTS)
DATE_VALUE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


def _hostile(data: Any, f: Field, current: str) -> str:
    """A hostile value, most often of the kind the field holds (a number, a date)."""
    if f.kind == "number":
        return data.draw(st.one_of(NUMBERS, NUMBERS, ANY))
    if DATE_VALUE.match(current):
        return data.draw(st.one_of(DATES, DATES, ANY))
    return data.draw(ANY)


def _data(data: Any, form: Form, base: dict[str, Any]) -> dict[str, list[str]]:
    """The valid form with one field made hostile: one at a time reaches the code behind the
    form (with several, the first refused would hide what the others do)."""
    values = _valid(form, base)
    names = sorted({f.name for f in form.fields if f.kind not in ("submit", "checkbox")})
    if names:
        name = data.draw(st.sampled_from(names))
        f = next(f for f in form.fields if f.name == name)
        values[name] = [_hostile(data, f, (values.get(name) or [""])[0])]
    for f in form.fields:  # a checkbox may be flipped
        if f.kind == "checkbox" and data.draw(st.integers(0, 9)) == 9:  # rarely
            group = values.setdefault(f.name, [])
            if f.value in group:
                group.remove(f.value)
            else:
                group.append(f.value)
    buttons = [f for f in form.fields if f.kind == "submit"]
    if buttons:  # the button pressed, as a browser sends it
        pressed = data.draw(st.sampled_from(buttons))
        values[pressed.name] = [pressed.value]
    return values


# --- the checks ----------------------------------------------------------------------------------

_MESSAGES = re.compile(
    r'<(?:div|ul)[^>]*(?:class="(?:errors|errorlist|messages)[^"]*"|role="alert")[^>]*>(.*?)</(?:div|ul)>',
    re.S,
)


def _messages(html: str) -> list[str]:
    texts = [re.sub(r"<[^>]+>", " ", m) for m in _MESSAGES.findall(html)]
    return [" ".join(t.split()) for t in texts if t.strip()]


def _send(form: Form, values: dict[str, Any]) -> int:
    client = form.person.client
    client.cookies.pop("messages", None)  # a message left by an earlier post is not this one's
    with transaction.atomic():
        before = row_counts()
        if form.method == "post":
            response = client.post(form.action, values)
        else:
            response = client.get(urlsplit(form.action).path, values)
        after = row_counts()
        transaction.set_rollback(True)
    shown = f"{form!r} { ({k: [str(v)[:80] for v in vs] for k, vs in values.items()}) }"
    assert response.status_code < 500, shown
    if response.status_code in (301, 302, 303):
        return response.status_code
    assert after == before, shown
    if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
        return response.status_code
    messages = _messages(response.content.decode())
    english = [m for m in messages if m.isascii()]
    assert not english, f"{shown}: {english}"
    if form.method == "post" and form.route not in ANSWER_WITH_A_PAGE:
        assert messages, f"{shown}: refused without a message"
    return response.status_code


@pytest.fixture
def forms():
    found, world = discover()
    seen = set(leakcheck.SEEN)
    yield found, world
    # Generated values pass through personal fields and are remembered as personal; every post
    # is rolled back, so none is stored. Forget them, or a value that happens to look like a
    # timestamp or a token in an unrelated row would count as a leak of personal data.
    leakcheck.SEEN.intersection_update(seen)


# The forms the walk must find (a form no longer found would be a form no longer tested).
EXPECTED_POSTS = {
    "activity_create",
    "activity_edit",
    "activity_delete",
    "case_create",
    "case_transition",
    "case_identity",
    "case_protection",
    "criminal_case_create",
    "criminal_case_detail",
    "criminal_case_edit",
    "suspect_add",
    "criminal_case_link",
    "watch_new",
    "watch_detail",
    "cooperation_create",
    "inspection_create",
    "campaign_create",
    "document_create",
    "task_create",
    "task_status",
    "relation_create",
    "report_request_new",
    "report_request_detail",
    "report_detail",
    "report_issue",
    "contribution_detail",
    "agency_edit",
}
EXPECTED_FILTERS = {"activity_list", "coverage", "document_list", "cooperation_list"}


def test_every_form_survives_hostile_values(forms):
    forms, world = forms
    """One test, so that the walk (some twenty seconds) runs once for posts and filters."""
    posts = [f for f in forms if f.method == "post"]
    filters = [f for f in forms if f.method == "get"]
    assert {f.route for f in posts} >= EXPECTED_POSTS
    assert {f.route for f in filters} >= EXPECTED_FILTERS

    base = baselines(world)
    for form in posts:
        if form.route in ACCEPTS_ITS_VALUES:
            values = _valid(form, base.get(form.route, {}))
            buttons = [f for f in form.fields if f.kind == "submit"]
            values.update({b.name: [b.value] for b in buttons[:1]})
            assert _send(form, values) in (301, 302, 303), f"{form!r} refuses its valid values"

    @SETTINGS
    @given(data=st.data())
    def run(data: Any) -> None:
        for form in posts + filters:
            _send(form, _data(data, form, base.get(form.route, {})))

    run()
