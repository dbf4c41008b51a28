"""The watchlist of persons at risk: checks on a schedule, escalation, expiry and purge."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import IntegrityError
from django.db.models import Max, Q, QuerySet, TextChoices
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.accounts.permissions import ROLES
from ctip.accounts.scope import active_assignments
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_DATE, MAX_INTERVAL_DAYS, MAX_TEXT, MIN_DATE
from ctip.core.cells import Problems, shown
from ctip.core.permissions import P
from ctip.core.submissions import (
    SubmissionsRejected,
    not_imported,
    read_submissions,
    submission_ids,
)
from ctip.core.text import fold, vn_int
from ctip.core.validators import check_date, check_number, check_text
from ctip.core.work import unit_of_work
from ctip.enforcement.models import WatchCheck, WatchEntry
from ctip.geo.area import check_user_area
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.indicators.queries import compute


class WatchError(ValueError):
    pass


def watch_open(
    *,
    category: str,
    unit: Any,
    officer: Any,
    lawful_basis: str,
    purpose: str,
    opened_on: date,
    review_on: date,
    full_name: str,
    acting_user: Any,
    address: str = "",
    check_every_days: int = 30,
) -> WatchEntry:
    check_date(opened_on, label=_("Ngày đưa vào theo dõi"), error=WatchError)
    check_date(review_on, label=_("Ngày xem xét lại"), error=WatchError)
    for text, limit in ((lawful_basis, 300), (purpose, 300), (full_name, 200), (address, MAX_TEXT)):
        check_text(text, max_length=limit, error=WatchError)
    if not lawful_basis.strip() or not purpose.strip():
        raise WatchError(_("Phải ghi căn cứ pháp lý và mục đích theo dõi."))
    if review_on <= opened_on:
        raise WatchError(_("Ngày xem xét lại phải sau ngày đưa vào theo dõi."))
    if check_every_days < 1:
        raise WatchError(_("Chu kỳ kiểm tra phải từ 1 ngày trở lên."))
    check_number(
        check_every_days, 1, MAX_INTERVAL_DAYS, label=_("Kiểm tra mỗi (ngày)"), error=WatchError
    )
    if getattr(acting_user, "pk", None):  # no user: the demo or a command, the system's own
        # The entry counts where its unit is: inside the territory the user watches.
        check_user_area(watch_territories(acting_user), unit, error=WatchError)
    with unit_of_work(sources=[WatchEntry]) as work:
        entry = WatchEntry.objects.create(
            category=category,
            unit=unit,
            officer=officer,
            lawful_basis=lawful_basis,
            purpose=purpose,
            opened_on=opened_on,
            review_on=review_on,
            full_name=full_name,
            address=address,
            check_every_days=check_every_days,
            next_check_on=opened_on + timedelta(days=check_every_days),
        )
        audit_write(
            action="enforcement.watch_open",
            acting_user=acting_user,
            obj=entry,
            changes={"category": [None, category]},
        )
        work.touch(WatchEntry, (opened_on, entry.unit_id))
    return entry


def watch_check(
    *, entry: WatchEntry, on: date, found: bool, result: str, acting_user: Any
) -> WatchCheck:
    check_date(on, label=_("Ngày kiểm tra"), error=WatchError)
    check_text(result, label=_("Kết quả"), error=WatchError)
    with unit_of_work(sources=[WatchCheck, WatchEntry]) as work:
        check = WatchCheck.objects.create(
            entry=entry,
            on=on,
            found=found,
            result=result,
            actor=acting_user if getattr(acting_user, "pk", None) else None,
        )
        WatchEntry.objects.filter(pk=entry.pk).update(
            next_check_on=on + timedelta(days=entry.check_every_days)
        )
        work.touch_records(WatchEntry, WatchEntry.objects.filter(pk=entry.pk))
        audit_write(
            action="enforcement.watch_check",
            acting_user=acting_user,
            obj=entry,
            changes={"found": [None, found]},
        )
        work.touch(WatchCheck, (on, entry.unit_id))
    return check


def watch_escalate(
    *, entry: WatchEntry, acting_user: Any, victim_case: Any = None, criminal_case: Any = None
) -> WatchEntry:
    """Link the entry to the case it became; the entry and its checks stay as its history."""
    if victim_case is None and criminal_case is None:
        raise WatchError(_("Phải chọn hồ sơ nạn nhân hoặc vụ án."))
    with unit_of_work(sources=[WatchEntry]) as work:
        WatchEntry.objects.filter(pk=entry.pk).update(
            escalated_victim_case=victim_case,
            escalated_criminal_case=criminal_case,
            closed_on=date.today(),
        )
        audit_write(
            action="enforcement.watch_escalate",
            acting_user=acting_user,
            obj=entry,
            changes={
                "victim_case": [None, getattr(victim_case, "code", None)],
                "criminal_case": [None, getattr(criminal_case, "number", None)],
            },
        )
        work.touch(WatchEntry, (date.today(), entry.unit_id))
    entry.refresh_from_db()
    return entry


def watch_active(*, today: date | None = None) -> QuerySet[WatchEntry]:
    today = today or date.today()
    return WatchEntry.objects.filter(closed_on__isnull=True, review_on__gte=today)


def watch_overdue(*, today: date | None = None) -> QuerySet[WatchEntry]:
    today = today or date.today()
    return watch_active(today=today).filter(next_check_on__lt=today)


def watch_purge(*, today: date | None = None, acting_user: Any) -> int:
    """Entries past their review date (or closed) lose their personal data; counts stay."""
    today = today or date.today()
    due = WatchEntry.objects.filter(purged_on__isnull=True).exclude(
        pk__in=watch_active(today=today).values("pk")
    )
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        return 0
    with unit_of_work(sources=[WatchEntry, WatchCheck]) as work:
        WatchEntry.objects.filter(pk__in=ids).update(
            full_name="", address="", note="", purged_on=today
        )
        WatchCheck.objects.filter(entry__in=ids).update(result="")
        # Counts keep what they count; the cells are redone all the same (one rule for every
        # write: no rollup can disagree with the records whatever a purge comes to change).
        entries = WatchEntry.objects.filter(pk__in=ids).values_list(
            "opened_on", "closed_on", "unit"
        )
        points = {(day, u) for opened, closed, u in entries for day in (opened, closed) if day}
        work.touch(WatchEntry, *points)
        checks = WatchCheck.objects.filter(entry__in=ids).values_list("on", "entry__unit")
        work.touch(WatchCheck, *set(checks))
        audit_write(action="enforcement.watch_purge", acting_user=acting_user, count=len(ids))
    return len(ids)


def watch_territories(user: Any) -> list[Unit]:
    """The units whose watchlist the user keeps: per assignment holding P.VIEW_WATCHLIST, its
    unit, else its agency's unit."""
    territories = []
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role is None or P.VIEW_WATCHLIST not in role.permissions:
            continue
        territory = assignment.unit or (assignment.agency.unit if assignment.agency else None)
        if territory is not None:
            territories.append(territory)
    return territories


def watch_visible(user: Any) -> QuerySet[WatchEntry]:
    """Entries of the user's territory: a commune officer's commune (and what it succeeded), an
    investigator's agency territory. Nobody else sees the watchlist."""
    condition = Q(pk__in=[])
    for territory in watch_territories(user):
        condition |= Q(unit__in=covered_unit_ids(territory))
    return WatchEntry.objects.filter(condition, purged_on__isnull=True).select_related("unit")


def watch_counts_by_unit(user: Any, *, today: date | None = None) -> dict[str, Any]:
    """De-identified figures for the standing office and leaders: per unit of the user's
    territory, the entries under watch and those whose check is overdue, from the registry's
    stock indicators (a query each per territory, whatever the number of entries); nothing
    suppressed, for internal use."""
    today = today or date.today()
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for territory in _territories(user):
        for r in compute(list(WATCH_COUNTS), unit=territory, start=today, end=today, by=("unit",)):
            code, name = r["unit"]["code"], r["unit"]["name"]
            row = found.setdefault(
                (code, name),
                {"unit__code": int(code or 0), "unit__name": name, "active": 0, "overdue": 0},
            )
            row[WATCH_COUNTS[r["indicator"]]] += int(r["value"] or 0)
    rows = sorted(found.values(), key=lambda r: (-r["overdue"], r["unit__name"], r["unit__code"]))
    totals = {k: sum(r[k] for r in rows) for k in ("active", "overdue")}
    return {"rows": rows, "totals": totals, "today": today}


WATCH_COUNTS = {"enforcement.watch_active": "active", "enforcement.watch_overdue": "overdue"}


def _territories(user: Any) -> list[Any]:
    """The units of the user's assignments that read aggregates, those inside another left out
    (an entry is counted once)."""
    units = []
    for assignment in active_assignments(user):
        role = ROLES.get(assignment.role)
        if role and P.VIEW_AGGREGATES in role.permissions and assignment.unit is not None:
            units.append(assignment.unit)
    return [
        u
        for u in units
        if not any(
            other.pk != u.pk
            and Unit.objects.filter(pk=u.pk, id__in=covered_unit_ids(other)).exists()
            for other in units
        )
    ]


# --- checks from a field form (issue 26) -------------------------------------------------------


class WatchOutcome(TextChoices):
    """What a check found, as a field form records it: coded, never free text (the form carries
    entry codes only; WatchCheck.result keeps the outcome's words)."""

    AT_HOME = "at_home", _l("Đang ở tại địa phương")
    WORKING_AWAY = "working_away", _l("Đi làm ăn xa, vẫn liên lạc được")
    MOVED = "moved", _l("Đã chuyển nơi ở khác")
    NOT_REACHED = "not_reached", _l("Chưa gặp, chưa liên lạc được")


# The field form's questions (ctip.fieldforms) and the import's columns: one list.
WATCH_CHECK_FIELDS = {
    "entry_code": _l("Mã theo dõi"),
    "on": _l("Ngày kiểm tra"),
    "found": _l("Đã xác minh được người này"),
    "outcome": _l("Kết quả kiểm tra"),
}
WATCH_CODE = re.compile(r"TD-([0-9]{1,9})", re.IGNORECASE)
# Instance IDs and entry ids looked up per query (SQLite takes at most 32,766 parameters).
IDS_PER_QUERY = 1_000


class WatchImportRejected(WatchError):
    """The file is refused and nothing written; `errors` are the Vietnamese messages."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass(frozen=True)
class WatchChecksImported:
    written: int
    skipped: int  # submissions imported before (the tools' exports are cumulative)
    rejected: int = 0  # submissions a reviewer rejected (ODK Central, KoboToolbox)


@dataclass(frozen=True)
class _Check:
    entry: WatchEntry
    on: date
    found: bool
    outcome: str
    instance: str


def watch_checks_import(
    *, name: str, data: bytes, acting_user: Any, today: date | None = None
) -> WatchChecksImported:
    """The checks of a field form's export (ODK Central or KoboToolbox, CSV or JSON), all or
    none: every row is checked first, each entry code resolved within the entries the acting
    user may see (one refusal for a code that does not exist and one outside their territory);
    then one transaction writes the checks, each entry's next check from its latest check, and
    one audit row for the batch. A submission imported before is skipped."""
    today = today or date.today()
    if not getattr(acting_user, "pk", None):
        raise WatchImportRejected([_("Chỉ người dùng giữ danh sách theo dõi được nhập kết quả.")])
    try:
        rows = read_submissions(name, data, WATCH_CHECK_FIELDS)
    except SubmissionsRejected as exc:
        raise WatchImportRejected(exc.errors) from exc
    reviewed = [r for r in rows if not r.get("_rejected")]
    rejected = len(rows) - len(reviewed)
    fresh = _not_imported(reviewed)
    if not fresh:
        raise WatchImportRejected([_nothing_new(len(reviewed), rejected)])
    checks = _checked(fresh, acting_user, today)
    skipped = len(reviewed) - len(fresh)
    try:
        _write_checks(checks, data=data, skipped=skipped, acting_user=acting_user)
    except IntegrityError as exc:
        # Another upload wrote one of these submissions meanwhile (source_instance is unique):
        # this one rolled back whole; uploaded again, it skips what the other wrote.
        raise WatchImportRejected(
            [_("Một số bản ghi của tệp vừa được nhập từ lần tải lên khác; hãy tải lên lại.")]
        ) from exc
    return WatchChecksImported(written=len(checks), skipped=skipped, rejected=rejected)


def _write_checks(checks: list[_Check], *, data: bytes, skipped: int, acting_user: Any) -> None:
    with unit_of_work(sources=[WatchCheck, WatchEntry]) as work:
        WatchCheck.objects.bulk_create(
            WatchCheck(
                entry=c.entry,
                on=c.on,
                found=c.found,
                result=_outcome_words(c.outcome),
                actor=acting_user,
                source_instance=c.instance,
            )
            for c in checks
        )
        entries = {c.entry.pk: c.entry for c in checks}
        _next_checks(list(entries.values()))
        work.touch_records(WatchEntry, WatchEntry.objects.filter(pk__in=entries))
        audit_write(
            action="enforcement.watch_checks_import",
            acting_user=acting_user,
            count=len(checks),
            file_hash=hashlib.sha256(data).hexdigest(),
            changes={"skipped": skipped},
        )
        work.touch(WatchCheck, *{(c.on, c.entry.unit_id) for c in checks})


def _not_imported(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows no check came from yet. An edited submission whose earlier version was imported
    (same logical id) and whose answers now differ is refused, naming its row: ctip does not
    overwrite a check silently, the officer corrects it in ctip."""
    instances = sorted(submission_ids(rows))
    known: dict[str, WatchCheck] = {}
    for i in range(0, len(instances), IDS_PER_QUERY):
        found = WatchCheck.objects.filter(source_instance__in=instances[i : i + IDS_PER_QUERY])
        known.update({c.source_instance: c for c in found})  # type: ignore[misc]
    fresh, errors = not_imported(rows, known, _same_check, _changed_message)
    if errors:
        raise WatchImportRejected(errors)
    return fresh


def _same_check(row: dict[str, Any], check: WatchCheck) -> bool:
    """True when the row brings nothing new: the version imported (an unedited submission, or
    the very version ctip keeps), or an edit whose answers are the check's."""
    if "_version" not in row or check.source_instance == row["_version"]:
        return True
    outcome = str(row.get("outcome") or "").strip()
    return (
        _entry_id(row.get("entry_code")) == check.entry_id
        and _day(row.get("on")) == check.on
        and _yes_no(row.get("found")) == check.found
        and outcome in WatchOutcome.values
        and _outcome_words(outcome) == check.result
    )


def _changed_message(row: Any) -> str:
    return _(
        "Dòng %(row)s: bản ghi này đã được nhập trước đây, sau đó được sửa trên ODK Central "
        "hoặc KoboToolbox. ctip không tự ghi đè bản ghi đã nhập: hãy sửa bản ghi đó ngay trong "
        "ctip, rồi tải tệp lên lại."
    ) % {"row": row}


def _nothing_new(imported: int, rejected: int) -> str:
    if not rejected:
        message = _(
            "Cả %(count)s bản ghi của tệp đã được nhập trước đây; không có bản ghi mới để ghi."
        )
        return message % {"count": vn_int(imported)}
    return _(
        "Không có bản ghi mới để ghi: %(imported)s bản ghi đã nhập trước đây, %(rejected)s bản "
        "ghi bị từ chối khi duyệt."
    ) % {"imported": vn_int(imported), "rejected": vn_int(rejected)}


def _checked(rows: list[dict[str, Any]], user: Any, today: date) -> list[_Check]:
    """A check per row, or WatchImportRejected naming every row and column that is wrong."""
    entries = _visible_entries(rows, user)
    errors = Problems()
    checks: list[_Check] = []
    for row in rows:
        before = len(errors)

        def bad(key: str, message: str, row: dict[str, Any] = row) -> None:
            errors.append(
                _("Dòng %(row)s, cột “%(column)s”: %(message)s")
                % {"row": row["_row"], "column": WATCH_CHECK_FIELDS[key], "message": message}
            )

        for key in WATCH_CHECK_FIELDS:
            if not isinstance(row.get(key), str | int | bool) or str(row[key]).strip() == "":
                bad(key, _("bắt buộc."))
        if len(errors) > before:
            continue
        entry = entries.get(_entry_id(row["entry_code"]) or 0)
        if entry is None:
            message = _("không có mã theo dõi “%(value)s” trong phạm vi của bạn.")
            bad("entry_code", message % {"value": shown(row["entry_code"])})
        on = _day(row["on"])
        if on is None:
            message = _("“%(value)s” không phải ngày (năm-tháng-ngày hoặc ngày/tháng/năm).")
            bad("on", message % {"value": shown(row["on"])})
        elif on > today:
            bad("on", _("ngày ở tương lai."))
        elif entry is not None:
            _check_within(entry, on, bad)
        found = _yes_no(row["found"])
        if found is None:
            bad("found", _("chỉ nhận “có” hoặc “không”."))
        outcome = str(row["outcome"]).strip()
        if outcome not in WatchOutcome.values:
            message = _("kết quả “%(value)s” không có trong danh mục.")
            bad("outcome", message % {"value": shown(outcome)})
        if len(errors) == before:
            assert entry is not None and on is not None and found is not None
            checks.append(_Check(entry, on, found, outcome, row["_instance"]))
    if errors:
        raise WatchImportRejected(errors.listed())
    return checks


def _visible_entries(rows: list[dict[str, Any]], user: Any) -> dict[int, WatchEntry]:
    """The entries the rows name that the user may see, in a query per thousand codes."""
    ids = sorted({i for r in rows if (i := _entry_id(r.get("entry_code"))) is not None})
    visible = watch_visible(user)
    found: dict[int, WatchEntry] = {}
    for i in range(0, len(ids), IDS_PER_QUERY):
        found.update(visible.in_bulk(ids[i : i + IDS_PER_QUERY]))
    return found


def _entry_id(value: Any) -> int | None:
    match = WATCH_CODE.fullmatch(str(value or "").strip())
    return int(match.group(1)) if match else None


def _check_within(entry: WatchEntry, on: date, bad: Any) -> None:
    if on < entry.opened_on:
        message = _("trước ngày đưa vào theo dõi (%(day)s).")
        bad("on", message % {"day": f"{entry.opened_on:%d/%m/%Y}"})
    elif entry.closed_on is not None and on > entry.closed_on:
        message = _("sau ngày kết thúc theo dõi (%(day)s).")
        bad("on", message % {"day": f"{entry.closed_on:%d/%m/%Y}"})


def _day(value: Any) -> date | None:
    text = str(value).strip()[:10] if "T" in str(value) else str(value).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            day = datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return day if MIN_DATE <= day <= MAX_DATE else None
    return None


def _yes_no(value: Any) -> bool | None:
    text = fold(str(value))
    if text in {"yes", "co", "true", "1"}:
        return True
    if text in {"no", "khong", "false", "0"}:
        return False
    return None


def _outcome_words(outcome: str) -> str:
    """The outcome as the check's result reads on the entry's page, in Vietnamese."""
    with translation.override("vi"):
        return str(WatchOutcome(outcome).label)


def _next_checks(entries: list[WatchEntry]) -> None:
    """Each entry's next check: its interval after its latest check (whatever order the
    submissions came in)."""
    latest = dict(
        WatchCheck.objects.filter(entry__in=[e.pk for e in entries])
        .values("entry")
        .annotate(last=Max("on"))
        .values_list("entry", "last")
    )
    for entry in entries:
        due = latest[entry.pk] + timedelta(days=entry.check_every_days)
        WatchEntry.objects.filter(pk=entry.pk).update(next_check_on=due)
