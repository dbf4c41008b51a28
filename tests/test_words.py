"""Words, not codes (issue 23): every page every demo account can open on the demo data, and every
download, reads in words. Two checks on what a person reads (tags, scripts and attribute values
stripped; DOCX and XLSX unpacked to their text):

- no internal code of ctip's code lists (a model field's choices, the vocabularies of
  ctip.victims.vocab and ctip.prevention.target_groups, agency codes, country codes) stands as a
  word of its own, where its label should be ("received", "fake_job", "KH", "qng-bdbp-2025");
- no English in Vietnamese mode: the strings Django and the packages in the admin bring in
  English (a verbose name with no Vietnamese), or a word no Vietnamese page writes.

One test walks everything (the demo data loads once, ~1 min); it gathers every finding and fails
with the list, page by page.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections import defaultdict
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.postgres.fields import ArrayField
from django.test import Client
from django.urls import NoReverseMatch, resolve, reverse

from ctip.core.countries import CODES as COUNTRY_CODES
from ctip.core.countries import NAMES
from tests.factories import PASSWORD
from tests.helpers import log_in
from tests.route_walk import routes

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 28)  # the demo's "today" in the other demo tests

# --- the codes ---------------------------------------------------------------------------------

# Codes that are also words a page legitimately writes, and why.
ALLOWED = {
    # A language code that is a Vietnamese syllable: "phạm vi", "vi phạm".
    "vi",
    # Country codes that are abbreviations of the Vietnamese administrative style (Decree
    # 30/2020): "TM." (thay mặt) and "TT." (thay thế, thường trực) above a signature.
    "TM",
    "TT",
    # "ID": the admin's label for a record's number (Django's own, as Vietnamese admins write it).
    "ID",
}


def code_lists() -> dict[str, set[str]]:
    """Every code of ctip's code lists -> where it comes from."""
    from ctip.agencies.models import Agency
    from ctip.prevention.target_groups import TARGET_GROUPS
    from ctip.victims import vocab

    found: dict[str, set[str]] = defaultdict(set)
    for model in apps.get_models():
        if not model.__module__.startswith("ctip."):
            continue
        for f in model._meta.get_fields():
            field = f.base_field if isinstance(f, ArrayField) else f
            for value, _label in getattr(field, "flatchoices", None) or ():
                if isinstance(value, str) and value:
                    found[value].add(f"{model._meta.label}.{f.name}")
    from ctip.core.labels import _LISTS
    from ctip.enforcement.models import PLATFORMS

    for name, labels in _LISTS.items():  # every list registered for the `label` filter
        if isinstance(labels, dict):
            for value in labels:
                found[value].add(f"labels.{name}")
    for value in PLATFORMS:
        found[value].add("enforcement.PLATFORMS")
    for value in vocab.ACCESS_SECTIONS:
        found[value].add("vocab.ACCESS_SECTIONS")
    for name in ("EXPLOITATION_FORMS", "MEANS_OF_CONTROL", "RECRUITMENT_CHANNELS", "REGIMES"):
        for value in getattr(vocab, name):
            found[value].add(f"vocab.{name}")
    for value in TARGET_GROUPS:
        found[value].add("TARGET_GROUPS")
    for value in COUNTRY_CODES:
        found[value].add("countries")
    for value in Agency.objects.values_list("code", flat=True):
        found[value].add("Agency.code")
    return {k: v for k, v in found.items() if k not in ALLOWED}


# A code stands as a word: not inside a longer token ("34/KH-UBND", "NN-2025-00001").
EDGE_BEFORE = r"(?:^|(?<=[\s(\[“\"'«,;:]))"
EDGE_AFTER = r"(?=$|[\s)\]”\"'»,;:.!?])"


def code_pattern(codes: set[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    return re.compile(f"{EDGE_BEFORE}({alternatives}){EDGE_AFTER}")


# English that no Vietnamese page writes: Django's and the packages' own words left untranslated,
# and the English labels seen on the screens (issue 23).
# Any case: the names of other packages' apps and models, and English seen on ctip's screens.
ENGLISH_NAMES = [
    "Access attempts",
    "Access failures",
    "Access logs",
    "Failed tasks",
    "Successful tasks",
    "Scheduled tasks",
    "Queued tasks",
    "Static devices",
    "TOTP devices",
    "Forbidden",
    "Version",
    "Groups",
    "Users",
    "Select",
    "Search",
    "Filter",
]
# As written (lower case): English words that are no Vietnamese syllable nor part of a name.
ENGLISH_WORDS = ["None", "True", "False", "the", "and", "of", "is", "to", "for", "with", "by"]
ENGLISH_RE = re.compile(
    r"(?<![\w-])("
    + "|".join(f"(?i:{re.escape(w)})" for w in ENGLISH_NAMES)
    + "|"
    + "|".join(re.escape(w) for w in ENGLISH_WORDS)
    + r")(?![\w-])"
)

# --- what a person reads ----------------------------------------------------------------------

# A line in English: ASCII letters only, two words or more, at least half of them no Vietnamese
# syllable ("Add link", "Skip to main content"; not "Xem trang web", "Trang sau").
COUNTRY_NAMES = set(NAMES.values())
ASCII_LINE = re.compile(r"^(?=.*[A-Za-z]{2,}\s+[A-Za-z]{2,})[A-Za-z][A-Za-z ,.:;'’()?!/-]*$")
SYLLABLE = re.compile(
    r"^(ngh|ng|nh|ch|tr|th|kh|ph|gh|gi|qu|[bcdđghklmnpqrstvx])?"
    r"(uye|uya|ươ|ưa|iê|ia|yê|uô|ua|[aăâeêioôơuưy]{1,3})(ng|nh|ch|[cmnpt])?$",
    re.I,
)


def english_lines(text: str) -> list[str]:
    found = []
    for line in (raw.strip() for raw in text.splitlines()):
        if line in COUNTRY_NAMES:  # "Sri Lanka", "New Zealand": Vietnamese writes them so
            continue
        if ASCII_LINE.match(line):
            words = re.findall(r"[A-Za-z]+", line)
            if 2 * sum(not SYLLABLE.match(w) for w in words) >= len(words):
                found.append(line)
    return found


HIDDEN = re.compile(r"<(script|style|template|option)\b.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]*>", re.S)


# In the admin, the values of reference records' configuration and notes are shown as stored:
# JSON (a rule's value, a report template's outline, with their codes) and the notes the
# reference data's authors wrote (agencies' sources, rules' notes). Records, not ctip's words.
ADMIN_DATA = re.compile(
    r'(<div class="form-row[^"]*\bfield-(?:value|note|source|outline|code)\b.*?'
    r'<div class="readonly">).*?(</div>)',
    re.S,
)
# The admin is where reference records' codes are kept: its lists show them in their column.
ADMIN_CODE_COLUMN = re.compile(r'(<t[dh] class="field-code"[^>]*>).*?(</t[dh]>)', re.S)


def visible_text(page: str) -> str:
    """The text of a page: scripts and styles out, option values out (their labels stay), tags
    and their attributes out, entities decoded. Lines keep text nodes apart."""
    page = ADMIN_CODE_COLUMN.sub(r"\1\2", ADMIN_DATA.sub(r"\1\2", page))
    page = HIDDEN.sub(lambda m: _option_label(m.group(0)), page)
    return html.unescape(TAG.sub("\n", page))


def _option_label(block: str) -> str:
    if block[:7].lower() != "<option":
        return ""
    return TAG.sub("\n", block)


def xlsx_text(data: bytes) -> str:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    cells = []
    for sheet in book.worksheets:
        cells.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            cells.extend(str(v) for v in row if v is not None and not isinstance(v, int | float))
    return "\n".join(cells)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = "".join(
            archive.read(n).decode("utf-8", "ignore")
            for n in archive.namelist()
            if n.startswith("word/") and n.endswith(".xml")
        )
    xml = re.sub(r"</w:p>", "\n", xml)
    return html.unescape(TAG.sub("", xml))


def readable(response: Any) -> str:
    data = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if "spreadsheetml" in kind:
        return xlsx_text(data)
    if "wordprocessingml" in kind:
        return docx_text(data)
    if data.startswith(b"%PDF") or any(k in kind for k in ("pdf", "image/", "javascript")):
        return ""
    text = data.decode("utf-8", "ignore")
    if "html" in kind:
        return visible_text(text)
    return text  # CSV, JSON, plain text


# --- the walk ---------------------------------------------------------------------------------


@pytest.fixture
def demo(settings):
    from ctip.indicators import rollups
    from ctip.ops.demo.accounts import demo_accounts_ensure
    from ctip.ops.demo.directives import demo_directives_ensure
    from ctip.ops.demo.enforcement import demo_enforcement_ensure
    from ctip.ops.demo.prevention import demo_prevention_ensure
    from ctip.ops.demo.readings import demo_readings_ensure
    from ctip.ops.demo.reporting import demo_reporting_ensure
    from ctip.ops.demo.reporting_workflow import demo_workflow_ensure
    from ctip.ops.demo.victims import demo_cases_ensure

    demo_accounts_ensure(password=PASSWORD)
    demo_directives_ensure()
    demo_prevention_ensure(today=TODAY)
    demo_cases_ensure(today=TODAY)
    demo_enforcement_ensure(today=TODAY)
    demo_reporting_ensure()
    demo_workflow_ensure()
    demo_readings_ensure()
    rollups.rebuild()


def world() -> dict[str, Any]:
    """One demo record of each kind, of the demo accounts' own agencies where it matters."""
    from ctip.accounts.models import User
    from ctip.agencies.models import Agency
    from ctip.directives.models import Document, Task
    from ctip.enforcement.models import Campaign, CriminalCase, WatchEntry
    from ctip.prevention.models import Activity, ImportJob
    from ctip.reporting.models import Compilation, Contribution, Report, ReportRequest
    from ctip.victims.models import Case, DuplicateReview, Referral
    from ctip.victims.paper_models import Paper

    def first(qs: Any) -> Any:
        return qs.order_by("pk").first()

    found: dict[str, Any] = {
        "agency": Agency.objects.get(code="qng-ca-2025"),
        "document": first(Document.objects.all()),
        "task": first(Task.objects.all()),
        "activity": first(Activity.objects.filter(agency__code="qng-ca-2025")),
        "import_job": first(ImportJob.objects.all()),
        "case": first(Case.objects.filter(owner__code="qng-syt-2025").exclude(events=None)),
        "review": first(DuplicateReview.objects.all()),
        "referral": first(Referral.objects.all()),
        "criminal": first(CriminalCase.objects.filter(owner__code="qng-ca-2025")),
        "watch": first(WatchEntry.objects.all()),
        "campaign": first(Campaign.objects.all()),
        "request": first(ReportRequest.objects.all()),
        "contribution": first(Contribution.objects.all()),
        "report": first(Report.objects.all()),
        "compilation": first(Compilation.objects.exclude(result={})),
        "paper": first(Paper.objects.all()),
        "account": User.objects.get(username="xahoi"),  # user management (issue 24)
    }
    case = found["case"]
    found["consent"] = case.consents.first() if case else None
    found["support"] = case.support.first() if case else None
    figures = (found["compilation"].result or {}).get("figures", {}) if found["compilation"] else {}
    found["figure"] = next(iter(figures), "x")
    # The demo's police report part read into drafts (issue 25: ctip.ops.demo.readings).
    from ctip.ingest.models import Reading

    reading = Reading.objects.get(agency__code="qng-ca-2025")
    found["reading"], found["draft"] = reading, reading.drafts.get()
    found["draft_case"] = reading.case_drafts.get()
    return found


def demo_clients() -> dict[str, Client]:
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ctip.accounts.models import User
    from ctip.ops.demo.accounts import ACCOUNTS

    clients = {}
    for demo in ACCOUNTS:
        user = User.objects.get(username=demo.username)
        client = Client()
        client.cookies["django_language"] = "vi"
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        log_in(client, user, device)
        clients[demo.username] = client
    return clients


def walk_urls(found: dict[str, Any]) -> list[str]:
    """Every GET route of the URL conf, with the demo's records for its parameters."""
    from tests.route_walk import PARAMS

    urls = []
    for route in routes():
        if route.name in SKIP:
            continue
        try:
            kwargs = PARAMS[route.name](found) if route.params else {}
            urls.append(reverse(route.name, kwargs=kwargs))
        except (KeyError, AttributeError, NoReverseMatch, TypeError):
            urls.append(f"?{route.name}")
    return urls


# Routes that change something on GET or are not pages (logging out, a language switch).
SKIP = {"logout", "set_language", "password_reset_confirm"}
# Files for a machine, not a reader: an XLSForm holds its choices' codes and an English label
# column beside the Vietnamese one, as ODK Collect and KoboToolbox require (issue 26).
MACHINE_FILES = {"fieldform_activities_xlsform", "fieldform_watch_checks_xlsform"}
ADMIN = ["/admin/"]
# The demo has no record for these routes (no import job, duplicate, referral, consent evidence,
# paper or support evidence): tests/test_matrix.py walks them on records of its own.
NOT_IN_DEMO = {
    "import_status",
    "duplicate_decide",
    "consent_evidence_download",
    "paper_download",
    "evidence_download",
    "referral_action",
    "exchange_requeue",  # a POST of the outbox page; the demo pushes nothing
}


HREF = re.compile(r"""href=["']([^"'#]+)""")


DOWNLOADS = re.compile(r"download|export|\.(xlsx|csv|docx)$")


def crawl(client: Client, start: list[str], check: Any, downloaded: set[str]) -> set[str]:
    """Every page reachable from `start` by the links on the pages, at most one address per
    route (and set of query keys): real records, the ones this person sees; and every download
    linked (each address once for everyone: a file's words do not depend on who asks). Returns
    the route names reached."""
    from django.urls import Resolver404

    seen_keys: set[tuple[str, tuple[str, ...]]] = set()
    names: set[str] = set()
    queue = list(start)
    while queue:
        url = queue.pop(0)
        parts = urlsplit(url)
        try:
            match = resolve(parts.path)
        except Resolver404:
            continue
        name = match.view_name
        if name in SKIP or name.endswith(("_delete", "logout")) or "delete" in parts.path:
            continue
        if DOWNLOADS.search(name) or DOWNLOADS.search(parts.path):
            if url in downloaded:
                continue
            key = (url, ())
        else:
            key = (name, tuple(sorted(k.split("=")[0] for k in parts.query.split("&") if k)))
        if key in seen_keys:
            continue
        seen_keys.add(key)
        response = client.get(url)
        # A page that fails is not passed over as unread (a review found the walk would).
        assert response.status_code < 500, f"{url}: HTTP {response.status_code}"
        if response.status_code != 200:
            continue
        if key[0] == url:
            downloaded.add(url)
        names.add(name)
        check(url, response)
        if "html" in response.get("Content-Type", ""):
            page = response.content.decode("utf-8", "ignore")
            queue.extend(html.unescape(h) for h in HREF.findall(page) if h.startswith("/"))
    return names


MUST_READ = {
    "case_detail",  # the case history ("received / verifying ...")
    "case_access_log",
    "criminal_case_detail",  # "fake_job, facebook, KH", "online_scam"
    "cooperation_list",  # "(LA)"
    "activity_list",
    "activity_export",  # "qng-bdbp-2025", "session"
    "activity_template",
    "compilation_download",  # the report and its annexes
    "dashboard_download",
    "admin:index",  # "Access attempts", "Failed tasks", "LÕI"
    "admin:axes_accessattempt_changelist",
    "admin:django_q_failure_changelist",
}


def test_every_page_and_download_reads_in_words(demo):
    codes = code_lists()
    pattern = code_pattern(set(codes))
    found = world()
    urls = walk_urls(found)
    missing = {u[1:] for u in urls if u.startswith("?")}
    assert missing <= NOT_IN_DEMO, f"no demo record for {missing - NOT_IN_DEMO}"
    urls = [u for u in urls if not u.startswith("?")]
    findings: dict[str, set[str]] = defaultdict(set)

    read: set[str] = set()

    def check(url: str, response: Any) -> None:
        name = resolve(urlsplit(url).path).view_name
        read.add(name)
        if name in MACHINE_FILES:
            return
        # The name of KoboToolbox's export option, as its screen writes it (issue 26).
        text = readable(response).replace("XML values and headers", "")
        for m in pattern.finditer(text):
            findings[url].add(f"code {m.group(1)!r} ({', '.join(sorted(codes[m.group(1)]))})")
        for m in ENGLISH_RE.finditer(text):
            findings[url].add(f"English {m.group(1)!r}")
        for line in english_lines(text):
            findings[url].add(f"English line {line[:80]!r}")

    start = [u for u in urls if "<" not in u]
    reached: set[str] = set()
    clients = demo_clients()
    downloaded: set[str] = set()
    for client in clients.values():
        reached |= crawl(client, start + ADMIN, check, downloaded)
    # Routes no link led to: with the demo's records of the accounts' own agencies.
    rest = [u for u in urls if resolve(u).view_name not in reached]
    for client in clients.values():
        for url in rest:
            response = client.get(url)
            assert response.status_code < 500, f"{url}: HTTP {response.status_code}"
            if response.status_code == 200:
                check(url, response)
    # The walk read the pages and files of the findings (not a walk that saw nothing).
    assert read >= MUST_READ, MUST_READ - read
    report = "\n".join(f"{url}: {'; '.join(sorted(f))}" for url, f in sorted(findings.items()))
    assert not findings, report


# --- focused checks (fast): the findings of issue 23, one by one --------------------------------


def test_label_filter_gives_words_for_codes():
    from django.template import engines

    template = engines["django"].from_string(
        '{% load ctip %}{{ a|label:"recruitment_channel" }}; {{ b|label:"platform" }}; '
        '{{ c|label:"country" }}; {{ d|label:"exploitation_form" }}; {{ e|label:"case_state" }}; '
        '{{ f|labels:"target_group" }}; {{ g|label:"access_section" }}; [{{ h|label:"country" }}]'
    )
    text = template.render(
        {
            "a": "fake_job",
            "b": "facebook",
            "c": "KH",
            "d": "online_scam",
            "e": "received",
            "f": ["pupils_students", "public"],
            "g": "paper:reception_minutes",
            "h": "",
        }
    )
    assert text == (
        "Lời mời việc làm giả; Facebook; Campuchia; Cưỡng bức lừa đảo trực tuyến; Đã tiếp nhận; "
        "Học sinh, sinh viên, Nhân dân; Giấy tờ: Biên bản tiếp nhận; []"
    )


def test_a_refused_stage_is_an_error_naming_the_agency_in_words(client):
    """ "Chỉ ... của cơ quan procuracy ..." in the green box: the refusal is an error message, and
    names the agency kind by its name."""
    from django.contrib.messages import ERROR

    from ctip.enforcement.models import Stage
    from ctip.enforcement.services import criminal_case_create
    from ctip.enforcement.stages import stage_advance
    from ctip.geo.models import Level
    from tests.conftest import NEW, unit
    from tests.helpers import add_totp, make_user

    investigator = make_user("dieutra-w", "investigator", agency="qng-ca-2025")
    case = criminal_case_create(
        owner=investigator.assignments.get().agency,
        detected_on=date(2025, 9, 10),
        source="border_check",
        unit=unit(21157, Level.COMMUNE, NEW),
        acting_user=None,
    )
    case = stage_advance(
        case=case, to_stage=Stage.INSTITUTED, on=date(2025, 9, 12), acting_user=investigator
    )
    log_in(client, investigator, add_totp(investigator))
    response = client.post(
        f"/vu-an/{case.pk}/", {"to_stage": Stage.INDICTED, "on": "15/09/2025"}, follow=True
    )
    (message,) = list(response.context["messages"])
    assert message.level == ERROR, message
    text = str(message)
    assert "Viện kiểm sát nhân dân" in text and "procuracy" not in text, text
    assert text[0].isupper()


def test_activity_export_is_in_words_and_imports_again():
    """The export names the agency, form, target groups and campaign in words (not "qng-ca",
    "session", "pupils_students", "national_day"), and an export imports again as it was."""
    import json

    import openpyxl

    from ctip.prevention.import_batch import import_file
    from ctip.prevention.importer import COLUMNS
    from ctip.prevention.models import Activity
    from ctip.prevention.spreadsheets import activities_export, activities_template
    from tests.helpers import activity_row

    row = activity_row(
        target_groups=["pupils_students", "officials", "public"],
        campaign="national_day",
        partners=["qng-bdbp", "qng-hlhpn"],
    )
    import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)
    data = activities_export(Activity.objects.all())
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = dict(zip(COLUMNS, [c.value for c in sheet[2]], strict=True))
    first = Activity.objects.get()
    assert cells["agency"] == first.agency.name
    # The words themselves, not whatever the model displays (which would pass with a code).
    assert (first.kind, cells["kind"]) == ("session", "Buổi tuyên truyền")
    assert set(cells["target_groups"].split("; ")) == {
        "Nhân dân",
        "Học sinh, sinh viên",
        "Cán bộ, công chức",
    }
    assert cells["campaign"] == first.get_campaign_display() != first.campaign
    codes = code_pattern(set(code_lists()))
    assert not codes.findall(xlsx_text(data)), codes.findall(xlsx_text(data))
    assert not codes.findall(xlsx_text(activities_template()))
    Activity.objects.all().delete()
    assert import_file(name="again.xlsx", data=data, acting_user=None) == 1
    again = Activity.objects.get()
    assert again.agency_id == first.agency_id and again.campaign == "national_day"
    assert set(again.target_groups.values_list("code", flat=True)) == {
        "pupils_students",
        "officials",
        "public",
    }
    assert set(again.partners.values_list("code", flat=True)) == {"qng-bdbp", "qng-hlhpn"}


def test_other_packages_are_named_in_vietnamese_in_the_admin():
    from django.contrib import admin

    for model in admin.site._registry:
        for name in (model._meta.verbose_name_plural, model._meta.app_config.verbose_name):
            assert not ENGLISH_RE.search(str(name)), (model, name)
            assert str(name) not in ("Lõi", "Axes"), (model, name)
            assert re.search(r"[^\x00-\x7f]", str(name)), (model, name)  # Vietnamese words


# Template text outside the translation tags: what is left once tags, variables, comments and
# markup are taken out. Punctuation, numbers and symbols may stay ("—", "·", ":", "/").
TEMPLATE_CODE = re.compile(
    r"{%\s*(blocktranslate|blocktrans)\b.*?{%\s*end(blocktranslate|blocktrans)\s*%}"
    r"|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}|{#.*?#}|{%.*?%}|{{.*?}}",
    re.S,
)


def untranslated_template_text(source: str) -> list[str]:
    # A block filling an attribute of the base template's markup: `{% block enctype %}`.
    source = re.sub(r"{%\s*block enctype\s*%}.*?{%\s*endblock\s*%}", " ", source, flags=re.S)
    text = TEMPLATE_CODE.sub(" ", source)
    text = re.sub(r"<(script|style)\b.*?</\1\s*>", " ", text, flags=re.S | re.I)
    text = TAG.sub(" ", text)
    text = html.unescape(text)
    return [w for w in re.findall(r"[^\W\d_]{2,}(?:[ ][^\W\d_]+)*", text) if w not in KEPT]


# Words a template may write as they are: names that are the same in every language.
KEPT = {"ctip", "CSV", "XLSX", "PDF", "DOCX"}


def test_templates_write_no_text_outside_translation():
    """Every word a template writes goes through {% translate %} or {% blocktranslate %}: a
    word written as it is reads the same in English mode (untranslated)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "ctip"
    found = {}
    for path in sorted(root.glob("**/templates/**/*.html")):
        words = untranslated_template_text(path.read_text(encoding="utf-8"))
        if words:
            found[str(path.relative_to(root))] = words
    assert found == {}, found


def test_an_estimate_reads_as_about_not_over():
    """An estimated figure of 130 is about 130 ("khoảng 130"), not "trên 130" (over 130)."""
    import json

    from django.core.paginator import Paginator
    from django.template.loader import render_to_string

    from ctip.prevention.import_batch import import_file
    from ctip.prevention.models import Activity
    from tests.helpers import activity_row

    row = activity_row(participants=130, participants_estimated=True)
    import_file(name="a.json", data=json.dumps([row]).encode(), acting_user=None)
    page = Paginator(Activity.objects.all(), 10).page(1)
    text = visible_text(render_to_string("prevention/_rows.html", {"page": page}))
    assert "khoảng 130" in " ".join(text.split()) and "trên" not in text
