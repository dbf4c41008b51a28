"""Reading an uploaded JSON file of rows with bounded memory (issue 19, finding 4).

`json.loads` of a whole file costs 10 to 30 times its size (a 20 MB file of short distinct keys
takes over 500 MB: every key is kept, and remembered by the parser) and deep nesting ends in a
RecursionError. Here the file must be a list of objects (rows) whose values are scalars or lists
of scalars. A scan of its brackets (a regular expression that steps over strings, nothing
copied) splits it into rows; each row, at most MAX_ROW_BYTES, is parsed on its own; only the
keys the importer knows are kept (as the importer's own strings); texts over MAX_CELL become
`TooLong`; lists, list items and characters kept are bounded. Memory: the file, plus the rows
kept, each bounded (ctip.core.bounds).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_IMPORT_ROWS, MAX_IMPORT_TEXT
from ctip.core.cells import TooLong, cap_cells
from ctip.core.text import vn_int

# A row of a template has at most a few dozen cells of MAX_CELL characters (6 bytes each when
# written as \\uXXXX escapes): far less than this.
MAX_ROW_BYTES = 256 * 1024
# A list (target groups, partners) has a few items; a file has about that many per row.
MAX_LIST_ITEMS = 50
LIST_ITEMS_PER_ROW = 10
# The file, a row, a list in a row.
MAX_DEPTH = 3
# A form tool's export: its object, the list, a row, groups within groups, a list in a row.
MAX_NESTED_DEPTH = 8
# Whatever comes before the next bracket, strings stepped over whole (possessive: no backtracking).
_NEXT_BRACKET = re.compile(rb'(?:[^"\[\]{}]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+([\[\]{}])')
_SPACE = re.compile(rb"\s*+")
_COMMA = re.compile(rb"\s*+,\s*+")


class JsonRejected(ValueError):
    """The file is refused; str() is the Vietnamese message."""


def _unreadable() -> JsonRejected:
    return JsonRejected(_("Tệp JSON không đọc được."))


def _not_rows() -> JsonRejected:
    return JsonRejected(_("Tệp JSON phải là một danh sách các đối tượng."))


def read_json_rows(
    data: bytes,
    keys: Iterable[str],
    *,
    container: tuple[str, ...] = (),
    flatten: str = "",
) -> list[dict[str, Any]]:
    """The rows of `data`, each with the `keys` it has (others are dropped).

    `container`: the rows are the list under one of these keys of a top-level object (ODK
    Central's OData `{"value": [...]}`, KoboToolbox's `{"results": [...]}`) rather than a
    top-level list; what follows that list is not read. `flatten`: a row's nested objects (the
    groups of a form) become keys joined by this separator (`{"meta": {"instanceID": …}}` gives
    "meta/instanceID"), and a key is kept when its path or its last segment is one of `keys`;
    rows may then nest up to MAX_NESTED_DEPTH."""
    known = list(keys)
    rows: list[dict[str, Any]] = []
    budget = {"text": 0, "items": 0}
    data = data.removeprefix(b"\xef\xbb\xbf")
    start = _container(data, container) if container else None
    depth = MAX_NESTED_DEPTH if flatten else MAX_DEPTH
    for number, raw in enumerate(_rows(data, start=start, max_depth=depth), start=1):
        if len(raw) > MAX_ROW_BYTES:
            raise JsonRejected(
                _("Dòng %(row)s: dài quá %(max)s KB.")
                % {"row": number, "max": MAX_ROW_BYTES // 1024}
            )
        try:
            found = json.loads(raw)
        except ValueError as exc:  # only the row: the parser's message can quote the file
            raise JsonRejected(
                _("Tệp JSON không đọc được ở dòng %(row)s.") % {"row": number}
            ) from exc
        if not isinstance(found, dict):
            raise _not_rows()
        if flatten:
            found = _flat(found, flatten, set(known))
            row = cap_cells(found)
        else:
            row = cap_cells({key: found[key] for key in known if key in found})
        _count(row, number, budget)
        rows.append(row)
    return rows


def _flat(found: dict[str, Any], separator: str, known: set[str]) -> dict[str, Any]:
    """The row's values by their path through nested objects, only those whose path or last
    segment is known (the depth is bounded by the scan before parsing)."""
    flat: dict[str, Any] = {}
    pending: list[tuple[str, dict[str, Any]]] = [("", found)]
    while pending:
        prefix, values = pending.pop()
        for key, value in values.items():
            path = f"{prefix}{separator}{key}" if prefix else str(key)
            if isinstance(value, dict):
                pending.append((path, value))
            elif path in known or path.rsplit(separator, 1)[-1] in known:
                flat[path] = value
    return flat


def _container(data: bytes, names: tuple[str, ...]) -> int:
    """Where the list of rows starts: the list under one of `names` in the top-level object."""
    pos = _SPACE.match(data).end()  # type: ignore[union-attr]
    if data[pos : pos + 1] != b"{":
        raise _no_container() if data[pos:].strip() else _unreadable()
    named = re.compile(
        rb'"(?:' + b"|".join(re.escape(n.encode()) for n in names) + rb')"\s*+:\s*+\Z'
    )
    depth, gap = 0, pos
    while (found := _NEXT_BRACKET.match(data, pos)) is not None:
        bracket, where = found.group(1), found.start(1)
        if depth == 1 and bracket == b"[" and named.search(data, gap, where):
            return where
        pos = found.end()
        depth += 1 if bracket in b"[{" else -1
        if depth > MAX_NESTED_DEPTH:
            raise _too_deep()
        if depth == 1:
            gap = pos  # back in the top-level object: the next key follows
        elif depth == 0:
            break
    raise _no_container()


def _no_container() -> JsonRejected:
    return JsonRejected(_("Tệp JSON không có danh sách bản ghi (“value” hoặc “results”)."))


def _too_deep() -> JsonRejected:
    return JsonRejected(
        _(
            "Tệp JSON có cấu trúc quá sâu: mỗi dòng là một đối tượng, mỗi giá trị "
            "là số, chữ hoặc danh sách."
        )
    )


def _rows(data: bytes, *, start: int | None = None, max_depth: int = MAX_DEPTH) -> Iterable[bytes]:
    """Each element of the top-level list, as bytes; JsonRejected unless `data` is a list whose
    elements are objects or lists (what an element holds is checked when it is parsed).
    `start`: where a list inside an object starts (`_container`); the rows end with it."""
    pos = _SPACE.match(data).end() if start is None else start  # type: ignore[union-attr]
    if data[pos : pos + 1] != b"[":
        raise _not_rows() if data[pos:].strip() else _unreadable()
    depth, start, count = 0, 0, 0
    while (found := _NEXT_BRACKET.match(data, pos)) is not None:
        bracket, where = found.group(1), found.start(1)
        opening = bracket in b"[{"
        if depth == 1:
            # Between two elements of the top-level list: a comma; before the first element or
            # the closing bracket: nothing. Anything else is a value that is not a row.
            gap = _COMMA if opening and count else _SPACE
            if gap.fullmatch(data, pos, where) is None or bracket == b"}":
                raise _not_rows()
        pos = found.end()
        if opening:
            depth += 1
            if depth > max_depth:
                raise _too_deep()
            if depth == 2:
                start = where
            continue
        depth -= 1
        if depth == 1:
            count += 1
            if count > MAX_IMPORT_ROWS:
                raise _too_many()
            yield data[start:pos]
        elif depth == 0:
            break
    if depth != 0 or (start is None and data[pos:].strip()):
        raise _unreadable()


def _too_many() -> JsonRejected:
    return JsonRejected(
        _("Tệp có quá nhiều dòng (tối đa %(max)s).") % {"max": vn_int(MAX_IMPORT_ROWS)}
    )


def _count(row: dict[str, Any], number: int, budget: dict[str, int]) -> None:
    """Characters and list items kept so far, within their bounds."""
    for key, value in row.items():
        items = value if isinstance(value, list) else [value]
        if isinstance(value, list):
            if len(value) > MAX_LIST_ITEMS:
                raise JsonRejected(
                    _("Dòng %(row)s, cột “%(column)s”: quá %(max)s giá trị.")
                    % {"row": number, "column": key, "max": MAX_LIST_ITEMS}
                )
            budget["items"] += len(value)
        for item in items:
            if isinstance(item, str) and not isinstance(item, TooLong):
                budget["text"] += len(item)
    if budget["text"] > MAX_IMPORT_TEXT or budget["items"] > LIST_ITEMS_PER_ROW * MAX_IMPORT_ROWS:
        raise JsonRejected(
            _("Tệp JSON có quá nhiều chữ hoặc giá trị để nhập một lần; hãy chia thành nhiều tệp.")
        )
