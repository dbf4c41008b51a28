"""The header and closing of a state document (Decree 30/2020/NĐ-CP, Appendix I)."""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from ctip.reporting.errors import ReportError
from ctip.reporting.models import Report
from ctip.reporting.prose import vn_date, vn_long_date

COMMITTEE = "ủy ban nhân dân"
# The issuing body's abbreviation in a document's symbol (Decree 30/2020, Appendix VI): a
# province's people's committee, and the Ministry of Public Security, which issues the national
# review as the standing body of the Steering Committee (ADR 0016).
ABBREVIATIONS = {COMMITTEE: "UBND", "bộ công an": "BCA"}
# Signing on behalf (TM.), in place of the head (KT.), as acting head (Q.), by order (TL.) and
# by delegation (TUQ.) of Decree 30/2020 art. 13; "QUYỀN CHỦ TỊCH" is a word, not a mark.
# The national title and motto heading every state document (Decree 30/2020, Appendix I).
NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGNING_MARK = re.compile(r"(TM|KT|Q|TL|TUQ)(?!\w)")


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
    authority = report.authority.lower()
    committee = authority.startswith(COMMITTEE)  # any province's or commune's
    issuer = ABBREVIATIONS[COMMITTEE] if committee else ABBREVIATIONS.get(authority, "")
    suffix = f"/{report.template.kind}-{issuer}" if issuer else f"/{report.template.kind}"
    return "Số:      " + suffix


def place_date_line(report: Report) -> str:
    if report.report_date:
        return f"{report.place}, {vn_long_date(report.report_date)}"
    return f"{report.place}, ngày      tháng      năm {report.period_end.year}"


def signing_lines(text: str) -> list[str]:
    """ "TM. Ủy ban nhân dân / KT. Chủ tịch / Phó Chủ tịch" -> the lines of the signature block
    in capitals, "/" separating them."""
    if not text.strip():
        return []
    return [" ".join(line.split()).upper() for line in text.split("/")]


def check_signing(text: str) -> None:
    """Refuse an empty line ("TM. ỦY BAN NHÂN DÂN / / PHÓ CHỦ TỊCH") and a mark written
    otherwise than "TM. ", "KT. ", "Q. ", "TL. ", "TUQ. " ("TM ỦY BAN", "KT.CHỦ TỊCH")."""
    for line in signing_lines(text):
        if not line:
            raise ReportError(_("Thẩm quyền ký: có dòng trống giữa các dấu “/”."))
        mark = SIGNING_MARK.match(line)
        if mark and not line.startswith(f"{mark.group(1)}. "):
            raise ReportError(
                _(
                    "Thẩm quyền ký: dòng “%(line)s” phải bắt đầu bằng “%(mark)s. ” "
                    "(dấu chấm rồi dấu cách)."
                )
                % {"line": line, "mark": mark.group(1)}
            )


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
    return {
        "author": report.authority,  # the DOCX's author: the issuing body, not a library
        "authority": authority_lines(report.authority),
        "number": number_line(report),
        "place_date": place_date_line(report),
        "nation": NATION,
        "motto": MOTTO,
        "kind": "BÁO CÁO",
        "subject": report.subject,
        "period": _("(Từ ngày %(start)s đến ngày %(end)s)")
        % {"start": vn_date(report.period_start), "end": vn_date(report.period_end)},
        "answers": answers,
        "recipients": list(report.recipients),
        "signer_lines": [line for line in signing_lines(report.signing_authority) if line],
        "signer_name": report.signer_name,
    }
