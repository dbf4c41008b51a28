"""The reporting loop at service level, on both databases: request → assignments →
contributions (one returned and resubmitted, one late) → completeness → compile → issue with a
number → the issued report is frozen → a correction in the locked period, with its effect."""

import json
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ctip.agencies.models import Agency
from ctip.core.models import AuditEntry
from ctip.geo.models import Level
from ctip.indicators.queries import compute
from ctip.periods.locks import LockedPeriodError
from ctip.prevention.import_batch import import_file
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Activity
from ctip.prevention.services import activity_delete, activity_update
from ctip.reporting.contributions import (
    contribution_decide,
    contribution_figures,
    contribution_save,
    contribution_sign_off,
    contributions_assign,
    overdue,
)
from ctip.reporting.errors import ReportError
from ctip.reporting.indicators import COMPLETENESS
from ctip.reporting.issuing import (
    content_hash,
    report_issue,
    report_redraft,
    report_scan_attach,
)
from ctip.reporting.models import (
    Compilation,
    Contribution,
    Correction,
    OutgoingNumber,
    Report,
    ReportTemplate,
)
from ctip.reporting.services import (
    compilation_start,
    report_create,
    report_narratives_set,
    report_request_register,
)
from ctip.reporting.states import ContributionState
from tests.conftest import unit
from tests.helpers import activity_row, make_user, written_out

pytestmark = pytest.mark.django_db
NEW = date(2026, 1, 1)
START, END = date(2026, 1, 1), date(2026, 6, 30)
PDF = b"%PDF-1.4\n%scan\n"


def province():
    return unit(51, Level.PROVINCE, NEW)


@pytest.fixture
def people():
    office = make_user("thuongtruc", "standing_office", agency="qng-ca-2025", unit=province())
    return {
        "office": office,
        "ca": make_user("congan", "agency_officer", agency="qng-ca-2025"),
        "ca_leader": make_user("lanhdaoca", "agency_leader", agency="qng-ca-2025"),
        "bp": make_user("bienphong", "agency_officer", agency="qng-bdbp-2025"),
        "bp_leader": make_user("lanhdaobp", "agency_leader", agency="qng-bdbp-2025"),
    }


def import_rows(*rows):
    return import_file(name="a.json", data=json.dumps(list(rows)).encode(), acting_user=None)


@pytest.fixture
def data():
    import_rows(
        activity_row(
            agency="qng-ca-2025",
            start_date="2026-03-10",
            end_date="2026-03-10",
            unit=51,
            sessions=12,
            participants=900,
        ),
        activity_row(
            agency="qng-bdbp-2025",
            start_date="2026-04-02",
            end_date="2026-04-02",
            unit=51,
            sessions=5,
            participants=300,
        ),
    )


def register(office, **changes):
    spec = {
        "number_symbol": "15/BCĐ-VP",
        "date_issued": date(2026, 7, 1),
        "issuer": "Ban Chỉ đạo 138 Bộ Công an",
        "template": ReportTemplate.objects.get(code="six-month"),
        "unit": province(),
        "period_start": START,
        "period_end": END,
        "deadline": date(2026, 7, 31),
        "acting_user": office,
        **changes,
    }
    return report_request_register(**spec)


def agencies(*codes):
    return [Agency.objects.get(code=c) for c in codes]


def completeness(request):
    rows = compute(
        list(COMPLETENESS),
        unit=request.unit,
        start=request.date,
        end=request.date,
        where={"request": request.pk},
    )
    return {r["indicator"].split("_", 1)[1]: r["value"] for r in rows}


def issued_six_month(office):
    """The first half of 2026 reported and issued (without a request)."""
    report = report_create(
        template=ReportTemplate.objects.get(code="six-month"),
        unit=province(),
        period_start=START,
        period_end=END,
        acting_user=office,
    )
    draft = written_out(compilation_start(report=report, acting_user=office, run_now=True))
    return report_issue(
        report=report, compilation=draft, issue_date=date(2026, 7, 25), acting_user=office
    )


def test_the_full_loop(people, data):
    office = people["office"]
    request = register(office)
    ca, bp = contributions_assign(
        request=request,
        agencies=agencies("qng-ca-2025", "qng-bdbp-2025"),
        deadline=date(2026, 7, 20),
        acting_user=office,
    )
    # Each agency sees its own figures, from the indicators.
    figures = {f["indicator"]: f["value"] for f in contribution_figures(ca)}
    assert figures["prevention.sessions"] == 12
    assert {f["indicator"]: f["value"] for f in contribution_figures(bp)}[
        "prevention.sessions"
    ] == 5

    # Police: drafted, signed off on time, returned, corrected, signed off again, accepted.
    contribution_save(
        contribution=ca, narratives={"situation": "Tình hình ổn định."}, acting_user=people["ca"]
    )
    Contribution.objects.filter(pk=ca.pk).update(deadline=timezone.localdate())
    contribution_sign_off(contribution=ca, acting_user=people["ca_leader"])
    contribution_decide(contribution=ca, accept=False, comment="Bổ sung số vụ.", acting_user=office)
    ca.refresh_from_db()
    assert ca.state == ContributionState.RETURNED and ca.times_returned == 1
    contribution_save(
        contribution=ca,
        narratives={"situation": "Tình hình ổn định; phát hiện 2 vụ."},
        acting_user=people["ca"],
    )
    contribution_sign_off(contribution=ca, acting_user=people["ca_leader"])
    contribution_decide(contribution=ca, accept=True, acting_user=office)
    rounds = list(ca.rounds.order_by("number").values_list("decision", "comment"))
    assert rounds == [("returned", "Bổ sung số vụ."), ("accepted", "")]

    # Border guard: late (its internal deadline passed before the leader signed).
    Contribution.objects.filter(pk=bp.pk).update(deadline=date(2026, 7, 20))
    assert list(overdue(Contribution.objects.all())) == [bp]
    contribution_save(
        contribution=bp, narratives={"next": "Tuần tra biên giới."}, acting_user=people["bp"]
    )
    contribution_sign_off(contribution=bp, acting_user=people["bp_leader"])
    contribution_decide(contribution=bp, accept=True, acting_user=office)

    assert completeness(request) == {
        "expected": 2,
        "submitted": 2,
        "on_time": 1,
        "returned": 1,
        "accepted": 2,
    }

    # Compile from the accepted contributions; the draft leaves the number blank.
    report = report_create(
        template=request.template,
        unit=request.unit,
        period_start=START,
        period_end=END,
        request=request,
        acting_user=office,
    )
    draft = compilation_start(report=report, acting_user=office, run_now=True)
    texts = [" ".join(s[0] for s in p["segments"]) for p in draft.result["body"]]
    # The police's accepted words stand under its name in a section left to the agencies.
    assert "- Công an tỉnh: Tình hình ổn định; phát hiện 2 vụ." in texts
    # The last paragraph, the border guard's accepted words under its name, closed.
    assert texts[-1].startswith("- Ban Chỉ huy Bộ đội Biên phòng tỉnh: ")
    assert texts[-1].endswith("Tuần tra biên giới ./.")
    assert draft.result["header"]["number"] == "Số:      /BC-UBND"
    written_out(draft)  # the sections without data written by hand (issue 21's gate)

    # Issue: the next free number of the register (42 was taken by hand earlier this year).
    OutgoingNumber.objects.create(
        unit=report.unit,
        issuer="UBND",
        kind="BC",
        year=2026,
        number=42,
        symbol="42/BC-UBND",
        date=date(2026, 7, 2),
        subject="khác",
    )
    issued = report_issue(
        report=report, compilation=draft, issue_date=date(2026, 7, 25), acting_user=office
    )
    assert issued.number == "43/BC-UBND"
    frozen = issued.issued_compilation
    assert frozen.result["header"]["number"] == "Số: 43/BC-UBND"
    assert issued.content_hash == content_hash(frozen.result)
    assert OutgoingNumber.objects.get(report=issued).number == 43

    # Frozen: no new text, no new compilation, no second number.
    audits = AuditEntry.objects.count()
    with pytest.raises(ReportError):
        report_narratives_set(report=issued, narratives={"next": "x"}, acting_user=office)
    with pytest.raises(ReportError):
        compilation_start(report=issued, acting_user=office, run_now=True)
    with pytest.raises(ReportError):
        report_issue(
            report=issued, compilation=draft, issue_date=date(2026, 7, 26), acting_user=office
        )
    assert AuditEntry.objects.count() == audits
    assert Compilation.objects.filter(report=issued).count() == 2
    assert OutgoingNumber.objects.count() == 2
    report_scan_attach(report=issued, upload=SimpleUploadedFile("s.pdf", PDF), acting_user=office)
    with pytest.raises(ReportError):
        report_scan_attach(
            report=issued, upload=SimpleUploadedFile("s.pdf", PDF), acting_user=office
        )

    # A correction in the locked period needs a reason and is listed with its effect.
    activity = Activity.objects.get(agency__code="qng-ca-2025")
    with pytest.raises(LockedPeriodError):
        activity_delete(activity=activity, acting_user=people["ca"])
    assert Activity.objects.filter(pk=activity.pk).exists()
    assert not Correction.objects.exists()
    activity_delete(
        activity=activity, acting_user=people["ca"], reason="Trùng với hoạt động đã nhập."
    )
    correction = Correction.objects.get()
    assert correction.report == issued and correction.action == "delete"
    moved = {(e["label"], e["where_name"], e["before"], e["after"]) for e in correction.effect}
    police = "Công an tỉnh"  # as the province's own report names it
    assert moved == {
        ("Số buổi tuyên truyền, tập huấn", police, 12, 0),
        ("Số lượt người tham dự", police, 900, 0),
    }
    # The issued report itself did not move.
    issued.refresh_from_db()
    assert issued.content_hash == content_hash(issued.issued_compilation.result)

    # Compiling again makes a new draft, which shows the correction.
    again = report_redraft(report=issued, acting_user=office)
    assert again.pk != issued.pk and not again.issued and again.number == ""
    result = compilation_start(report=again, acting_user=office, run_now=True).result
    lines = [" ".join(s[0] for s in p["segments"]) for p in result["body"]]
    listed = [line for line in lines if "43/BC-UBND" in line]
    assert listed and "Trùng với hoạt động đã nhập" in listed[0] and "12 → 0" in listed[0]
    assert result["corrections"] == [correction.pk]


def test_hand_numbers_and_dates_are_checked(people, data):
    office = people["office"]
    request = register(office)
    report = report_create(
        template=request.template,
        unit=request.unit,
        period_start=START,
        period_end=END,
        request=request,
        acting_user=office,
    )
    draft = written_out(compilation_start(report=report, acting_user=office, run_now=True))
    OutgoingNumber.objects.create(
        unit=report.unit,
        issuer="UBND",
        kind="BC",
        year=2026,
        number=7,
        symbol="7/BC-UBND",
        date=date(2026, 7, 2),
        subject="khác",
    )
    for bad in (
        {"number": 7, "issue_date": date(2026, 7, 25)},
        {"number": 0, "issue_date": date(2026, 7, 25)},
        {"number": 8, "issue_date": date(2026, 6, 1)},
        {"number": 8, "issue_date": timezone.localdate() + timedelta(days=1)},
    ):
        with pytest.raises(ReportError):
            report_issue(report=report, compilation=draft, acting_user=office, **bad)
    report.refresh_from_db()
    assert not report.issued and OutgoingNumber.objects.count() == 1
    issued = report_issue(
        report=report,
        compilation=draft,
        issue_date=date(2026, 7, 25),
        number=8,
        acting_user=office,
    )
    assert issued.number == "8/BC-UBND"


def test_who_may_do_what_and_nothing_changes_when_refused(people, data):
    office = people["office"]
    request = register(office)
    with pytest.raises(ReportError):
        contributions_assign(
            request=request,
            agencies=agencies("qng-ca-2025"),
            deadline=date(2026, 7, 20),
            acting_user=people["ca"],
        )
    with pytest.raises(ReportError):  # after the request's own deadline
        contributions_assign(
            request=request,
            agencies=agencies("qng-ca-2025"),
            deadline=date(2026, 8, 20),
            acting_user=office,
        )
    assert not Contribution.objects.exists()
    (ca,) = contributions_assign(
        request=request,
        agencies=agencies("qng-ca-2025"),
        deadline=date(2026, 7, 20),
        acting_user=office,
    )
    refused = [
        lambda: contribution_save(
            contribution=ca, narratives={"next": "x"}, acting_user=people["bp"]
        ),
        lambda: contribution_save(
            contribution=ca, narratives={"nope": "x"}, acting_user=people["ca"]
        ),
        lambda: contribution_sign_off(contribution=ca, acting_user=people["ca"]),
        lambda: contribution_sign_off(contribution=ca, acting_user=people["bp_leader"]),
        lambda: contribution_decide(contribution=ca, accept=True, acting_user=office),
    ]
    for attempt in refused:
        with pytest.raises(ReportError):
            attempt()
    ca.refresh_from_db()
    assert ca.state == ContributionState.ASSIGNED and ca.narratives == {}
    assert not ca.rounds.exists()
    contribution_sign_off(contribution=ca, acting_user=people["ca_leader"])
    with pytest.raises(ReportError):  # a return needs a comment
        contribution_decide(contribution=ca, accept=False, acting_user=office)
    with pytest.raises(ReportError):  # the agency cannot accept its own part
        contribution_decide(contribution=ca, accept=True, acting_user=people["ca_leader"])
    ca.refresh_from_db()
    assert ca.state == ContributionState.SUBMITTED


def test_locked_periods_refuse_imports_and_silent_edits(people, data):
    office = people["office"]
    report = issued_six_month(office)
    row = activity_row(
        agency="qng-ca-2025", start_date="2026-05-10", end_date="2026-05-10", unit=51
    )
    with pytest.raises(ImportRejected) as refused:
        import_rows(row, {**row, "start_date": "2026-07-10", "end_date": "2026-07-10"})
    assert any("1/BC-UBND" in e for e in refused.value.errors)
    assert Activity.objects.count() == 2
    # Outside the period: no reason needed, no correction listed.
    assert import_rows({**row, "start_date": "2026-07-10", "end_date": "2026-07-10"}) == 1
    activity = Activity.objects.get(agency__code="qng-bdbp-2025")
    from ctip.prevention.import_checks import check_rows

    spec = check_rows(
        [
            {
                **activity_row(
                    agency="qng-bdbp-2025",
                    unit=51,
                    sessions=6,
                    participants=300,
                    start_date="2026-04-02",
                    end_date="2026-04-02",
                )
            }
        ],
        locked_ok=True,
    )[0]
    with pytest.raises(LockedPeriodError):
        activity_update(activity=activity, spec=spec, acting_user=people["bp"])
    activity.refresh_from_db()
    assert activity.sessions == 5 and not Correction.objects.exists()
    activity_update(activity=activity, spec=spec, acting_user=people["bp"], reason="Sai số buổi.")
    effect = Correction.objects.get().effect
    assert [(e["label"], e["issued"], e["before"], e["after"]) for e in effect] == [
        ("Số buổi tuyên truyền, tập huấn", "5", 5, 6)
    ]
    assert Report.objects.get(pk=report.pk).issued


def test_remind_mails_agencies_and_the_standing_office(people, mailoutbox):
    from io import StringIO

    from django.core.management import call_command

    make_user("canbo-ca", "agency_officer", agency="qng-ca-2025", email="ca@qn.gov.vn")
    make_user("canbo-bp", "agency_officer", agency="qng-bdbp-2025", email="bp@qn.gov.vn")
    make_user("tt", "standing_office", unit=province(), email="tt@qn.gov.vn")
    request = register(people["office"])
    ca, bp = contributions_assign(
        request=request,
        agencies=agencies("qng-ca-2025", "qng-bdbp-2025"),
        deadline=date(2026, 7, 20),
        acting_user=people["office"],
    )
    today = timezone.localdate()
    Contribution.objects.filter(pk=ca.pk).update(deadline=today + timedelta(days=1))
    call_command("remind", stdout=StringIO())
    mails = {tuple(m.to): m.body for m in mailoutbox}
    assert "sắp đến hạn" in mails[("ca@qn.gov.vn",)]
    assert "QUÁ HẠN" in mails[("bp@qn.gov.vn",)]
    office = mails[("tt@qn.gov.vn",)]
    assert "Ban Chỉ huy Bộ đội Biên phòng" in office and "Công an" not in office
    mailoutbox.clear()
    contribution_sign_off(contribution=bp, acting_user=people["bp_leader"])
    Contribution.objects.filter(pk=ca.pk).update(deadline=today + timedelta(days=5))
    call_command("remind", stdout=StringIO())
    assert not [m for m in mailoutbox if "báo cáo" in m.subject]


def test_criminal_case_corrections_in_a_locked_period(people):
    from ctip.enforcement.checks import EnforcementError
    from ctip.enforcement.models import CriminalCase, Stage, StageEvent
    from ctip.enforcement.services import criminal_case_update
    from ctip.enforcement.stages import stage_advance
    from tests.test_enforcement import _case

    investigator = make_user("dieutra", "investigator", agency="qng-ca-2025")
    case = _case(detected_on=date(2026, 3, 1))
    events = StageEvent.objects.count()
    issued_six_month(people["office"])
    with pytest.raises(EnforcementError, match="lý do"):
        criminal_case_update(case=case, acting_user=investigator, suspects_count=3)
    with pytest.raises(EnforcementError, match="lý do"):
        stage_advance(
            case=case, to_stage=Stage.INSTITUTED, on=date(2026, 4, 1), acting_user=investigator
        )
    assert CriminalCase.objects.get(pk=case.pk).suspects_count == 1
    assert StageEvent.objects.count() == events and not Correction.objects.exists()
    criminal_case_update(
        case=case, acting_user=investigator, suspects_count=3, reason="Bắt thêm hai đối tượng."
    )
    effect = Correction.objects.get().effect
    assert [(e["label"], e["before"], e["after"]) for e in effect] == [("Số đối tượng", 1, 3)]
    # A stage dated after the period needs no reason and lists nothing.
    stage_advance(
        case=case, to_stage=Stage.INSTITUTED, on=date(2026, 7, 2), acting_user=investigator
    )
    assert Correction.objects.count() == 1


def test_accepted_parts_go_where_the_agencys_figures_are(people, data):
    """The police's accepted words on its awareness work follow its own figures in II.2 of the
    six-month report; its words on the situation, a section the office left to the agencies,
    stand under its name; a part not accepted is not printed."""
    office = people["office"]
    request = register(office)
    ca, bp = contributions_assign(
        request=request,
        agencies=agencies("qng-ca-2025", "qng-bdbp-2025"),
        deadline=date(2026, 7, 20),
        acting_user=office,
    )
    contribution_save(
        contribution=ca,
        narratives={"ii1": "Chú trọng địa bàn miền núi.", "situation": "Tình hình ổn định."},
        acting_user=people["ca"],
    )
    contribution_sign_off(contribution=ca, acting_user=people["ca_leader"])
    contribution_decide(contribution=ca, accept=True, acting_user=office)
    contribution_save(
        contribution=bp, narratives={"ii1": "Chưa gửi lời này."}, acting_user=people["bp"]
    )
    report = report_create(
        template=request.template,
        unit=request.unit,
        period_start=request.period_start,
        period_end=request.period_end,
        request=request,
        acting_user=office,
    )
    result = compilation_start(report=report, acting_user=office, run_now=True).result
    lines = ["".join(s[0] for s in p["segments"]) for p in result["body"]]
    police = next(line for line in lines if line.startswith("- Công an tỉnh: Tổ chức"))
    assert "12 buổi tuyên truyền" in police
    assert police.index("12 buổi") < police.index("Chú trọng địa bàn miền núi.")
    assert "- Công an tỉnh: Tình hình ổn định." in lines
    border = next(line for line in lines if line.startswith("- Ban Chỉ huy Bộ đội Biên phòng"))
    assert "Chưa gửi lời này." not in border
