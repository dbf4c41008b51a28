"""`ctip extract FILE.docx|FILE.txt [--json]`: the figures of a report part (issue 25)."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ctip.ingest.docx_text import DocumentError, read_document
from ctip.ingest.extract import Figure, extract
from ctip.ingest.kinds import label

# The bound as a word before the value ("hơn 3.000 lượt người").
BOUND_WORDS = {
    "more_than": gettext_lazy("hơn"),
    "nearly": gettext_lazy("gần"),
    "about": gettext_lazy("khoảng"),
    "at_least": gettext_lazy("ít nhất"),
    "at_most": gettext_lazy("tối đa"),
}


class Command(BaseCommand):
    help = (
        "Print the figures of a Word (.docx) or UTF-8 text report: kind, value, bound, unit "
        "noun, agency and period when stated, and the sentence (--json: a JSON list; a range "
        "has bound 'range' and its higher end in 'upper', a part of a whole its whole in 'of')."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .docx or .txt file")
        parser.add_argument("--json", action="store_true", help="print a JSON list")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(_("Không có tệp %(name)s.") % {"name": path})
        try:
            figures = extract(read_document(path))
        except DocumentError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            rows = [f.as_dict() for f in figures]
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for figure in figures:
            self.stdout.write(_line(figure))
        count = len(figures)
        self.stdout.write(
            ngettext("%(count)s số liệu.", "%(count)s số liệu.", count) % {"count": count}
        )


def _line(figure: Figure) -> str:
    parts = [
        f"{label(figure.kind)} ({figure.kind})",
        " ".join(
            str(w) for w in (BOUND_WORDS.get(figure.bound), _value(figure), figure.unit_noun) if w
        ),
    ]
    if figure.agency:
        parts.append(figure.agency)
    if figure.period:
        parts.append(_period(figure))
    return " · ".join(parts) + f"\n    {figure.sentence}"


def _value(figure: Figure) -> str:
    """ "3.000"; a range "30–50", a part of a whole "12/14", as officials write them."""
    value = _vn(figure.value)
    if figure.upper is not None:
        return f"{value}–{_vn(figure.upper)}"
    if figure.of is not None:
        return f"{value}/{_vn(figure.of)}"
    return value


def _vn(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _period(figure: Figure) -> str:
    period = figure.period
    assert period is not None
    if period.start is None and period.end is None:
        return period.text
    start = period.start.strftime("%d/%m/%Y") if period.start else "…"
    end = period.end.strftime("%d/%m/%Y") if period.end else _("nay")
    return f"{period.text} ({start}–{end})"
