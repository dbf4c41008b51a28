"""The reporting loop in the demo: the review answering 3131/BCA-V03 issued as 207/BC-UBND on
16/10/2023 (so its period is locked: corrections need a reason), and a six-month request for the
first half of 2026 whose agencies' parts stand at every step (accepted after a return, signed
late and waiting, returned, not started and overdue)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from ctip.accounts.models import User
from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry
from ctip.geo.models import Level, Unit
from ctip.reporting import contributions as flow
from ctip.reporting.issuing import report_issue
from ctip.reporting.models import Contribution, Report, ReportTemplate
from ctip.reporting.services import compilation_start, report_create, report_request_register

ACTION = "demo.reporting_workflow"
# The agencies asked for a part of the six-month report: each has a demo officer who writes it
# and a demo leader who signs it off (ctip.ops.demo.accounts; tests/test_demo_accounts.py).
PART_AGENCIES = ("qng-ca-2025", "qng-bdbp-2025", "qng-hlhpn-2025", "qng-syt-2025")


def _user(name: str) -> User:
    return User.objects.get(username=name)


def demo_workflow_ensure() -> int:
    """Once (an audit marker); needs the demo accounts. Returns the parts created."""
    if AuditEntry.objects.filter(action=ACTION).exists():
        return 0
    review = Report.objects.filter(request__number_symbol="3131/BCA-V03", number="").first()
    office = _user("thuongtruc")
    if review is not None:
        compilation = compilation_start(report=review, acting_user=office, run_now=True)
        report_issue(
            report=review,
            compilation=compilation,
            issue_date=date(2023, 10, 16),
            number=207,
            acting_user=office,
        )
    created = _six_month(office)
    with transaction.atomic():
        audit_write(action=ACTION, count=created)
    return created


def _six_month(office: User) -> int:
    province = Unit.objects.valid_on(date(2026, 6, 30)).get(level=Level.PROVINCE, code=51)
    template = ReportTemplate.objects.get(code="six-month")
    request = report_request_register(
        number_symbol="25/BCĐ-VP",
        date_issued=date(2026, 7, 1),
        issuer="Văn phòng Thường trực Ban Chỉ đạo 138/CP",
        subject="kết quả công tác phòng, chống mua bán người sáu tháng đầu năm 2026",
        template=template,
        unit=province,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        deadline=date(2026, 7, 31),
        recipients=["Văn phòng Thường trực Ban Chỉ đạo 138/CP", "Lưu: VT"],
        signing_authority="TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        signer_name="Trần Quốc Hưng",
        acting_user=office,
    )
    agencies = [Agency.objects.get(code=c) for c in PART_AGENCIES]
    ca, bp, women, health = flow.contributions_assign(
        request=request, agencies=agencies, deadline=date(2026, 7, 20), acting_user=office
    )
    flow.contribution_save(
        contribution=ca,
        narratives={"situation": "Tình hình tội phạm mua bán người trên địa bàn cơ bản ổn định."},
        acting_user=_user("congan"),
    )
    flow.contribution_sign_off(contribution=ca, acting_user=_user("lanhdaoca"))
    flow.contribution_decide(
        contribution=ca,
        accept=False,
        comment="Đề nghị nêu rõ số vụ, số đối tượng phát hiện trong kỳ.",
        acting_user=office,
    )
    flow.contribution_save(
        contribution=ca,
        narratives={
            "situation": (
                "Tình hình tội phạm mua bán người trên địa bàn cơ bản ổn định; đối tượng lợi "
                "dụng mạng xã hội để tuyển mộ lao động đi làm việc ở nước ngoài."
            )
        },
        acting_user=_user("congan"),
    )
    flow.contribution_sign_off(contribution=ca, acting_user=_user("lanhdaoca"))
    flow.contribution_decide(contribution=ca, accept=True, acting_user=office)
    # The demo is seeded today, but the police sent its part in time, back in July.
    Contribution.objects.filter(pk=ca.pk).update(
        first_submitted_on=date(2026, 7, 15), submitted_on=date(2026, 7, 22)
    )
    flow.contribution_save(
        contribution=bp,
        narratives={"next": "Tăng cường tuần tra, kiểm soát tuyến biên giới, cửa khẩu."},
        acting_user=_user("bienphong"),
    )
    flow.contribution_sign_off(contribution=bp, acting_user=_user("lanhdaobp"))
    flow.contribution_save(
        contribution=women,
        narratives={"next": "Nhân rộng mô hình “Phụ nữ phòng, chống mua bán người”."},
        acting_user=_user("phunu"),
    )
    report_create(
        template=template,
        unit=province,
        period_start=request.period_start,
        period_end=request.period_end,
        request=request,
        acting_user=office,
    )
    return 4
