"""Issue 26, build 3: the field forms (XLSForm for ODK Collect and KoboToolbox). Each form
validates with pyxform without a warning; the activity form's fields are the import's columns
and its lists the catalogues the import checks against; the watch-check form carries entry
codes and coded answers only; the pages and the command give them to those allowed."""

from __future__ import annotations

import io
from datetime import date

import pytest
from defusedxml import ElementTree
from django.core.management import call_command
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from ctip.agencies.models import Agency
from ctip.enforcement.watchlist import WATCH_CHECK_FIELDS, WatchOutcome
from ctip.fieldforms.definitions import (
    ACTIVITY_FORM_ID,
    WATCH_CHECK_FORM_ID,
    Form,
    activity_form,
    watch_check_form,
)
from ctip.fieldforms.lists import activity_form_for, activity_form_for_user
from ctip.fieldforms.xlsform import build_xlsx
from ctip.geo.area import Areas
from ctip.geo.models import Level, Unit
from ctip.prevention.import_checks import COUNTS, REQUIRED, check_rows
from ctip.prevention.importer import COLUMNS
from ctip.prevention.models import ActivityKind, Campaign, TargetGroup
from tests.conftest import unit
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)


def _xform(form: Form) -> ElementTree:
    warnings: list[str] = []
    result = convert(xlsform=build_xlsx(form), validate=False, warnings=warnings, file_type=".xlsx")
    assert warnings == []
    return ElementTree.fromstring(result.xform.encode())


def _instance_fields(form: Form) -> list[str]:
    """The leaves of the form's instance (what a submission holds), but its meta block."""
    root = _xform(form)
    ns = {"x": "http://www.w3.org/2002/xforms"}
    data = root.find(".//x:instance/x:data", ns)
    assert data is not None and data.get("id") == form.form_id
    assert data.get("version") == form.version
    leaves = []
    for node in data.iter():
        tag = node.tag.split("}")[-1]
        if len(node) == 0 and tag not in ("instanceID", "instanceName"):
            leaves.append(tag)
    return leaves


@pytest.fixture
def police():
    return make_user("congan", "agency_officer", agency="qng-ca-2025")


def _choices(form: Form, name: str) -> list[str]:
    return [code for code, _label in form.choices[name]]


def test_the_activity_form_validates_and_answers_exactly_the_import_columns(police):
    form = activity_form_for_user(police)
    assert form is not None and form.form_id == ACTIVITY_FORM_ID
    assert _instance_fields(form) == list(COLUMNS)
    assert form.fields == list(COLUMNS)
    required = {q.name for q in form.questions if q.required}
    assert required == set(REQUIRED)
    integers = {q.name for q in form.questions if q.type == "integer"}
    assert integers == set(COUNTS)


def test_the_activity_forms_lists_are_the_catalogues_the_import_checks(police):
    form = activity_form_for_user(police)
    assert form is not None
    assert _choices(form, "kinds") == list(ActivityKind.values)
    assert _choices(form, "campaigns") == [c for c in Campaign.values if c]
    assert set(_choices(form, "target_groups")) == set(
        TargetGroup.objects.values_list("code", flat=True)
    )
    assert _choices(form, "agencies") == ["qng-ca-2025"]
    # Every unit offered lies in the agency's area, in force today: the import takes each.
    police_agency = Agency.objects.get(code="qng-ca-2025")
    areas = Areas()
    today = date.today()
    offered = _choices(form, "units")
    assert offered[0] == "51" and len(offered) > 50
    for code in offered:
        found = Unit.objects.valid_on(today).filter(code=int(code)).first()
        assert found is not None and areas.agency_covers(police_agency, found.pk), code
    assert {"qng-ca-2025", "qng-bdbp-2025", "qng-hlhpn-2025"} <= set(_choices(form, "partners"))


def test_a_submission_answering_every_choice_passes_the_import_checks(police):
    """What the form offers, the import takes: a row per kind, with the form's last unit,
    every target group and partner, each campaign."""
    form = activity_form_for_user(police)
    assert form is not None
    groups = _choices(form, "target_groups")
    partners = _choices(form, "partners")[:5]
    campaigns = _choices(form, "campaigns")
    rows = [
        {
            "_row": n,
            "agency": "qng-ca-2025",
            "kind": kind,
            "start_date": "2025-09-12",
            "end_date": "2025-09-12",
            "unit": _choices(form, "units")[-1],
            "participants": "10",
            "participants_estimated": "yes",
            "target_groups": groups,
            "partners": partners,
            "campaign": campaigns[n % len(campaigns)],
        }
        for n, kind in enumerate(_choices(form, "kinds"), start=2)
    ]
    specs = check_rows(rows, allowed_agencies={Agency.objects.get(code="qng-ca-2025").pk})
    assert len(specs) == len(ActivityKind.values)
    assert specs[0].participants_estimated and len(specs[0].target_groups) == len(groups)


def test_the_watch_check_form_carries_entry_codes_and_coded_answers_only():
    form = watch_check_form()
    assert form.form_id == WATCH_CHECK_FORM_ID
    assert _instance_fields(form) == list(WATCH_CHECK_FIELDS)
    texts = [q for q in form.questions if q.type == "text"]
    # The one text is the code, held to its shape: no name, no address, no free text.
    assert [q.name for q in texts] == ["entry_code"]
    assert texts[0].constraint == "regex(., '^TD-[0-9]{1,9}$')"
    assert {q.type.split()[0] for q in form.questions} <= {"text", "date", "select_one"}
    assert _choices(form, "outcomes") == list(WatchOutcome.values)


def test_a_form_that_pyxform_refuses_is_caught():
    """The check can fail: a question over a list the form does not have."""
    form = watch_check_form()
    broken = Form(
        form_id=form.form_id,
        title=form.title,
        questions=form.questions,
        choices={"yes_no": form.choices["yes_no"]},
    )
    with pytest.raises(Exception, match="outcomes"):
        _xform(broken)


def test_labels_are_vietnamese_by_default_and_english_too():
    form = activity_form(agencies=[("a", "A")], units=[("1", "U")], partners=[])
    sheets = load_workbook(io.BytesIO(build_xlsx(form)))
    choices = list(sheets["choices"].iter_rows(values_only=True))
    header = choices[0]
    vi, en = header.index("label::Tiếng Việt (vi)"), header.index("label::English (en)")
    session = next(r for r in choices if r[:2] == ("kinds", "session"))
    assert session[vi] == "Buổi tuyên truyền" and session[en] and session[en] != session[vi]
    settings = list(sheets["settings"].iter_rows(values_only=True))
    assert dict(zip(settings[0], settings[1], strict=True))["default_language"] == (
        "Tiếng Việt (vi)"
    )


def test_the_version_follows_the_forms_content():
    one = activity_form(agencies=[("a", "A")], units=[("1", "U")], partners=[("a", "A")])
    same = activity_form(agencies=[("a", "A")], units=[("1", "U")], partners=[("a", "A")])
    other = activity_form(agencies=[("a", "A")], units=[("2", "V")], partners=[("a", "A")])
    assert one.version == same.version != other.version


def test_a_name_starting_with_equals_stays_a_text():
    form = activity_form(agencies=[("a", "=HYPERLINK(1)")], units=[("1", "U")], partners=[])
    choices = load_workbook(io.BytesIO(build_xlsx(form)))["choices"]
    cells = [c for row in choices.iter_rows() for c in row if c.value == "=HYPERLINK(1)"]
    assert cells and all(c.data_type == "s" for c in cells)


# --- pages and command --------------------------------------------------------------------------


def test_the_activity_form_downloads_for_an_officer_who_records(client, police):
    log_in(client, police)
    page = client.get("/bieu-mau-thuc-dia/hoat-dong/")
    assert page.status_code == 200
    assert "Tải biểu mẫu hoạt động (.xlsx)" in page.content.decode()
    response = client.get("/bieu-mau-thuc-dia/hoat-dong/ctip_hoat_dong.xlsx")
    assert response.status_code == 200
    assert "ctip_hoat_dong.xlsx" in response["Content-Disposition"]
    assert response.content.startswith(b"PK")


def test_the_forms_are_refused_to_those_without_the_permission(client):
    leader = make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW))
    log_in(client, leader)
    for path in (
        "/bieu-mau-thuc-dia/hoat-dong/",
        "/bieu-mau-thuc-dia/hoat-dong/ctip_hoat_dong.xlsx",
        "/bieu-mau-thuc-dia/kiem-tra-theo-doi/",
        "/bieu-mau-thuc-dia/kiem-tra-theo-doi/ctip_kiem_tra_theo_doi.xlsx",
    ):
        assert client.get(path).status_code == 403, path


def test_the_watch_check_form_downloads_for_the_commune_officer(client):
    officer = make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))
    log_in(client, officer, add_totp(officer))
    assert client.get("/bieu-mau-thuc-dia/kiem-tra-theo-doi/").status_code == 200
    response = client.get("/bieu-mau-thuc-dia/kiem-tra-theo-doi/ctip_kiem_tra_theo_doi.xlsx")
    assert response.status_code == 200
    assert "ctip_kiem_tra_theo_doi.xlsx" in response["Content-Disposition"]


def test_the_command_builds_both_forms(tmp_path):
    out = io.StringIO()
    call_command("fieldforms", "build", str(tmp_path), "--agency", "qng-ca-2025", stdout=out)
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["ctip_hoat_dong.xlsx", "ctip_kiem_tra_theo_doi.xlsx"]
    for path in tmp_path.iterdir():
        warnings: list[str] = []
        convert(xlsform=path.read_bytes(), validate=False, warnings=warnings, file_type=".xlsx")
        assert warnings == []
    built = activity_form_for([Agency.objects.get(code="qng-ca-2025")])
    assert built is not None and built.version in out.getvalue()


def test_the_command_refuses_an_unknown_agency(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="khong-co"):
        call_command("fieldforms", "build", str(tmp_path), "--agency", "khong-co")


def test_without_an_agency_to_record_for_there_is_no_activity_form(client):
    """A commune officer answers for a territory, not an agency: the import would refuse every
    row, so the page says why and offers no form."""
    officer = make_user("xa", "commune_officer", unit=unit(21157, Level.COMMUNE, NEW))
    assert activity_form_for_user(officer) is None
    log_in(client, officer, add_totp(officer))
    page = client.get("/bieu-mau-thuc-dia/hoat-dong/").content.decode()
    assert "không tạo được biểu mẫu" in page and "ctip_hoat_dong.xlsx" not in page
    assert client.get("/bieu-mau-thuc-dia/hoat-dong/ctip_hoat_dong.xlsx").status_code == 404
