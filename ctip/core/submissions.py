"""Reading the submissions of a field form as ODK Central and KoboToolbox export them (issue 26).

Four shapes, told apart by their content (docs/import.md, "Field forms"):
- ODK Central's CSV: commas, a group's fields joined by "-" (`figures-sessions`), the
  submission's instance ID in `meta-instanceID` (and `KEY`);
- KoboToolbox's CSV ("XML values and headers"): semicolons, every cell quoted, groups joined by
  "/", the instance ID in `meta/instanceID` (or `_uuid`, without its "uuid:" prefix);
- ODK Central's JSON (OData): `{"value": [...]}`, a group a nested object;
- KoboToolbox's JSON: `{"results": [...]}`, flat keys joined by "/", every value a text.

Each row keeps only the form's `fields` (a field is found by its own name, the last segment of
its path: a name that two columns share is refused), plus `_row` (the line of a CSV, counting
the header as 1, or the position in a JSON list) and `_instance`, the submission's instance ID
("uuid:…"), by which an import skips what an earlier, cumulative export already brought.
`_instance` is the submission's logical id, which an edit keeps (ODK Central's `KEY` and
`__id`, Kobo's `meta/rootUuid`, else `_uuid`): ODK Central gives an edited submission a new
`meta/instanceID`, so keyed by that an edit would come back as a second record (review of issue
26, finding 4). A row whose version (`meta/instanceID`) differs from its logical id, an edited
submission, also has `_version`; a submission the reviewer rejected (Central's review state
"rejected", Kobo's validation status "not approved") has `_rejected` True, for the import to
skip.
`lists` are the fields whose answer is a select_multiple (space-separated names): they become
lists. Within the bounds of every import (ctip.core.bounds): the file's size, its rows, each
cell (ctip.core.csvfiles, ctip.core.jsonrows); errors are Vietnamese messages that name rows
and columns, never a cell's value."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_IMPORT_FILE_BYTES
from ctip.core.cells import Problems
from ctip.core.csvfiles import check_csv
from ctip.core.jsonrows import JsonRejected, read_json_rows

# Where each tool writes the submission's logical id, which an edit keeps, most specific first;
# then its version, which each edit changes (the logical id when nothing else is there).
LOGICAL_COLUMNS = ("KEY", "__id", "meta/rootUuid", "meta-rootUuid", "rootUuid", "_uuid")
VERSION_COLUMNS = ("meta-instanceID", "meta/instanceID", "instanceID")
INSTANCE_COLUMNS = (*LOGICAL_COLUMNS, *VERSION_COLUMNS)
# Where the tools write a reviewer's verdict, and the verdicts that keep a submission out.
REVIEW_COLUMNS = (
    "ReviewState",
    "__system/reviewState",
    "_validation_status",
    "_validation_status/uid",
)
REJECTED = {"rejected", "validation_status_not_approved", "not approved"}
CONTAINERS = ("value", "results")
# An instance ID as the tools write it: "uuid:" and a UUID, at most what the column holds.
INSTANCE = re.compile(r"(?:uuid:)?[0-9A-Za-z][0-9A-Za-z._:-]{0,58}")
GROUP_SEPARATORS = re.compile(r"[-/]")
# The header line is searched for within this many bytes (a header of 200 columns fits).
HEADER_BYTES = 64 * 1024


class SubmissionsRejected(ValueError):
    """The file is refused; `errors` are the Vietnamese messages."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def is_submissions(name: str, data: bytes) -> bool:
    """A form tool's export rather than ctip's own file: a CSV, or a JSON object (ctip's own
    JSON is a list of rows)."""
    lowered = name.lower()
    if lowered.endswith(".csv"):
        return True
    if lowered.endswith(".json"):
        return data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] == b"{"
    return False


def read_submissions(
    name: str, data: bytes, fields: Iterable[str], *, lists: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """The submissions of the export `data`, each with the `fields` it answers, `_row` and
    `_instance`; SubmissionsRejected with every problem at once."""
    wanted = list(fields)
    if len(data) > MAX_IMPORT_FILE_BYTES:
        megabytes = MAX_IMPORT_FILE_BYTES // 1024 // 1024
        raise SubmissionsRejected([_("Tệp quá lớn (tối đa %(max)s MB).") % {"max": megabytes}])
    read = _json_rows if name.lower().endswith(".json") else _csv_rows
    rows = read(data, wanted)
    return [_split_lists(row, set(lists)) for row in rows]


# --- CSV ----------------------------------------------------------------------------------------


def _csv_rows(data: bytes, fields: list[str]) -> list[dict[str, Any]]:
    header = _header(data)
    delimiter = ";" if header.count(";") > header.count(",") else ","
    names = [n.strip().strip('"') for n in header.split(delimiter)]
    instance = next((c for c in INSTANCE_COLUMNS if c in names), None)
    if instance is None:
        raise SubmissionsRejected([_no_instance_column()])
    version = next((c for c in VERSION_COLUMNS if c in names), None)
    review = next((c for c in REVIEW_COLUMNS if c in names), None)
    columns = _columns(names, fields)
    if not columns:
        raise SubmissionsRejected([_no_fields()])

    def row_of(line: int, raw: dict[str, str], errors: Any) -> dict[str, Any] | None:
        row: dict[str, Any] = {"_row": line}
        for column, field in columns.items():
            value = raw.get(column)
            if value not in (None, ""):
                row[field] = value
        checked = _with_instance(row, raw.get(instance), errors)
        if checked is not None:
            _mark(
                checked, raw.get(version) if version else None, raw.get(review) if review else None
            )
        return checked

    def rejected(errors: list[str]) -> Exception:
        return SubmissionsRejected(errors)

    rows = check_csv(data, (instance,), row_of, rejected, delimiter=delimiter)
    _refuse_repeated(rows)
    return rows


def _header(data: bytes) -> str:
    head = data[:HEADER_BYTES].removeprefix(b"\xef\xbb\xbf")
    line = head.split(b"\n", 1)[0]
    return line.decode("utf-8", errors="replace").rstrip("\r")


def _columns(names: list[str], fields: list[str]) -> dict[str, str]:
    """Column -> field, a field found by the last segment of its column's group path."""
    found: dict[str, str] = {}
    by_field: dict[str, list[str]] = {}
    for name in names:
        field = _own_name(name)
        if field in fields:
            found[name] = field
            by_field.setdefault(field, []).append(name)
    shared = {f: c for f, c in by_field.items() if len(c) > 1}
    if shared:
        raise SubmissionsRejected(
            [
                _("Các cột %(columns)s cùng là trường “%(field)s” của biểu mẫu; chỉ được có một.")
                % {"columns": ", ".join(columns), "field": field}
                for field, columns in shared.items()
            ]
        )
    return found


def _own_name(path: str) -> str:
    return GROUP_SEPARATORS.split(path)[-1]


def _no_instance_column() -> str:
    return _(
        "Tệp không có cột mã bản ghi (meta-instanceID, meta/instanceID, KEY hoặc _uuid). Hãy "
        "xuất tệp từ ODK Central, hoặc từ KoboToolbox với lựa chọn “XML values and headers” "
        "(tên trường, không phải nhãn câu hỏi)."
    )


def _no_fields() -> str:
    return _(
        "Tệp không có trường nào của biểu mẫu này. Hãy kiểm tra đã xuất đúng biểu mẫu; với "
        "KoboToolbox, chọn “XML values and headers” (tên trường, không phải nhãn câu hỏi)."
    )


# --- JSON ---------------------------------------------------------------------------------------


def _json_rows(data: bytes, fields: list[str]) -> list[dict[str, Any]]:
    keys = [*fields, *INSTANCE_COLUMNS, *REVIEW_COLUMNS]
    try:
        found = read_json_rows(data, keys, container=CONTAINERS, flatten="/")
    except JsonRejected as exc:
        raise SubmissionsRejected([str(exc)]) from exc
    rows: list[dict[str, Any]] = []
    errors = Problems()
    for number, raw in enumerate(found, start=1):
        names = list(raw)
        try:
            columns = _columns(names, fields)
        except SubmissionsRejected as exc:
            raise SubmissionsRejected(
                [_("Bản ghi %(row)s: %(message)s") % {"row": number, "message": exc.errors[0]}]
            ) from exc
        row: dict[str, Any] = {"_row": number}
        for path, field in columns.items():
            if raw[path] not in (None, ""):
                row[field] = raw[path]
        logical = next((raw[c] for c in LOGICAL_COLUMNS if raw.get(c)), None)
        version = next((raw[p] for p in names if _own_name(p) == "instanceID"), None)
        checked = _with_instance(row, logical or version, errors)
        if checked is not None:
            review = next((raw[c] for c in REVIEW_COLUMNS if raw.get(c)), None)
            rows.append(_mark(checked, version, review))
    if not rows and not errors:
        errors.append(_("Tệp không có dòng dữ liệu nào."))
    if errors:
        raise SubmissionsRejected(errors.listed())
    if all(set(row) <= {"_row", "_instance", "_version", "_rejected"} for row in rows):
        raise SubmissionsRejected([_no_fields()])
    _refuse_repeated(rows)
    return rows


# --- both ---------------------------------------------------------------------------------------


def _with_instance(row: dict[str, Any], value: Any, errors: Any) -> dict[str, Any] | None:
    """The row with its instance ID as "uuid:…" (Kobo's `_uuid` lacks the prefix), or None
    having named the row: without it an import could not tell a submission already imported."""
    text = value.strip() if isinstance(value, str) else ""
    if not INSTANCE.fullmatch(text):
        errors.append(
            _("Dòng %(row)s: thiếu hoặc sai mã bản ghi (instanceID) của biểu mẫu.")
            % {"row": row["_row"]}
        )
        return None
    row["_instance"] = _uuid(text)
    return row


def _uuid(text: str) -> str:
    return text if text.startswith("uuid:") else f"uuid:{text}"


def _mark(row: dict[str, Any], version: Any, review: Any) -> dict[str, Any]:
    """`_version` when the row is an edit (its version is not its logical id), `_rejected` when
    a reviewer rejected it; a row without either keeps only its fields, `_row` and `_instance`."""
    text = version.strip() if isinstance(version, str) else ""
    if INSTANCE.fullmatch(text) and _uuid(text) != row["_instance"]:
        row["_version"] = _uuid(text)
    if isinstance(review, str) and review.strip().lower() in REJECTED:
        row["_rejected"] = True
    return row


def _refuse_repeated(rows: list[dict[str, Any]]) -> None:
    """One submission is one row: an export never repeats one, so a file that does was edited."""
    first: dict[str, int] = {}
    errors = Problems()
    for row in rows:
        earlier = first.setdefault(row["_instance"], row["_row"])
        if earlier != row["_row"]:
            errors.append(
                _("Dòng %(row)s: cùng mã bản ghi với dòng %(first)s (một bản ghi chỉ một dòng).")
                % {"row": row["_row"], "first": earlier}
            )
    if errors:
        raise SubmissionsRejected(errors.listed())


def _split_lists(row: dict[str, Any], lists: set[str]) -> dict[str, Any]:
    """A select_multiple answer ("public youth") as the list of its choices' names."""
    for key in lists & set(row):
        if isinstance(row[key], str):
            row[key] = row[key].split()
    return row


def submission_ids(rows: Iterable[dict[str, Any]]) -> set[str]:
    """Every logical id and version id the rows name: what a record imported before keeps as
    its `source_instance`."""
    return {str(r[k]) for r in rows for k in ("_instance", "_version") if k in r}


def not_imported(
    rows: Iterable[dict[str, Any]],
    known: dict[str, Any],
    same: Callable[[dict[str, Any], Any], bool],
    changed: Callable[[Any], str],
) -> tuple[list[dict[str, Any]], list[str]]:
    """(the rows no record came from yet, the messages of the others that changed since).

    The tools' exports are cumulative: a row whose submission was imported before (`known`, by
    version id or logical id) is skipped when `same(row, record)` says it brings nothing new,
    and named by `changed(row number)` when an edit changed it: ctip never overwrites a record
    silently, the officer corrects it in ctip."""
    fresh: list[dict[str, Any]] = []
    errors = Problems()
    for row in rows:
        earlier = known.get(str(row.get("_version"))) or known.get(str(row["_instance"]))
        if earlier is None:
            fresh.append(row)
        elif not same(row, earlier):
            errors.append(changed(row["_row"]))
    return fresh, errors.listed()
