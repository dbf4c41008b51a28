"""Issue 26, point 2: the HTCDS export of victim cases, k-anonymous over its quasi-identifiers.

A synthetic province (ctip.ops.synth, 600 cases over three years, bulk-loaded) is released with
under 5 % suppressed and every combination of quasi-identifiers at least k times; the demo
province's two dozen cases are refused with the reason; an export abroad keeps only the cases
with a basis for a transfer abroad; every export writes one audit row, a refusal or a refused
user none; no personal value, case code or date reaches the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from openpyxl import load_workbook

from ctip.core.listing import attachment_name
from ctip.core.models import AuditEntry
from ctip.core.personal import personal_fields
from ctip.geo.models import Level, Unit
from ctip.ops.demo.victims import demo_cases_ensure
from ctip.ops.synth import Options, synth_load
from ctip.victims import htcds as htcds_module
from ctip.victims.htcds import (
    _FIELDS,
    ACTION,
    DEFAULT_K,
    HtcdsRefused,
    abroad_basis_exists,
    age_band,
    exploitation_ladder,
    exploitation_types,
    htcds_cases,
    htcds_export,
    quasi_identifiers,
    spec,
)
from ctip.victims.models import Case, CaseExploitation, Consent
from ctip.victims.privacy import PrivacyError, abroad_basis
from ctip.victims.states import ConsentBasis, ConsentPurpose
from tests import leakcheck
from tests.helpers import add_totp, log_in, make_user

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 30)
START, END = date(2023, 12, 1), TODAY
# A file for a partner covers finished years only: 2023-2025 when TODAY is in 2026.
PARTNER_END = date(2025, 12, 31)
SYNTH = Options(provinces=1, years=3, activities=0, victims=600, cases=0, watchlist=0, seed=26)


# The synthetic names of the test that loaded them, checked against every file by hand.
SYNTHETIC_NAMES: set[str] = set()


def _load() -> Unit:
    """A synthetic province: 600 cases over three years, in bulk (about a second)."""
    SYNTHETIC_NAMES.clear()
    result = synth_load(SYNTH, reference=False, today=TODAY)
    SYNTHETIC_NAMES.update(leakcheck.SEEN)
    return Unit.objects.valid_on(TODAY).get(level=Level.PROVINCE, name=result.provinces[0])


@pytest.fixture
def scanned_province() -> Unit:
    """The province with the suite's guard in full: after the test, every table, log and file
    is searched for each of its 600 names (about a minute)."""
    return _load()


@pytest.fixture
def province() -> Unit:
    """The province, its names left out of the suite's table scan (a minute per test): each
    test checks its own file against them (assert_nothing_personal); the scan runs in full once,
    for the test using `scanned_province`."""
    unit = _load()
    leakcheck.SEEN.difference_update(SYNTHETIC_NAMES)
    return unit


@pytest.fixture
def office(province):
    return make_user("thuongtruc-htcds", "standing_office", unit=province)


def read_csv(data: bytes) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The header part ("# key: value") and the records of an exported CSV."""
    text = data.decode("utf-8")
    header = {}
    lines = []
    for line in text.splitlines():
        if line.startswith("# "):
            key, _sep, value = line[2:].partition(": ")
            header[key] = value
        else:
            lines.append(line)
    return header, list(csv.DictReader(io.StringIO("\n".join(lines))))


def qi_classes(records: list[dict], standard: str = "htcds") -> Counter:
    """The classes of the quasi-identifiers, under the names of the file's vocabulary (htcds,
    the default, unless the export asked for another)."""
    return Counter(tuple(str(r[c]) for c in quasi_identifiers(standard)) for r in records)


def assert_nothing_personal(text: str) -> None:
    """No value that passed a personal field, no case code, no date finer than a year."""
    assert [v for v in leakcheck.SEEN | SYNTHETIC_NAMES if v in text] == []
    codes = Case.objects.values_list("code", flat=True)
    assert [c for c in codes if c in text] == []
    body = text.split("period", 1)[-1].split("\n", 1)[-1]  # the period's bounds are the request
    assert not re.search(r"\b(19|20)\d\d-\d\d-\d\d\b", body)


def test_a_synthetic_province_is_released_k_anonymous_with_under_five_percent_suppressed(
    province, office
):
    export = htcds_export(
        unit=province, start=START, end=END, purpose="report", acting_user=office, standard="ctdc"
    )
    result = export.result
    assert result.k == DEFAULT_K == 11
    assert result.total > 400 and result.suppressed_share < 0.05
    header, records = read_csv(export.data)
    assert len(records) == result.released == result.total - result.suppressed
    classes = qi_classes(records, "ctdc")
    assert min(classes.values()) >= 11, classes
    assert len(classes) > 3  # the release still tells groups apart
    # The header says what was generalised and suppressed.
    assert header["k"] == "11"
    assert header["records_suppressed"] == str(result.suppressed)
    assert header["generalised"] == ", ".join(f"{c}={v}" for c, v in result.generalised.items())
    assert "yearOfRegistration" in result.generalised  # three years of 600 cases: not by year
    # The forms of exploitation still say something: at the same height, a release that keeps
    # their class wins over one that withholds them from every record (kanon.Level.blank).
    assert result.levels["typeOfExploitConcatenated"] != "withheld", result.levels
    assert list(records[0]) == spec()["columns"]
    assert [r["recordNumber"] for r in records] == [str(i) for i in range(1, len(records) + 1)]
    assert_nothing_personal(export.data.decode("utf-8"))


def test_the_export_is_one_audit_row_with_count_hash_purpose_k_and_what_was_done(province, office):
    before = AuditEntry.objects.count()
    export = htcds_export(
        unit=province,
        start=START,
        end=PARTNER_END,
        purpose="partner_domestic",
        counterpart="Tổ chức đối tác thử nghiệm",
        acting_user=office,
        today=TODAY,
    )
    assert AuditEntry.objects.count() == before + 1
    entry = AuditEntry.objects.get(action=ACTION)
    assert entry.actor == office
    assert entry.count == export.result.released
    assert entry.file_hash == hashlib.sha256(export.data).hexdigest() == export.digest
    changes = {key: value[1] for key, value in entry.changes.items()}
    assert changes["purpose"] == "partner_domestic" and changes["k"] == 11
    assert changes["suppressed"] == export.result.suppressed
    assert changes["generalised"] == export.result.generalised
    assert changes["excluded_no_basis"] == 0
    assert export.name.startswith("htcds-") and export.name.endswith(".csv")


@pytest.mark.parametrize("fmt", ["xlsx", "json"])
def test_the_other_formats_carry_the_same_header_and_records(province, office, fmt):
    export = htcds_export(
        unit=province, start=START, end=END, purpose="report", fmt=fmt, acting_user=office
    )
    if fmt == "json":
        body = json.loads(export.data)
        meta, records = body["anonymisation"], body["records"]
    else:
        book = load_workbook(io.BytesIO(export.data), read_only=True)
        meta = {key: value for key, value in book["anonymisation"].iter_rows(values_only=True)}
        rows = list(book["HTCDS"].iter_rows(values_only=True))
        records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
        text = "\n".join(str(cell) for row in rows for cell in row)
        assert_nothing_personal(text)
    assert list(records[0]) == HTCDS_HEADER and meta["vocabulary"] == "htcds"
    assert meta["records_suppressed"] == export.result.suppressed
    assert len(records) == export.result.released
    assert min(qi_classes(records).values()) >= 11
    assert AuditEntry.objects.get(action=ACTION).file_hash == export.digest


def test_the_demo_provinces_cases_are_refused_with_the_reason():
    demo_cases_ensure(today=TODAY)
    quang_ngai = Unit.objects.valid_on(TODAY).get(level=Level.PROVINCE, code=51)
    office = make_user("thuongtruc-qng", "standing_office", unit=quang_ngai)
    cases = htcds_cases(unit=quang_ngai, start=date(2025, 7, 1), end=TODAY, acting_user=office)
    assert 11 <= cases.count() <= 24  # enough for k in number, not in combinations
    with pytest.raises(HtcdsRefused) as refused:
        htcds_export(
            unit=quang_ngai,
            start=date(2025, 7, 1),
            end=TODAY,
            purpose="report",
            acting_user=office,
        )
    reason = str(refused.value)
    found = re.search(r"loại (\d+) trong (\d+) hồ sơ", reason)
    assert found and int(found.group(2)) == cases.count(), reason
    assert int(found.group(1)) > 0.05 * cases.count()
    assert "k = 11" in reason
    assert_nothing_personal(reason)
    assert not AuditEntry.objects.filter(action=ACTION).exists()


def _basis(case: Case | int, on: date, **fields) -> Consent:
    case_id = case if isinstance(case, int) else case.pk
    return Consent(case_id=case_id, purpose=ConsentPurpose.ABROAD, given_on=on, **fields)


def test_abroad_keeps_only_the_cases_with_a_basis_for_a_transfer_abroad(province, office):
    # Ids only: loading whole cases would read (and remember) every name.
    cases = list(
        htcds_cases(unit=province, start=START, end=PARTNER_END, acting_user=office).values_list(
            "pk", flat=True
        )
    )
    day = date(2026, 1, 1)
    with_basis, without = cases[40:], cases[:40]
    Consent.objects.bulk_create(
        [_basis(c, day) for c in with_basis[:-2]]
        + [_basis(with_basis[-2], day, basis=ConsentBasis.STATUTE, statute="Luật 53, Điều 3")]
        + [_basis(with_basis[-1], day, withdrawn_on=TODAY + timedelta(days=1))]
        # No basis: withdrawn before the export, a statute without its citation, a consent to
        # another purpose, one given after the day of the export.
        + [_basis(without[0], day, withdrawn_on=date(2026, 6, 1))]
        + [_basis(without[1], day, basis=ConsentBasis.STATUTE, statute="")]
        + [Consent(case_id=without[2], purpose=ConsentPurpose.REFERRAL, given_on=day)]
        + [_basis(without[3], TODAY + timedelta(days=1))]
    )
    with pytest.raises(HtcdsRefused):  # abroad needs the partner's country
        htcds_export(
            unit=province,
            start=START,
            end=PARTNER_END,
            purpose="partner_abroad",
            counterpart="Partner",
            acting_user=office,
            today=TODAY,
        )
    export = htcds_export(
        unit=province,
        start=START,
        end=PARTNER_END,
        purpose="partner_abroad",
        counterpart_country="th",
        counterpart="Tổ chức đối tác nước ngoài",
        acting_user=office,
        today=TODAY,
    )
    assert export.excluded_no_basis == 40
    assert export.result.total == len(with_basis)
    entry = AuditEntry.objects.get(action=ACTION)
    assert entry.changes["excluded_no_basis"][1] == 40 and entry.changes["country"][1] == "TH"
    header, _records = read_csv(export.data)
    assert header["excluded_no_abroad_basis"] == "40" and header["counterpart_country"] == "TH"


def test_a_file_for_a_partner_covers_finished_years_only(province, office):
    # A running year grows day by day: two files asked on two days would differ by the cases
    # received in between. The province's own report may include it; a partner's may not.
    for purpose, extra in (
        ("partner_domestic", {}),
        ("partner_abroad", {"counterpart_country": "TH"}),
    ):
        with pytest.raises(HtcdsRefused, match="chưa kết thúc.*2025"):
            htcds_export(
                unit=province,
                start=START,
                end=date(2026, 1, 10),
                purpose=purpose,
                counterpart="Đối tác",
                acting_user=office,
                today=TODAY,
                **extra,
            )
    # The last day of a year is still within it.
    with pytest.raises(HtcdsRefused, match="chưa kết thúc"):
        htcds_export(
            unit=province,
            start=START,
            end=PARTNER_END,
            purpose="partner_domestic",
            counterpart="Đối tác",
            acting_user=office,
            today=PARTNER_END,
        )
    assert not AuditEntry.objects.filter(action=ACTION).exists()
    htcds_export(
        unit=province,
        start=START,
        end=PARTNER_END,
        purpose="partner_domestic",
        counterpart="Đối tác",
        acting_user=office,
        today=date(2026, 1, 1),
    )
    htcds_export(
        unit=province, start=START, end=END, purpose="report", acting_user=office, today=TODAY
    )
    assert AuditEntry.objects.filter(action=ACTION).count() == 2


def test_the_bulk_abroad_basis_agrees_with_privacy_abroad_basis(province, office):
    cases = list(Case.objects.order_by("pk")[:8])
    day = date(2026, 1, 1)
    Consent.objects.bulk_create(
        [
            _basis(cases[0], day),
            _basis(cases[1], day, withdrawn_on=date(2026, 6, 1)),
            _basis(cases[2], day, basis=ConsentBasis.STATUTE, statute=""),
            _basis(cases[3], day, basis=ConsentBasis.STATUTE, statute="Luật 91/2025, Điều 19"),
            _basis(cases[4], TODAY + timedelta(days=1)),
            Consent(case=cases[5], purpose=ConsentPurpose.PROCESSING, given_on=day),
            _basis(cases[6], day, withdrawn_on=TODAY + timedelta(days=1)),
        ]
    )
    bulk = set(
        Case.objects.filter(pk__in=[c.pk for c in cases])
        .annotate(ok=abroad_basis_exists(TODAY))
        .filter(ok=True)
        .values_list("pk", flat=True)
    )
    one_by_one = set()
    for case in cases:
        try:
            abroad_basis(case, on=TODAY)
        except PrivacyError:
            continue
        one_by_one.add(case.pk)
    assert bulk == one_by_one == {cases[0].pk, cases[3].pk, cases[6].pk}


def test_a_whole_export_without_basis_is_refused_and_says_why(province, office):
    with pytest.raises(HtcdsRefused) as refused:
        htcds_export(
            unit=province,
            start=START,
            end=PARTNER_END,
            purpose="partner_abroad",
            counterpart_country="TH",
            counterpart="Partner",
            acting_user=office,
            today=TODAY,
        )
    assert "không có căn cứ chuyển dữ liệu ra nước ngoài" in str(refused.value)
    assert not AuditEntry.objects.filter(action=ACTION).exists()


def test_k_can_be_raised_never_lowered(province, office):
    with pytest.raises(HtcdsRefused):
        htcds_export(unit=province, start=START, end=END, purpose="report", k=5, acting_user=office)
    export = htcds_export(
        unit=province, start=START, end=END, purpose="report", k=12, acting_user=office
    )
    assert export.result.k == 12
    assert min(qi_classes(read_csv(export.data)[1]).values()) >= 12


def test_a_user_without_the_permission_is_refused_by_the_service(province):
    worker = make_user("canbo-htcds", "agency_officer", agency="qng-syt-2025")
    with pytest.raises(PermissionDenied):
        htcds_export(unit=province, start=START, end=END, purpose="report", acting_user=worker)
    assert not AuditEntry.objects.filter(action=ACTION).exists()


def test_cases_outside_the_users_territory_are_not_exported(province):
    elsewhere = Unit.objects.valid_on(TODAY).get(level=Level.PROVINCE, code=51)
    other = make_user("thuongtruc-khac", "standing_office", unit=elsewhere)
    assert not htcds_cases(unit=province, start=START, end=END, acting_user=other).exists()
    with pytest.raises(HtcdsRefused):
        htcds_export(unit=province, start=START, end=END, purpose="report", acting_user=other)


def test_no_age_band_straddles_majority_and_every_province_has_a_region():
    majority = spec()["codes"]["majority_age"]
    for low, high, _code in spec()["codes"]["age_bands"]:
        assert low >= majority or (high is not None and high < majority)
    assert age_band(8) == "0--8" and age_band(17) == "9--17" and age_band(60) == "48+"
    provinces = set(
        Unit.objects.valid_on(TODAY).filter(level=Level.PROVINCE).values_list("code", flat=True)
    )
    assert set(spec()["province_region"]) == provinces


def test_no_personal_field_is_read():
    personal = set(personal_fields(Case)) | set(Case.BLIND_INDEXES) | {"code", "owner"}
    assert {f.split("__")[0] for f in _FIELDS} & personal == set()


# --- the page and the command --------------------------------------------------------------------


def _post(province: Unit, **changes) -> dict:
    return {
        "unit": str(province.code),
        "unit_text": province.name,
        "date_from": START.strftime("%d/%m/%Y"),
        "date_to": END.strftime("%d/%m/%Y"),
        "purpose": "report",
        "fmt": "csv",
        "counterpart": "",
        "counterpart_country": "",
        "k": "",
        **changes,
    }


def test_the_page_exports_for_the_standing_office(province, office):
    client = Client()
    log_in(client, office)
    page = client.get("/ho-so/htcds/")
    assert page.status_code == 200 and "HTCDS" in page.content.decode()
    response = client.post("/ho-so/htcds/", _post(province))
    assert response.status_code == 200, response.content.decode()[:2000]
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    entry = AuditEntry.objects.get(action=ACTION)
    assert entry.actor == office and entry.file_hash == hashlib.sha256(response.content).hexdigest()
    assert_nothing_personal(response.content.decode("utf-8"))


def test_the_page_shows_the_refusal_and_writes_nothing(province, office):
    client = Client()
    log_in(client, office)
    short = _post(province, date_from=date(2026, 11, 1).strftime("%d/%m/%Y"))
    response = client.post("/ho-so/htcds/", short)
    assert response.status_code == 200 and "text/html" in response["Content-Type"]
    assert 'role="alert"' in response.content.decode() and "k = 11" in response.content.decode()
    outside = _post(province, unit="51", unit_text="Tỉnh Quảng Ngãi")
    assert "text/html" in client.post("/ho-so/htcds/", outside)["Content-Type"]
    assert not AuditEntry.objects.filter(action=ACTION).exists()


@pytest.mark.parametrize("role", ["agency_officer", "case_worker", "agency_leader"])
def test_a_role_without_the_permission_gets_403_and_nothing_is_logged(province, role):
    user = make_user(f"khong-quyen-{role}", role, agency="qng-syt-2025")
    client = Client()
    if role == "case_worker":  # sees personal data: logs in with a second factor
        log_in(client, user, add_totp(user))
    else:
        log_in(client, user)
    before = AuditEntry.objects.count()
    assert client.get("/ho-so/htcds/").status_code == 403
    assert client.post("/ho-so/htcds/", _post(province)).status_code == 403
    assert AuditEntry.objects.count() == before


def test_the_command_writes_the_file_and_refuses_with_the_reason(province, tmp_path):
    target = tmp_path / "htcds.json"
    out = StringIO()
    call_command(
        "htcds_export",
        f"--unit={province.code}",
        f"--from={START.isoformat()}",
        f"--to={END.isoformat()}",
        "--format=json",
        f"--output={target}",
        stdout=out,
    )
    body = json.loads(target.read_bytes())
    assert min(qi_classes(body["records"]).values()) >= 11
    entry = AuditEntry.objects.get(action=ACTION)
    assert (
        entry.actor is None and entry.file_hash == hashlib.sha256(target.read_bytes()).hexdigest()
    )
    assert str(body["anonymisation"]["records_released"]) in out.getvalue()
    with pytest.raises(CommandError, match="k = 11"):
        call_command(
            "htcds_export",
            f"--unit={province.code}",
            "--from=2026-11-01",
            f"--to={END.isoformat()}",
            f"--output={tmp_path / 'x.csv'}",
        )


# --- review of issue 26: what the file names, and the period -------------------------------------


def _below(province: Unit) -> Unit:
    """A unit inside the province (a commune or district its cases live in)."""
    home = Case.objects.exclude(home_unit__level=Level.PROVINCE).values_list("home_unit", flat=True)
    return Unit.objects.filter(pk__in=home[:1]).get()


def test_a_unit_below_a_province_is_refused_by_the_service_the_page_and_the_command(
    province, office, tmp_path
):
    """A file of one commune's cases, headed by the commune's name, would say where each of its
    people lives: exports name a province only (review 26, finding 1)."""
    below = _below(province)
    with pytest.raises(HtcdsRefused, match="tỉnh, thành phố"):
        htcds_export(unit=below, start=START, end=END, purpose="report", acting_user=office)
    client = Client()
    log_in(client, office)
    response = client.post("/ho-so/htcds/", _post(below, unit_text=below.name))
    assert "text/html" in response["Content-Type"]
    with pytest.raises(CommandError, match="tỉnh, thành phố"):
        call_command(
            "htcds_export",
            f"--unit={below.name}",
            f"--from={START.isoformat()}",
            f"--to={END.isoformat()}",
            f"--output={tmp_path / 'x.csv'}",
        )
    assert not AuditEntry.objects.filter(action=ACTION).exists()


def test_the_header_and_the_file_name_name_the_province(province, office):
    export = htcds_export(unit=province, start=START, end=END, purpose="report", acting_user=office)
    header, _records = read_csv(export.data)
    assert header["unit"] == province.name
    assert export.name == attachment_name("htcds", province.name, 2023, 2026, ext="csv")


def test_the_period_is_whole_calendar_years_so_exports_cannot_be_differenced(province, office):
    """[START, d-1] and [START, d] would differ by the cases received on day d: both are
    exported as the whole years they touch, the same file (review 26, finding 2)."""
    day = date(2026, 6, 15)
    before = day - timedelta(days=1)
    first = htcds_export(
        unit=province, start=START, end=before, purpose="report", acting_user=office
    )
    second = htcds_export(unit=province, start=START, end=day, purpose="report", acting_user=office)
    assert first.data == second.data
    header, _records = read_csv(second.data)
    assert header["period"] == "2023-01-01--2026-12-31"
    entry = AuditEntry.objects.filter(action=ACTION).latest("pk")
    assert entry.changes["start"][1] == "2023-01-01" and entry.changes["end"][1] == "2026-12-31"
    # The cases read are those of the whole years, whatever day the request started on.
    whole = htcds_cases(
        unit=province, start=date(2023, 1, 1), end=date(2026, 12, 31), acting_user=office
    )
    assert second.result.total == whole.count()


# --- review of issue 26: the names checked against the standard, the exploitation mix -------------

# CTDC's global dataset header (globaldataset_20200414.csv), in its order, after its unnamed
# first column; then the HTCDS 2.0 fields (Toolkit/Survey/htcds_xlsform.xml of
# UNMigration/HTCDS @2606448) and ctip's homeArea. docs/htcds-export.md names the sources.
# HTCDS Field Reference.md @38195b9, vic_MethodsOfControl value names.
METHODS_OF_CONTROL = [
    "DebtBondage",
    "TakesEarnings",
    "RestrictsFinancialAccess",
    "Threats",
    "PsychologicalAbuse",
    "PhysicalAbuse",
    "SexualAbuse",
    "FalsePromises",
    "PsychoactiveSubstances",
    "RestrictsMovement",
    "RestrictsMedicalCare",
    "ExcessiveWorkingHours",
    "UsesChildren",
    "ThreatOfLawEnforcement",
    "WithholdsNecessities",
    "WithholdsDocuments",
    "Other",
]
CTDC_COLUMNS = (
    ["yearOfRegistration", "Datasource", "gender", "ageBroad", "majorityStatus"]
    + ["majorityStatusAtExploit", "majorityEntry", "citizenship"]
    + [f"meansOfControl{n}" for n in [*METHODS_OF_CONTROL, "NotSpecified", "Concatenated"]]
    + ["isForcedLabour", "isSexualExploit", "isOtherExploit", "isSexAndLabour"]
    + ["isForcedMarriage", "isForcedMilitary", "isOrganRemoval", "isSlaveryAndPractices"]
    + ["typeOfExploitConcatenated"]
    + [
        f"typeOfLabour{n}"
        for n in [
            "Agriculture",
            "Aquafarming",
            "Begging",
            "Construction",
            "DomesticWork",
            "Hospitality",
            "IllicitActivities",
            "Manufacturing",
            "MiningOrDrilling",
            "Peddling",
            "Transportation",
            "Other",
            "NotSpecified",
            "Concatenated",
        ]
    ]
    + [
        f"typeOfSex{n}"
        for n in [
            "Prostitution",
            "Pornography",
            "RemoteInteractiveServices",
            "PrivateSexualServices",
            "Concatenated",
        ]
    ]
    + ["isAbduction", "RecruiterRelationship", "CountryOfExploitation"]
    + [f"recruiterRelation{n}" for n in ["IntimatePartner", "Friend", "Family", "Other", "Unknown"]]
)
HTCDS_20 = {
    "vic_TraffickingStatus": {
        "PossibleVictimOfTrafficking",
        "ActualVictimOfTrafficking",
        "NotAVictimOfTrafficking",
    },
    "cas_Status": {"Active", "FollowUp", "Closed", "ClosedReferred"},
    "vic_MethodOfRecruitment": set(
        [
            "AtAPlaceOfBusiness",
            "AtAnEducationalInstitution",
            "AtWork",
            "ThroughOnlineSocialNetworks",
            "ThroughAnOnlineAdvertisement",
            "ThroughATelevisionAdvert",
            "ThroughANewspaperAdvert",
            "ThroughFamilyOrFamilyEvents",
            "ThroughFriendsOrSocialEvents",
            "Other",
        ]
    ),
    "typeOfExploitConcatenated": set(
        [
            "ForcedLabour",
            "SexualExploitation",
            "ChildLabour",
            "ForcedMarriage",
            "Servitude",
            "ForcedMilitaryByNonStateActors",
            "OrganRemoval",
            "ForcedBegging",
            "ForcedAdoption",
            "Surrogacy",
            "Other",
        ]
    ),
}


def test_the_columns_and_codes_are_those_checked_against_ctdc_and_htcds_2():
    htcds = ["vic_TraffickingStatus", "cas_Status", "vic_MethodOfRecruitment"]
    assert spec()["columns"] == ["recordNumber", *CTDC_COLUMNS, *htcds, "homeArea"]
    codes = spec()["codes"]
    assert codes["means_of_control_names"] == METHODS_OF_CONTROL
    assert {n for ns in codes["means_of_control"].values() for n in ns} <= set(METHODS_OF_CONTROL)
    assert set(codes["trafficking_status"].values()) <= HTCDS_20["vic_TraffickingStatus"]
    statuses = {*codes["case_status"].values(), codes["case_status_default"]}
    assert statuses <= HTCDS_20["cas_Status"]
    methods = {*codes["method_of_recruitment"].values(), codes["method_of_recruitment_default"]}
    assert methods <= HTCDS_20["vic_MethodOfRecruitment"]
    assert set(codes["exploitation_types"].values()) <= HTCDS_20["typeOfExploitConcatenated"]
    flags = {flag for flag, _class in codes["exploitation_type_flags"].values()}
    assert flags | {"isSexAndLabour"} == set(codes["exploitation_flags"]) <= set(CTDC_COLUMNS)


def _released(ladder, value):
    """A recorded mix as released at each level of its ladder: (value, flags)."""
    return [
        (lvl.group(value), ladder.companion_values(lvl, lvl.group(value))) for lvl in ladder.levels
    ]


def test_the_exploitation_flags_never_say_more_than_the_level():
    ladder = exploitation_ladder(["forms", "class", "withheld"])
    marriage, organs = (
        exploitation_types(["forced_marriage"]),
        exploitation_types(["organ_removal"]),
    )
    both = exploitation_types(["sexual", "forced_labour"])
    sexual_other = exploitation_types(["sexual", "child_sale"])
    # As recorded: forced online scamming is forced labour; the flags spell the mix out.
    assert exploitation_types(["online_scam"]) == "ForcedLabour"
    forms = _released(ladder, both)[0]
    assert forms[0] == "ForcedLabour;SexualExploitation"
    assert forms[1]["isSexAndLabour"] == forms[1]["isForcedLabour"] == 1
    # A class: two mixes of one class are released alike, value and flags.
    assert _released(ladder, marriage)[1] == _released(ladder, organs)[1]
    assert _released(ladder, both)[1] == _released(ladder, sexual_other)[1]
    assert _released(ladder, both)[1][1]["isSexAndLabour"] == -99
    # Withheld: nothing.
    for mix in (marriage, organs, both, sexual_other, -99):
        value, flags = _released(ladder, mix)[2]
        assert value == -99 and set(flags.values()) == {-99}


def test_a_unique_mix_of_forms_is_not_released_with_that_mix(province, office):
    """One case alone has sexual exploitation, forced labour, removal of organs and surrogacy.
    Its class on the other quasi-identifiers has k records, so without the mix as a
    quasi-identifier it would be released with that mix, found by anyone who knows it."""
    case_id = (
        htcds_cases(unit=province, start=START, end=END, acting_user=office)
        .order_by("pk")
        .values_list("pk", flat=True)[0]
    )
    CaseExploitation.objects.filter(case_id=case_id).delete()
    forms = ["sexual", "forced_labour", "organ_removal", "surrogacy"]
    CaseExploitation.objects.bulk_create(CaseExploitation(case_id=case_id, form=f) for f in forms)
    export = htcds_export(
        unit=province, start=START, end=END, purpose="report", acting_user=office, standard="ctdc"
    )
    header, records = read_csv(export.data)
    assert "typeOfExploitConcatenated" in header["quasi_identifiers"]
    level = export.result.levels["typeOfExploitConcatenated"]
    assert f"typeOfExploitConcatenated={level}" in header["levels"]
    assert "isSexualExploit" in header["follow_typeOfExploitConcatenated"]
    assert exploitation_types(forms) not in {r["typeOfExploitConcatenated"] for r in records}
    fingerprint = ("isSexualExploit", "isForcedLabour", "isOrganRemoval", "isOtherExploit")
    assert not [r for r in records if all(r[f] == "1" for f in fingerprint)]
    # Every record's flags are those of its released value at the released level.
    ladder = exploitation_ladder(["forms", "class", "withheld"])
    derive = ladder.levels[ladder.index(level)].derive
    for record in records:
        value = record["typeOfExploitConcatenated"]
        flags = derive(-99 if value == "-99" else value)
        assert {f: str(v) for f, v in flags.items()} == {f: record[f] for f in flags}
    assert min(qi_classes(records, "ctdc").values()) >= 11


# --- the column vocabularies: HTCDS 2.0 names and codes by default, CTDC's on request ------------

# The header of the default export: the de-identified columns under CTDC's/ctip's names (HTCDS
# holds a birth date and full records, not these), then the HTCDS 2.0 fields in the order of
# Toolkit/Survey/htcds_xlsform.xml (UNMigration/HTCDS @2606448).
HTCDS_HEADER = [
    "recordNumber",
    "yearOfRegistration",
    "ageBroad",
    "majorityStatus",
    "majorityStatusAtExploit",
    "homeArea",
    "prs_Gender",
    "prs_Citizenship",
    "vic_MethodOfRecruitment",
    "vic_TraffickingStatus",
    "vic_Methods_of_Control",
    "vic_TypeOfExploitation",
    "vic_ForcedLabourIndustry",
    "vic_TypeOfSexExploitation",
    "vic_LocationOfExploitation",
    "cas_Status",
]
# The value names of htcds_xlsform.xml @2606448.
HTCDS_20_GENDER = {
    "Feminine",
    "Masculine",
    "TransgenderFeminine",
    "TransgenderMasculine",
    "NonConforming",
    "NonSpecifiedUnknown",
}
HTCDS_20_METHODS_OF_CONTROL = {
    "PhysicalThreats",
    "ThreatsLawEnforcement",
    "ThreatensChildrenFamily",
    "DebtBondage",
    "FalsePromises",
    "PhysicalAbuse",
    "SexualAbuse",
    "TakesEarnings",
    "RestrictsFinancialAccess",
    "RestrictsMedicalCare",
    "WithholdsNecessities",
    "PsychologicalAbuse",
    "PsychoactiveSubstance",
    "ExcessiveWorkingHours",
    "WithholdsDocuments",
    "Other",
}
HTCDS_QUASI_IDENTIFIERS = (
    "yearOfRegistration, prs_Gender, ageBroad, majorityStatusAtExploit, prs_Citizenship, "
    "vic_LocationOfExploitation, homeArea, vic_TypeOfExploitation"
)


def _json_export(province: Unit, office, **options) -> tuple[dict, list[dict], object]:
    export = htcds_export(
        unit=province,
        start=START,
        end=END,
        purpose="report",
        fmt="json",
        acting_user=office,
        **options,
    )
    body = json.loads(export.data)
    return body["anonymisation"], body["records"], export


def test_the_default_export_has_the_htcds_2_names_and_codes(province, office):
    export = htcds_export(unit=province, start=START, end=END, purpose="report", acting_user=office)
    header, records = read_csv(export.data)
    assert list(records[0]) == HTCDS_HEADER
    genders = Counter(r["prs_Gender"] for r in records)
    assert set(genders) <= HTCDS_20_GENDER and genders["Feminine"] and genders["Masculine"]
    methods = {p for r in records for p in r["vic_Methods_of_Control"].split(";")} - {"-99"}
    assert methods and methods <= HTCDS_20_METHODS_OF_CONTROL, methods
    # Multi-select values joined with ";" and sorted, as HTCDS's v2.0 spreadsheets store them.
    for record in records:
        parts = record["vic_Methods_of_Control"].split(";")
        assert parts == sorted(set(parts))
    assert {r["vic_ForcedLabourIndustry"] for r in records} == {"-99"}
    assert {r["vic_TypeOfSexExploitation"] for r in records} == {"-99"}
    assert header["vocabulary"] == "htcds" and "HTCDS 2.0" in header["standard"]
    assert min(qi_classes(records).values()) >= 11
    entry = AuditEntry.objects.get(action=ACTION)
    assert entry.changes["standard"] == [None, "htcds"]
    assert_nothing_personal(export.data.decode("utf-8"))


def test_both_vocabularies_release_the_same_records_at_the_same_levels(province, office):
    ctdc_meta, ctdc, ctdc_export = _json_export(province, office, standard="ctdc")
    htcds_meta, htcds, htcds_export_ = _json_export(province, office, standard="htcds")
    # The ctdc vocabulary is today's file: CTDC's columns and three HTCDS 2.0 fields.
    columns = ["recordNumber", *CTDC_COLUMNS]
    columns += ["vic_TraffickingStatus", "cas_Status", "vic_MethodOfRecruitment", "homeArea"]
    assert list(ctdc[0]) == columns == spec()["columns"]
    assert {r["gender"] for r in ctdc} == {"Female", "Male"}
    # The same release: records, levels, what was suppressed; then the same rows once mapped.
    assert ctdc_export.result.levels == htcds_export_.result.levels
    assert ctdc_export.result.released == htcds_export_.result.released == len(htcds)
    assert ctdc_export.result.suppressed == htcds_export_.result.suppressed
    assert htcds_module.apply_vocabulary(ctdc, "htcds") == htcds
    for key in ("records_released", "records_suppressed", "smallest_class", "k"):
        assert ctdc_meta[key] == htcds_meta[key]
    assert Counter(qi_classes(ctdc, "ctdc").values()) == Counter(qi_classes(htcds).values())
    standards = AuditEntry.objects.filter(action=ACTION).values_list("changes", flat=True)
    assert sorted(changes["standard"][1] for changes in standards) == ["ctdc", "htcds"]


@pytest.mark.parametrize("standard", ["htcds", "ctdc"])
def test_the_anonymisation_header_uses_the_vocabularys_names(province, office, standard):
    meta, records, export = _json_export(province, office, standard=standard)
    names = set(records[0])
    quasi = meta["quasi_identifiers"].split(", ")
    assert set(quasi) <= names
    for key in ("levels", "generalised"):
        named = [part.partition("=")[0] for part in meta[key].split(", ")]
        assert set(named) <= set(quasi), (key, named)
    assert export.result.generalised  # the synthetic province is generalised: names are shown
    follow = [key for key in meta if key.startswith("follow_")]
    if standard == "htcds":
        assert meta["quasi_identifiers"] == HTCDS_QUASI_IDENTIFIERS
        # HTCDS has no is... flags: the exploitation is vic_TypeOfExploitation alone.
        assert follow == [] and not [n for n in names if n.startswith("is")]
        levels = [part.partition("=")[0] for part in meta["levels"].split(", ")]
        assert levels == quasi  # prs_Gender=..., vic_TypeOfExploitation=..., never CTDC's names
    else:
        assert quasi == list(spec()["quasi_identifiers"])
        assert follow == ["follow_typeOfExploitConcatenated"]
        assert set(meta[follow[0]].split(", ")) <= names


def test_the_page_and_the_command_offer_both_vocabularies(province, office, tmp_path):
    client = Client()
    log_in(client, office)
    page = client.get("/ho-so/htcds/").content.decode()
    select = re.search(r'<select name="standard"[^>]*>(.*?)</select>', page, re.S)
    assert select, page[:3000]
    options = re.findall(r'<option value="(\w+)"( selected)?', select.group(1))
    assert options == [("htcds", " selected"), ("ctdc", "")]
    response = client.post("/ho-so/htcds/", _post(province, standard="ctdc"))
    assert response["Content-Type"].startswith("text/csv")
    header, records = read_csv(response.content)
    assert list(records[0]) == spec()["columns"] and header["vocabulary"] == "ctdc"
    assert AuditEntry.objects.get(action=ACTION).changes["standard"][1] == "ctdc"
    target = tmp_path / "htcds.json"
    for standard, columns in (("ctdc", spec()["columns"]), ("htcds", HTCDS_HEADER)):
        call_command(
            "htcds_export",
            f"--unit={province.code}",
            f"--from={START.isoformat()}",
            f"--to={END.isoformat()}",
            "--format=json",
            f"--standard={standard}",
            f"--output={target}",
            stdout=StringIO(),
        )
        assert json.loads(target.read_bytes())["columns"] == columns
    with pytest.raises(HtcdsRefused):
        htcds_export(
            unit=province,
            start=START,
            end=END,
            purpose="report",
            acting_user=office,
            standard="htcds-1.0",
        )


def test_the_vocabularies_are_the_fixtures_and_recode_into_htcds_2_value_names():
    assert set(htcds_module.VOCABULARIES) == set(spec()["vocabularies"])
    assert htcds_module.DEFAULT_STANDARD == "htcds"
    htcds = spec()["vocabularies"]["htcds"]
    assert list(htcds["columns"]) == HTCDS_HEADER
    for standard in htcds_module.VOCABULARIES:
        assert len(quasi_identifiers(standard)) == len(spec()["quasi_identifiers"])
    values = htcds["values"]
    assert set(values["prs_Gender"].values()) <= HTCDS_20_GENDER
    assert set(spec()["codes"]["gender"].values()) <= set(values["prs_Gender"])
    # Every means of control CTDC names has an HTCDS 2.0 value name, recoded or the same.
    recoded = {values["vic_Methods_of_Control"].get(n, n) for n in METHODS_OF_CONTROL}
    assert recoded <= HTCDS_20_METHODS_OF_CONTROL
    # Recoding a multi-select value: parts recoded, merged, sorted; a generalised value as it is.
    row = {c: -99 for c in spec()["columns"]}
    row.update(
        gender="Female",
        meansOfControlConcatenated="PhysicalAbuse;RestrictsMovement;Threats",
        typeOfExploitConcatenated="Several",
        CountryOfExploitation="Abroad",
        citizenship="Other",
    )
    (out,) = htcds_module.apply_vocabulary([row], "htcds")
    assert out["prs_Gender"] == "Feminine"
    assert out["vic_Methods_of_Control"] == "Other;PhysicalAbuse;PhysicalThreats"
    assert out["vic_TypeOfExploitation"] == "Several"
    assert out["vic_LocationOfExploitation"] == "Abroad" and out["prs_Citizenship"] == "Other"
    assert htcds_module.apply_vocabulary([row], "ctdc") == [row]
