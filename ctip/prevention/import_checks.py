"""Checking the rows of an activities file: every row against one set of rules (the agency and
unit in force on its day, the unit inside the agency's area (ctip.geo.area), catalogs, counts,
dates, text lengths, the periods of issued reports), every problem named by row and column in
Vietnamese, or the specs to write."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.bounds import MAX_CELL, MAX_COUNT, MAX_DATE, MAX_IMPORT_ROWS, MAX_TEXT, MIN_DATE
from ctip.core.cells import CONTROL, Problems, cell_problem, shown
from ctip.core.submissions import not_imported, submission_ids
from ctip.core.text import fold, vn_int
from ctip.geo.area import Areas
from ctip.geo.models import Level, Unit
from ctip.periods.locks import locked_points
from ctip.prevention.importer import COLUMNS, SPEC_FIELDS, ImportRejected, Spec, cell_error
from ctip.prevention.models import Activity, ActivityKind, Campaign, TargetGroup
from ctip.prevention.target_groups import TARGET_GROUPS

REQUIRED = ("agency", "kind", "start_date", "end_date", "unit")
COUNTS = ("sessions", "participants", "media_items", "sms")
UNIT_LEVEL_ORDER = (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE, Level.SPECIAL_ZONE)


class _Lookups:
    """Agencies and units of the whole file, read in a few queries."""

    def __init__(self, rows: list[dict[str, Any]]):
        self.agencies: dict[str, list[Agency]] = {}
        self.areas = Areas()
        for agency in Agency.objects.only("id", "code", "name", "unit", "valid_from", "valid_to"):
            self.agencies.setdefault(agency.code.lower(), []).append(agency)
            self.agencies.setdefault(fold(agency.name), []).append(agency)
        codes = {_unit_code(r.get("unit")) for r in rows} - {None}
        self.units: dict[int, list[Unit]] = {}
        for unit in Unit.objects.filter(code__in=codes).only(
            "id", "code", "level", "valid_from", "valid_to"
        ):
            self.units.setdefault(unit.code, []).append(unit)

    def agency(self, text: str, day: date, unit: Unit | None = None) -> Agency | None:
        found = self.agencies.get(text.strip().lower()) or self.agencies.get(fold(text)) or []
        # The version in force on the activity's day; else the record keeps the agency named.
        valid = [a for a in found if a.is_valid_on(day)]
        chosen = valid or found
        if len(chosen) > 1 and unit is not None:
            # Two agencies of one name (two wards "Nguyễn Nghiêm" in different districts, as
            # the export writes them by name): the one whose area holds the row's unit.
            chosen = [a for a in chosen if self.areas.agency_covers(a, unit.pk)] or chosen
        return chosen[0] if chosen else None

    def unit(self, code: int, day: date) -> Unit | None:
        versions = [u for u in self.units.get(code, []) if u.is_valid_on(day)]
        versions.sort(key=lambda u: UNIT_LEVEL_ORDER.index(u.level))  # type: ignore[arg-type]
        return versions[0] if versions else None


def _campaign_names() -> dict[str, str]:
    """A campaign's label (as the export writes it, in Vietnamese, or in the active language) ->
    its code."""
    return _campaign_names_in(translation.get_language())


@lru_cache(maxsize=16)
def _campaign_names_in(language: str | None) -> dict[str, str]:
    # Built once per language, not once per row that names a campaign.
    return _labels({value: label for value, label in Campaign.choices if value})


def _labels(labels: dict[str, Any]) -> dict[str, str]:
    """Folded label -> code, for the labels in Vietnamese (as the workbooks write them) and in
    the active language."""
    with translation.override("vi"):
        names = {fold(str(label)): code for code, label in labels.items()}
    return names | {fold(str(label)): code for code, label in labels.items()}


# Text columns an activity keeps, with the most characters each holds; any other column is a
# name or a code looked up in a list, at most one cell long.
TEXT_LIMITS = {"theme": 300, "notes": MAX_TEXT}
LIST_COLUMNS = ("target_groups", "partners")


def _unit_code(value: Any) -> int | None:
    try:
        code = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    # A code no unit has is "no such unit", never a number the database cannot compare.
    return code if 0 < code <= MAX_COUNT else None


# The fewest characters a column's text may hold, and the types of value that never have a text
# problem (cell_problem gives None for them).
SHORTEST_TEXT = min(TEXT_LIMITS.get(key, MAX_CELL) for key in COLUMNS)
PLAIN = frozenset({type(None), int, float, bool, date, datetime, time, timedelta})
_control = CONTROL.search


def _texts_fine(raw: dict[str, Any]) -> bool:
    """True when no cell of the row can have a text problem: plain values, and texts within
    every column's bound without a control character. Anything else (a list, a TooLong, a str
    subclass, a longer text) is left to _text_problem, whose messages stay the only ones; so
    are the row's other keys ("_row", "_instance"), checked here only to be on the safe side."""
    for value in raw.values():
        kind = type(value)
        if kind is str:
            if len(value) > SHORTEST_TEXT or _control(value):
                return False
        elif kind not in PLAIN:
            return False
    return True


def _text_problem(key: str, value: Any) -> str | None:
    if isinstance(value, list) and key in LIST_COLUMNS:
        for item in value:
            problem = _text_problem("", item)
            if problem:
                return problem
        return None
    if isinstance(value, (list, dict)):
        return _("phải là một giá trị (chữ hoặc số).")
    return cell_problem(value, max_length=TEXT_LIMITS.get(key, MAX_CELL))


def check_rows(
    rows: list[dict[str, Any]],
    *,
    today: date | None = None,
    allowed_agencies: set[int] | None = None,
    progress: Any = None,
    locked_ok: bool = False,
) -> list[Spec]:
    """Specs for every row, or ImportRejected listing every problem of every row.
    `allowed_agencies`: the agencies the importing user may record for (None: any, as for the
    command line). `progress(done, total)` is called every 1,000 rows. Rows inside the period
    of an issued report are refused unless `locked_ok` (the form, which asks for a reason)."""
    today = today or date.today()
    if not rows:
        raise ImportRejected([_("Tệp không có dòng dữ liệu nào.")])
    if len(rows) > MAX_IMPORT_ROWS:
        raise ImportRejected(
            [_("Tệp có quá nhiều dòng (tối đa %(max)s).") % {"max": vn_int(MAX_IMPORT_ROWS)}]
        )
    lookups = _Lookups(rows)
    groups = _GroupNames()
    group_names = groups.names
    kinds = {k: k for k in ActivityKind.values} | _labels(dict(ActivityKind.choices))
    specs: list[Spec] = []
    numbers: list[Any] = []
    errors = Problems()
    for position, raw in enumerate(rows, start=1):
        row_number = raw.get("_row", position)
        spec = _check_row(raw, row_number, today, lookups, groups, group_names, kinds, errors)
        foreign = allowed_agencies is not None and spec is not None
        if foreign and spec.agency_id not in allowed_agencies:  # type: ignore[union-attr,operator]
            errors.append(cell_error(row_number, "agency", _("không phải cơ quan của bạn.")))
            spec = None
        if spec is not None:
            specs.append(spec)
            numbers.append(row_number)
        if progress is not None and position % 1000 == 0:
            progress(position, len(rows))
    if not locked_ok:
        _refuse_locked(specs, numbers, errors)
    if errors:
        raise ImportRejected(errors.listed())
    return specs


# Instance IDs looked up per query (SQLite takes at most 32,766 parameters).
INSTANCES_PER_QUERY = 1_000


@dataclass
class Fresh:
    """The rows to check and write; for a field form's export, each row's instance ID (kept
    with its activity), how many submissions were skipped as imported before and how many as
    rejected by a reviewer."""

    rows: list[dict[str, Any]]
    instances: list[str] | None = None
    skipped: int = 0
    rejected: int = 0

    @property
    def submitted(self) -> bool:
        """A field form's export (audited as "prevention.fieldform_import")."""
        return self.instances is not None

    def notices(self) -> list[str]:
        """What the officer is told was left out (the job's `errors` while it goes on)."""
        notices = [skipped_notice(self.skipped)] if self.skipped else []
        return notices + ([rejected_notice(self.rejected)] if self.rejected else [])


def fresh_rows(rows: list[dict[str, Any]]) -> Fresh:
    """The rows of a field form's export (each with its `_instance`, ctip.core.submissions)
    that no activity came from yet: the tools' exports are cumulative, so a submission imported
    before is skipped, not written again (and not checked again: its period may be locked since).
    A submission a reviewer rejected is skipped too. An edited submission whose earlier version
    was imported and whose content now differs is refused (ImportRejected naming its row): ctip
    never overwrites a record silently, the officer corrects it in ctip. Other files' rows are
    all kept. ImportRejected when no submission is left to write."""
    if not rows or "_instance" not in rows[0]:
        return Fresh(rows)
    reviewed = [r for r in rows if not r.get("_rejected")]
    known = _imported(submission_ids(reviewed))
    fresh, errors = not_imported(reviewed, known, _same_as_imported, changed_message)
    if errors:
        raise ImportRejected(errors)
    rejected = len(rows) - len(reviewed)
    if not fresh:
        raise ImportRejected([nothing_new_message(len(reviewed), rejected)])
    return Fresh(
        fresh,
        instances=[str(r["_instance"]) for r in fresh],
        skipped=len(reviewed) - len(fresh),
        rejected=rejected,
    )


def _imported(instances: set[str]) -> dict[str, Activity]:
    """The activities that came from these submissions, by their source_instance."""
    wanted = sorted(instances)
    known: dict[str, Activity] = {}
    for i in range(0, len(wanted), INSTANCES_PER_QUERY):
        found = Activity.objects.filter(source_instance__in=wanted[i : i + INSTANCES_PER_QUERY])
        known.update({a.source_instance: a for a in found.prefetch_related("partners")})  # type: ignore[misc]
    return known


def _same_as_imported(row: dict[str, Any], activity: Activity) -> bool:
    """True when the row brings nothing new: it is the version imported (an unedited
    submission, or the very version ctip keeps), or an edit whose content is the activity's."""
    if "_version" not in row or activity.source_instance == row["_version"]:
        return True
    try:
        # The period may be locked since, and the user's agencies are checked on writing.
        (spec,) = check_rows([row], locked_ok=True)
    except ImportRejected:
        return False
    stored = {f: getattr(activity, f) for f in SPEC_FIELDS}
    return (
        stored == {f: getattr(spec, f) for f in SPEC_FIELDS}
        and set(activity.target_groups.values_list("code", flat=True)) == set(spec.target_groups)
        and {p.pk for p in activity.partners.all()} == set(spec.partners)
    )


def changed_message(row: Any) -> str:
    return _(
        "Dòng %(row)s: bản ghi này đã được nhập trước đây, sau đó được sửa trên ODK Central "
        "hoặc KoboToolbox. ctip không tự ghi đè bản ghi đã nhập: hãy sửa bản ghi đó ngay trong "
        "ctip, rồi tải tệp lên lại."
    ) % {"row": row}


def nothing_new_message(imported: int, rejected: int) -> str:
    if not rejected:
        return _(
            "Cả %(count)s bản ghi của tệp đã được nhập trước đây; không có bản ghi mới để ghi."
        ) % {"count": vn_int(imported)}
    return _(
        "Không có bản ghi mới để ghi: %(imported)s bản ghi đã nhập trước đây, %(rejected)s bản "
        "ghi bị từ chối khi duyệt."
    ) % {"imported": vn_int(imported), "rejected": vn_int(rejected)}


def skipped_notice(skipped: int) -> str:
    return _("%(count)s bản ghi đã nhập trước đây, bỏ qua.") % {"count": vn_int(skipped)}


def rejected_notice(rejected: int) -> str:
    return _(
        "%(count)s bản ghi bị từ chối khi duyệt (trên ODK Central hoặc KoboToolbox), bỏ qua."
    ) % {"count": vn_int(rejected)}


def _refuse_locked(specs: list[Spec], numbers: list[Any], errors: Problems) -> None:
    found = locked_points([(s.start_date, s.unit_id) for s in specs])
    for index, report_number in sorted(found.items()):
        message = _(
            "thuộc kỳ của Báo cáo số %(number)s đã ban hành; nhập hoạt động này qua biểu mẫu "
            "và nêu lý do điều chỉnh."
        ) % {"number": report_number}
        errors.append(cell_error(numbers[index], "start_date", message))


def _check_row(raw, row, today, lookups, groups, group_names, kinds, errors) -> Spec | None:
    before = len(errors)

    def bad(key: str, message: str) -> None:
        errors.append(cell_error(row, key, message))

    # Texts first: a value the database cannot take (or a message cannot show) goes no further.
    # Most rows hold plain values only: one quick pass, the messages only for the others.
    if not _texts_fine(raw):
        for key in COLUMNS:
            value = raw.get(key)
            problem = None if value is None else _text_problem(key, value)
            if problem:
                bad(key, problem)
    for key in REQUIRED:
        if raw.get(key) in (None, ""):
            bad(key, _("bắt buộc."))
    if len(errors) > before:
        return None
    start = _date(raw["start_date"], "start_date", bad)
    end = _date(raw["end_date"], "end_date", bad)
    if start and end and end < start:
        bad("end_date", _("ngày kết thúc trước ngày bắt đầu."))
    for key, day in (("start_date", start), ("end_date", end)):
        if day and day > today:
            bad(key, _("ngày ở tương lai."))
    kind = kinds.get(str(raw["kind"]).strip()) or kinds.get(_fold(str(raw["kind"])))
    if kind is None:
        message = _("hình thức “%(value)s” không có trong danh mục.")
        bad("kind", message % {"value": shown(raw["kind"])})
    code = _unit_code(raw["unit"])
    unit = lookups.unit(code, start) if (code and start) else None
    agency = lookups.agency(str(raw["agency"]), start, unit) if start else None
    if start and agency is None:
        bad("agency", _("không có cơ quan “%(value)s”.") % {"value": shown(raw["agency"])})
    if start and unit is None:
        bad(
            "unit",
            _("không có đơn vị mã “%(value)s” vào ngày %(day)s.")
            % {"value": shown(raw["unit"]), "day": f"{start:%d/%m/%Y}"},
        )
    elif agency is not None and unit is not None:
        # Recorded in a unit outside the agency's area, the activity would count elsewhere.
        problem = lookups.areas.agency_problem(agency, unit)
        if problem:
            bad("unit", problem)
    counts = {key: _count(raw.get(key), key, bad) for key in COUNTS}
    estimated = _bool(raw.get("participants_estimated"), bad)
    target = _groups(raw.get("target_groups"), groups, group_names, bad)
    partners = _partners(raw.get("partners"), start, lookups, bad) if start else []
    campaign = str(raw.get("campaign") or "").strip()
    campaign = _campaign_names().get(fold(campaign), campaign) if campaign else ""
    if campaign and campaign not in Campaign.values:
        message = _("đợt “%(value)s” không có trong danh mục.")
        bad("campaign", message % {"value": shown(campaign)})
    if len(errors) > before:
        return None
    assert agency is not None and unit is not None and start and end and kind
    return Spec(
        agency_id=agency.pk,
        kind=kind,
        start_date=start,
        end_date=end,
        unit_id=unit.pk,
        participants_estimated=estimated,
        target_groups=target,
        partners=partners,
        campaign=campaign,
        theme=str(raw.get("theme") or ""),
        notes=str(raw.get("notes") or ""),
        **counts,
    )


def _date(value: Any, key: str, bad: Any) -> date | None:
    day = _parse_date(value)
    if day is None:
        message = _("“%(value)s” không phải ngày (năm-tháng-ngày hoặc ngày/tháng/năm).")
        bad(key, message % {"value": shown(value)})
        return None
    if not MIN_DATE <= day <= MAX_DATE:
        message = _("ngày phải trong khoảng %(min)s – %(max)s.")
        bad(key, message % {"min": f"{MIN_DATE:%d/%m/%Y}", "max": f"{MAX_DATE:%d/%m/%Y}"})
        return None
    return day


def _parse_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _count(value: Any, key: str, bad: Any) -> int | None:
    """The number in a cell; None for an empty cell (the figure was not stated: never 0)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        bad(key, _("phải là số nguyên không âm."))
        return None
    try:
        number = int(str(value).replace(".", "").strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        bad(key, _("phải là số nguyên không âm."))
        return None
    if number < 0:
        bad(key, _("không được âm."))
        return None
    if number > MAX_COUNT:
        message = _("không được lớn hơn %(max)s.")
        bad(key, message % {"max": vn_int(MAX_COUNT)})
        return None
    return number


def _bool(value: Any, bad: Any) -> bool:
    if value in (None, "", False, 0):
        return False
    if value in (True, 1):
        return True
    text = _fold(str(value))
    if text in {"co", "x", "true", "yes", "1"}:
        return True
    if text in {"khong", "false", "no", "0"}:
        return False
    bad("participants_estimated", _("chỉ nhận “có” hoặc “không”."))
    return False


def _partners(value: Any, day: date, lookups: _Lookups, bad: Any) -> list[int]:
    if value in (None, ""):
        return []
    found: list[int] = []
    for item, agency in _named(value, lambda text: lookups.agency(text, day), skip_empty=True):
        if agency is None:
            bad("partners", _("không có cơ quan “%(value)s”.") % {"value": shown(item)})
        elif agency.pk not in found:  # named twice (code and name): one link
            found.append(agency.pk)
    return found


# A file repeats a few texts in every row (a yes/no, a kind, a list of groups): each is folded,
# or split into names, once per check.
_fold = lru_cache(maxsize=4_096)(fold)
GROUP_CELLS_KEPT = 10_000


class _GroupNames:
    """Target groups by code or label (Vietnamese or the active language); a cell's text is
    split into names once, however many rows repeat it."""

    def __init__(self) -> None:
        self.codes = set(TargetGroup.objects.values_list("code", flat=True))
        self.names = _labels(TARGET_GROUPS)
        self.cells: dict[str, list[tuple[str, Any]]] = {}

    def find(self, text: str) -> str | None:
        return text if text in self.codes else self.names.get(_fold(text))

    def items(self, value: Any) -> list[tuple[str, Any]]:
        if not isinstance(value, str):
            return _named(value, self.find)
        found = self.cells.get(value)
        if found is None:
            found = _named(value, self.find)
            if len(self.cells) < GROUP_CELLS_KEPT:
                self.cells[value] = found
        return found


def _groups(value: Any, groups: _GroupNames, names: dict[str, str], bad: Any) -> list[str]:
    """The codes a cell names, each once ("public, Nhân dân" names one group twice: one link,
    so the dry run and the write agree)."""
    if value in (None, ""):
        return []
    out: list[str] = []
    for item, code in groups.items(value):
        if code is None:
            bad(
                "target_groups",
                _("đối tượng “%(value)s” không có trong danh mục.") % {"value": shown(item)},
            )
        elif code not in out:
            out.append(code)
    return out


# A name holds at most this many comma-separated pieces ("Học sinh, sinh viên" is 2): bounds
# the search in a hostile cell of many commas.
NAME_PIECES = 6


def _named(value: Any, find: Any, *, skip_empty: bool = False) -> list[tuple[str, Any]]:
    """The items of a cell naming several things, each with what `find` finds for it (None: not
    found). Items are separated by semicolons or commas, but a name may hold commas ("Học sinh,
    sinh viên", as the export writes it): the longest run of pieces that names something is one
    item."""
    if isinstance(value, list):
        texts = [str(i).strip() for i in value]
        return [(t, find(t)) for t in texts if t or not skip_empty]
    pieces = [p.strip() for p in re.split(r"[;,]", str(value))]
    items: list[tuple[str, Any]] = []
    i = 0
    while i < len(pieces):
        if not pieces[i]:
            i += 1
            continue
        for j in range(min(len(pieces), i + NAME_PIECES), i, -1):
            text = ", ".join(pieces[i:j])
            found = find(text)
            if found is not None:
                items.append((text, found))
                i = j
                break
        else:
            items.append((pieces[i], None))
            i += 1
    return items
