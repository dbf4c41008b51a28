"""Migrating a province's existing victim register (Excel or JSON): all rows or none, errors
by row without any personal value, one audit row for the batch."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from ctip.agencies.models import Agency
from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_AGE, MAX_COUNT, MIN_DATE
from ctip.core.cells import Problems, cell_problem
from ctip.core.work import unit_of_work
from ctip.geo.models import COMMUNE_LEVELS, Unit
from ctip.prevention.importer import ImportRejected, read_file
from ctip.victims import duplicates
from ctip.victims.services import DuplicateSuspected, Person, case_create
from ctip.victims.vocab import Sex, Source

FIELDS = (
    "full_name",
    "sex",
    "date_of_birth",
    "age",
    "nationality",
    "identity_document",
    "home_unit",
    "received_on",
    "source",
    # Optional: "có"/"x"/"1"/"true" for a stateless person permanently resident in Vietnam,
    # who has a citizen's rights (Law 53/2024 Art. 37).
    "stateless_resident",
)
YES = {"có", "co", "x", "1", "true", "yes"}
NO = {"", "không", "khong", "0", "false", "no"}


def read_cases(name: str, data: bytes) -> list[dict[str, Any]]:
    """The same readers (and limits) as every import: JSON list or the first sheet of a workbook,
    whose header row names the fields."""
    return read_file(name, data, columns={field: field for field in FIELDS})


def check_cases(rows: list[dict[str, Any]], *, today: date | None = None) -> list[tuple]:
    today = today or date.today()
    out: list[tuple] = []
    errors = Problems()
    for position, raw in enumerate(rows, start=1):
        line = raw.get("_row", position)

        def bad(column: str, message: str, line: int = line) -> None:
            # Messages name the column, never the value (it may be personal).
            errors.append(
                _("Dòng %(row)s, cột “%(column)s”: %(message)s")
                % {"row": line, "column": column, "message": message}
            )

        before = len(errors)
        # Texts first (a NUL, a control character, an over-long cell): the row goes no further.
        for field in FIELDS:
            value = raw.get(field)
            problem = cell_problem(value) or (
                _("phải là một giá trị.") if isinstance(value, (list, dict)) else None
            )
            if problem:
                bad(field, problem)
        if len(errors) > before:
            continue
        name = str(raw.get("full_name") or "").strip()
        if not name:
            bad("full_name", _("bắt buộc."))
        sex = str(raw.get("sex") or "")
        if sex not in Sex.values:
            bad("sex", _("chỉ nhận female hoặc male."))
        received = _date(raw.get("received_on"))
        if received is None:
            bad("received_on", _("không phải ngày năm-tháng-ngày."))
        elif received > today:
            bad("received_on", _("ngày ở tương lai."))
        elif received < MIN_DATE:
            bad("received_on", _("ngày phải từ %(min)s trở đi.") % {"min": f"{MIN_DATE:%d/%m/%Y}"})
            received = None
        age = _age(raw, received)
        if age is None:
            bad("age", _("phải có date_of_birth hoặc age hợp lệ."))
        nationality = str(raw.get("nationality") or "").upper()
        if len(nationality) != 2 or not nationality.isalpha():
            bad("nationality", _("mã nước phải có 2 chữ cái, ví dụ VN, LA, CN."))
        source = str(raw.get("source") or "")
        if source not in Source.values:
            bad("source", _("nguồn tiếp nhận không có trong danh mục."))
        unit = None
        if received is not None:
            unit = (
                Unit.objects.valid_on(received)
                .filter(code=_int(raw.get("home_unit")), level__in=COMMUNE_LEVELS)
                .first()
            )
            if unit is None:
                bad("home_unit", _("không có xã, phường mã này vào ngày tiếp nhận."))
        stateless = str(raw.get("stateless_resident") or "").strip().lower()
        if stateless not in YES | NO:
            bad("stateless_resident", _("ghi “có” hoặc để trống."))
        if len(errors) > before:
            continue
        dob = raw.get("date_of_birth")
        out.append(
            (
                received,
                source,
                Person(
                    full_name=name,
                    sex=sex,
                    age_at_reception=age or 0,
                    home_unit=unit,  # type: ignore[arg-type]
                    nationality=nationality,
                    stateless_resident=stateless in YES,
                    date_of_birth=str(dob or ""),
                    identity_document=str(raw.get("identity_document") or ""),
                ),
            )
        )
    if errors:
        raise ImportRejected(errors.listed())
    if not out:
        raise ImportRejected([_("Tệp không có dòng dữ liệu nào.")])
    return out


def import_cases(
    *,
    name: str,
    data: bytes,
    agency: Agency,
    acting_user: Any,
    dry_run: bool = False,
    allow_duplicates: bool = False,
) -> int:
    """A row whose person seems known (keyed hashes of name + date of birth, or document) is
    refused with the existing case's code, so it can be linked instead of created twice."""
    checked = check_cases(read_cases(name, data))
    if not allow_duplicates:
        _refuse_known(checked, acting_user)
    if dry_run:
        return len(checked)
    with unit_of_work():
        for line, (received, source, person) in enumerate(checked, start=1):
            try:
                case_create(
                    batch=True,
                    owner=agency,
                    received_on=received,
                    source=source,
                    person=person,
                    acting_user=acting_user,
                    notified_on=received,
                    allow_duplicate=allow_duplicates,
                )
            except DuplicateSuspected as exc:  # the same person twice in the file
                raise ImportRejected(
                    [
                        _("Dòng %(row)s: có thể trùng với hồ sơ %(codes)s.")
                        % {"row": line, "codes": ", ".join(exc.codes)}
                    ]
                ) from exc
        audit_write(
            action="victims.cases_import",
            acting_user=acting_user,
            count=len(checked),
            file_hash=hashlib.sha256(data).hexdigest(),
            changes={"agency": [None, agency.code]},
        )
    return len(checked)


def _refuse_known(checked: list[tuple], acting_user: Any) -> None:
    """Rows whose person the importing user can already open are refused with those codes;
    matches outside the user's access are not named (they are queued when the row is written)."""

    errors = []
    for line, (_received, _source, person) in enumerate(checked, start=1):
        matches = duplicates.matches_for(
            full_name=person.full_name,
            date_of_birth=person.date_of_birth,
            identity_document=person.identity_document,
        )
        seen, _unseen = duplicates.split_by_access(acting_user, matches)
        codes = [m.case.code for m in seen]
        if codes:
            errors.append(
                _("Dòng %(row)s: có thể trùng với hồ sơ %(codes)s.")
                % {"row": line, "codes": ", ".join(codes)}
            )
    if errors:
        raise ImportRejected(errors)


def _int(value: Any) -> int:
    """A whole number the database can compare (a code or an age), else -1."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return -1
    return number if 0 <= number <= MAX_COUNT else -1


def _date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _age(raw: dict[str, Any], received: date | None) -> int | None:
    if raw.get("age") not in (None, ""):
        age = _int(raw.get("age"))
        return age if 0 <= age <= MAX_AGE else None
    born = _date(raw.get("date_of_birth"))
    if born is None or received is None or born > received:
        return None
    age = received.year - born.year - ((received.month, received.day) < (born.month, born.day))
    return age if age <= MAX_AGE else None
