"""The header and closing of a state document (Decree 30/2020/NĐ-CP, Appendix I)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from ctip.reporting.models import Report
from ctip.reporting.prose import vn_date, vn_long_date

COMMITTEE = "ủy ban nhân dân"


def authority_lines(authority: str) -> list[str]:
    """ "Ủy ban nhân dân tỉnh Quảng Ngãi" -> ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"], as the
    header prints it; any other authority on one line."""
    if authority.lower().startswith(COMMITTEE) and len(authority) > len(COMMITTEE):
        return [COMMITTEE.upper(), authority[len(COMMITTEE) :].strip().upper()]
    return [authority.upper()]


def number_line(report: Report) -> str:
    """ "Số: 207/BC-UBND"; a draft leaves the number for the records office: "Số:      /BC-UBND"."""
    if report.number:
        return f"Số: {report.number}"
    issuer = "UBND" if report.authority.lower().startswith(COMMITTEE) else ""
    suffix = f"/{report.template.kind}-{issuer}" if issuer else f"/{report.template.kind}"
    return "Số:      " + suffix


def place_date_line(report: Report) -> str:
    if report.report_date:
        return f"{report.place}, {vn_long_date(report.report_date)}"
    return f"{report.place}, ngày      tháng      năm {report.period_end.year}"


def header(report: Report) -> dict[str, Any]:
    request = report.request
    answers = ""
    if request is not None:
        about = f" về {request.subject}" if request.subject else ""
        answers = _(
            "Thực hiện Văn bản số %(number)s ngày %(day)s của %(issuer)s%(about)s, "
            "%(authority)s báo cáo như sau:"
        ) % {
            "number": request.number_symbol,
            "day": vn_date(request.date),
            "issuer": request.issuer,
            "about": about,
            "authority": report.authority,
        }
    signer = [line.strip() for line in report.signing_authority.split("/") if line.strip()]
    return {
        "authority": authority_lines(report.authority),
        "number": number_line(report),
        "place_date": place_date_line(report),
        "nation": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "motto": "Độc lập - Tự do - Hạnh phúc",
        "kind": "BÁO CÁO",
        "subject": report.subject,
        "period": _("(Từ ngày %(start)s đến ngày %(end)s)")
        % {"start": vn_date(report.period_start), "end": vn_date(report.period_end)},
        "answers": answers,
        "recipients": list(report.recipients),
        "signer_lines": [s.upper() for s in signer],
        "signer_name": report.signer_name,
    }
