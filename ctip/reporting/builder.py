"""A report being compiled: its paragraphs, and its figures each registered with provenance and
disclosure control."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from ctip.indicators import disclosure
from ctip.indicators.registry import REGISTRY, Indicator
from ctip.reporting.contributions import accepted_by_agency, accepted_texts
from ctip.reporting.models import Report
from ctip.reporting.phrasing import sentence_end
from ctip.reporting.prose import figure_text
from ctip.reporting.states import Audience

Segment = list[Any]  # [text, figure id or None]
Progress = Callable[[int, str], None]


class Builder:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.unit, self.start, self.end = report.unit, report.period_start, report.period_end
        self.public = report.audience == Audience.PUBLIC
        self.threshold = disclosure.threshold(on=self.end)
        self.body: list[dict[str, Any]] = []
        self.figures: dict[str, dict[str, Any]] = {}
        self._in_use: dict[str, bool] = {}
        self.contributed: dict[str, list[tuple[str, str]]] = {}
        self._by_agency: dict[str, dict[int, str]] = {}
        if report.request_id:
            self.contributed = accepted_texts(report.request)  # type: ignore[arg-type]
            self._by_agency = accepted_by_agency(report.request)  # type: ignore[arg-type]

    def para(self, kind: str, *segments: Segment | str) -> None:
        segs = [s if isinstance(s, list) else [s, None] for s in segments]
        self.body.append({"kind": kind, "segments": [s for s in segs if s[0]]})

    def contributed_by_agency(self, slot: str) -> dict[int, str]:
        """The agencies' accepted texts for a section, by the agency their figures group by."""
        return self._by_agency.get(slot, {}) if slot else {}

    def items(self, lines: list[str]) -> None:
        """A list as clerks punctuate it: "- ...;" for each item, "- ...." for the last."""
        for n, line in enumerate(lines):
            mark = "." if n == len(lines) - 1 else ";"
            self.para("item", sentence_end(f"- {line}", mark))

    def unused(self, code: str) -> None:
        """A data source nobody has used yet: "none" would mislead; the writer is told instead."""
        self.hint(
            _("[Chưa sử dụng nguồn dữ liệu “%(label)s” trong hệ thống: đề nghị bổ sung.]")
            % {"label": REGISTRY[code].label}
        )

    def gap(self, text: str) -> None:
        """A hole a writer must fill before the report can be issued (reporting/gate.py)."""
        self.para("gap", text)

    def hint(self, text: str) -> None:
        """A remark for the people preparing the report: shown in the preview, never printed."""
        self.para("hint", text)

    def controls(self, indicator: Indicator) -> bool:
        """A figure of a report for publication that can point at a person: its readers open
        no record, so disclosure applies (reports for the state chain stay exact)."""
        return self.public and disclosure.applies(indicator)

    def zero(self, row: dict[str, Any]) -> bool:
        """A value the reader sees as none: a controlled zero is "dưới 5" like 1 to 4."""
        return not row["value"] and not self.controls(REGISTRY[row["indicator"]])

    def listed(self, row: dict[str, Any]) -> bool:
        """Whether a group (an agency, a target group) is named for this value: not for a
        controlled value that is withheld, whose naming would say that records exist."""
        indicator = REGISTRY[row["indicator"]]
        if self.controls(indicator):
            return disclosure.release_figure(indicator, row["value"], self.threshold) is not None
        return bool(row["value"])

    def figure(self, row: dict[str, Any], where: dict[str, Any], where_name: str) -> Segment:
        """A figure's words, registered with its provenance; returns its segment."""
        indicator = REGISTRY[row["indicator"]]
        value: int | None = int(row["value"] or 0)
        controlled = self.controls(indicator)
        if controlled:
            value = disclosure.release_figure(indicator, value, self.threshold)
        suppressed = value is None
        if value is None:
            text, bound = disclosure.withheld_words(indicator, self.threshold), False
        else:
            text, bound = figure_text(
                value, estimate=row["estimate"], round_large=self.report.round_large
            )
            if controlled:
                text, bound = disclosure.about(text), True
        fid = f"f{len(self.figures) + 1}"
        self.figures[fid] = {
            "id": fid,
            "indicator": indicator.code,
            "label": str(indicator.label),
            "measure": str(indicator.measure),
            "value": value,
            "text": text,
            "estimate": row["estimate"],
            "bound": bound,
            "suppressed": suppressed,
            "controlled": controlled,
            "where": where,
            "where_name": where_name,
            "unit": self.unit.pk,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }
        if "records" in row:
            self.figures[fid]["records"] = self.records_shown(self.figures[fid], row["records"])
        return [text, fid]

    def records_shown(self, figure: dict[str, Any], count: int) -> int | str:
        """The number of records behind a figure, controlled like the figure itself."""
        if not figure["controlled"]:
            return count
        shown = disclosure.release(count, self.threshold)
        return disclosure.mark(self.threshold) if shown is None else shown

    def in_use(self, code: str) -> bool:
        """A data source is in use once anything was ever recorded in it (a deployment serves
        one province): a zero then means none, not that nobody entered the data."""
        if code not in self._in_use:
            self._in_use[code] = REGISTRY[code].records().exists()
        return self._in_use[code]


def worded(spec: dict, figure: Segment) -> list[Segment | str]:
    """A figure in its pattern's words: the `one` variant for 1, else `text` ("{value}" is the
    figure)."""
    text = spec["one"] if spec.get("one") and figure[0] == "1" else spec["text"]
    before, _sep, after = text.partition("{value}")
    return [before, figure, after]
