"""A draft national summary, as a Word document, from the figures the provinces pushed (issue 27,
build point 1): what a ministry's clerk starts from when the national ctip holds no records of
its own, only the provinces' pushes (ADR 0017).

It says what the pushes can say and nothing more: who sent and when, then per pillar each
additive indicator's national total with how it was made (the provinces added in, those that
withheld a small number, those that did not send, those whose definition differs and were left
out, estimates). The agency-work paragraphs, documents and cases of a province's review need
records a push does not carry; the document says where the per-province table is (the XLSX of
the same page) rather than pretending to more. The layout and header are the state format of
the province's review (ctip.reporting: Decree 30/2020), with the number left blank for the
records office: it is a draft to edit, never an issued report."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.core.text import vn_date, vn_int
from ctip.exchange.figures import PushedFigures, Total, period_words
from ctip.exchange.selectors import ProvinceStatus, period_deadline
from ctip.reporting.header import MOTTO, NATION, authority_lines
from ctip.reporting.phrasing import enumerate_vi
from ctip.reporting.render import render_docx_layout

# The national review's issuer (ADR 0016): the Ministry of Public Security, as the standing body
# of the Government's Steering Committee 138; its documents are made in Hà Nội.
AUTHORITY = "Bộ Công an"
PLACE = "Hà Nội"
SYMBOL = "BC-BCA"

# The pillars of the review, by the app an indicator's code starts with, in the review's order.
PILLARS = (
    ("directives.", gettext_lazy("Công tác lãnh đạo, chỉ đạo, ban hành văn bản")),
    ("prevention.", gettext_lazy("Công tác phòng ngừa")),
    ("enforcement.", gettext_lazy("Công tác đấu tranh, xử lý tội phạm mua bán người")),
    ("victims.", gettext_lazy("Công tác tiếp nhận, xác minh, bảo vệ, hỗ trợ nạn nhân")),
    ("cooperation.", gettext_lazy("Công tác hợp tác quốc tế")),
    ("reporting.", gettext_lazy("Công tác thông tin, báo cáo")),
)
ROMAN = ("I", "II", "III", "IV")


def number_words(value: int | Decimal) -> str:
    """ "3.000", "2,5": Vietnamese groups thousands with "." and writes decimals with ","."""
    if isinstance(value, int):
        return vn_int(value)
    whole, _dot, fraction = f"{value:f}".partition(".")
    return vn_int(int(whole)) + ("," + fraction if fraction else "")


def draft(data: PushedFigures, statuses: list[ProvinceStatus]) -> dict[str, Any]:
    """The document as a compilation result (`header`, `body`), which the reports' renderer
    turns into DOCX. `statuses` are the same period's rows of the national status page."""
    body: list[dict[str, Any]] = []
    words = period_words(data.period)
    today = timezone.localdate()
    _para(
        body,
        "p",
        _(
            "Căn cứ số liệu các tỉnh, thành phố gửi qua hệ thống ctip (bản mới nhất của mỗi "
            "tỉnh, đến ngày %(day)s), %(authority)s tổng hợp kết quả công tác phòng, chống mua "
            "bán người %(period)s như sau:"
        )
        % {"day": vn_date(today), "authority": AUTHORITY, "period": words},
    )
    _para(body, "h1", _("%(n)s. TÌNH HÌNH GỬI SỐ LIỆU") % {"n": ROMAN[0]})
    _sending(body, data, statuses)
    _para(body, "h1", _("%(n)s. KẾT QUẢ THỰC HIỆN") % {"n": ROMAN[1]})
    for number, (title, totals) in enumerate(_pillars(data.totals), start=1):
        _para(body, "h2", f"{number}. {title}")
        for total in totals:
            _para(body, "item", f"- {total_words(total)}.")
    _para(body, "h1", _("%(n)s. SỐ LIỆU TỪNG TỈNH, THÀNH PHỐ") % {"n": ROMAN[2]})
    _para(
        body,
        "p",
        _(
            "Số liệu của từng tỉnh, thành phố tại Phụ lục kèm theo (bảng theo tỉnh của trang "
            "“Số liệu do các tỉnh, thành phố gửi”, tệp .xlsx). Các nội dung về kết quả công tác "
            "của từng cơ quan, văn bản và vụ việc cụ thể do các tỉnh báo cáo riêng; số liệu gửi "
            "qua hệ thống không chứa các nội dung này./."
        ),
    )
    return {"header": _header(data, words), "body": body}


def render(data: PushedFigures, statuses: list[ProvinceStatus]) -> bytes:
    return render_docx_layout(draft(data, statuses))


def _para(body: list[dict[str, Any]], kind: str, text: str) -> None:
    body.append({"kind": kind, "segments": [[text, None]]})


def _header(data: PushedFigures, words: str) -> dict[str, Any]:
    period = data.period
    return {
        "author": AUTHORITY,
        "authority": authority_lines(AUTHORITY),
        "number": f"Số:      /{SYMBOL}",
        "place_date": f"{PLACE}, ngày      tháng      năm {timezone.localdate().year}",
        "nation": NATION,
        "motto": MOTTO,
        "kind": "BÁO CÁO",
        "subject": _("Tổng hợp kết quả công tác phòng, chống mua bán người %(period)s")
        % {"period": words},
        "period": _("(Từ ngày %(start)s đến ngày %(end)s)")
        % {"start": vn_date(period.start), "end": vn_date(period.end)},
        "answers": "",
        # Decree 30/2020 (Appendix I): a draft keeps at least the records office's own copy.
        "recipients": ["Lưu: VT"],
        "signer_lines": [],
        "signer_name": "",
    }


def _sending(body: list[dict[str, Any]], data: PushedFigures, rows: list[ProvinceStatus]) -> None:
    """Who sent, who sent completely, who sent late and who has not sent."""
    received = [r for r in rows if r.received_at is not None]
    due = period_deadline(data.period)
    text = _("Đã nhận số liệu của %(received)s/%(provinces)s tỉnh, thành phố") % {
        "received": len(received),
        "provinces": len(rows),
    }
    if received:
        # Complete: every indicator, each under the national definition (a figure of another
        # definition is not added into the totals below).
        text += _("; %(complete)s tỉnh, thành phố gửi đủ các chỉ tiêu") % {
            "complete": sum(r.complete and not r.redefined for r in rows)
        }
    if due is not None and received:
        text += _("; %(on_time)s tỉnh, thành phố gửi đúng hạn (hạn ngày %(due)s)") % {
            "on_time": sum(r.late_days == 0 for r in received),
            "due": vn_date(due),
        }
    _para(body, "p", text + ".")
    late = [r for r in received if r.late_days]
    if late:
        names = [
            _("%(name)s (%(days)s ngày)") % {"name": r.name, "days": vn_int(r.late_days or 0)}
            for r in late
        ]
        _para(body, "item", _("- Gửi muộn: %(names)s.") % {"names": enumerate_vi(names)})
    missing = [r.name for r in rows if r.received_at is None]
    if missing:
        _para(body, "item", _("- Chưa gửi: %(names)s.") % {"names": enumerate_vi(missing)})


def _pillars(totals: list[Total]) -> list[tuple[str, list[Total]]]:
    """The totals by pillar, in the review's order; an indicator of no known pillar last."""
    found: list[tuple[str, list[Total]]] = []
    placed: set[str] = set()
    for prefix, title in PILLARS:
        mine = [t for t in totals if t.indicator.code.startswith(prefix)]
        placed |= {t.indicator.code for t in mine}
        if mine:
            found.append((str(title), mine))
    rest = [t for t in totals if t.indicator.code not in placed]
    if rest:
        found.append((_("Các chỉ tiêu khác"), rest))
    return found


def total_words(total: Total) -> str:
    """ "Số buổi tuyên truyền: 12.345 buổi (cộng số liệu của 30 tỉnh, thành phố; 2 tỉnh, thành
    phố không công bố do số nhỏ; 2 tỉnh, thành phố chưa gửi)"."""
    if total.value is None:
        text = _("%(label)s: chưa có số liệu để cộng") % {"label": total.label}
    else:
        text = _("%(label)s: %(value)s %(measure)s") % {
            "label": total.label,
            "value": number_words(total.value),
            "measure": total.measure,
        }
    notes = []
    if total.value is not None and not total.complete:
        notes.append(_("cộng số liệu của %(n)s tỉnh, thành phố") % {"n": vn_int(total.contributed)})
    if total.withheld:
        notes.append(
            _("%(n)s tỉnh, thành phố không công bố do số nhỏ") % {"n": vn_int(total.withheld)}
        )
    if total.not_pushed:
        notes.append(_("%(n)s tỉnh, thành phố chưa gửi") % {"n": vn_int(total.not_pushed)})
    if total.foreign:
        notes.append(
            _("không cộng số liệu tính theo định nghĩa khác của %(names)s")
            % {"names": enumerate_vi(total.foreign)}
        )
    if total.estimate:
        notes.append(_("có số ước tính"))
    return text + (f" ({'; '.join(notes)})" if notes else "")
