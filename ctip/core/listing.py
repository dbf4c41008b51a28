"""Lists with filters, sorting, pages and counts, over a queryset a selector has already scoped.

A view hands `Listing` the user's scoped queryset and declares its filters; every filter only
narrows it (`.filter()`), so no parameter can widen what the selector let the user see. The
query string is read leniently: a value that does not parse, or is not among the offered
choices, is ignored with a notice in Vietnamese, never an error page. Counts come from one
aggregate query (`GROUP BY`), never from the rows; the number of queries of a page does not
grow with the data.

Filters hold codes and dates only: a name or any other personal value never goes into a URL
(a name search, where there is one, is a POST handled by the view itself).

    listing = Listing(request, cases_visible(user), sorts={"code": ("code",), ...},
                      default_sort="-received_on")
    listing.dates("from", "to", field="received_on", label_from=..., label_to=...)
    listing.choice("unit", field="home_unit", choices=[(str(u.pk), u.name) ...], label=...)
    listing.counts_by("state", State.choices)     # before the state filter: chips of each state
    listing.choice("state", field="state", choices=State.choices, label=...)
    context = listing.context()                   # page, counts, notices, sort links, values

The lists of cases (victim cases, criminal cases) share one set of filters: `case_list_context`
with the columns they are read from (`CaseColumns`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Subquery
from django.db.models.lookups import Exact
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _

from ctip.core.bounds import MAX_DATE, MIN_DATE
from ctip.core.text import fold, vn_date, vn_int

PAGE_SIZE = 50
SORT = "sort"
PAGE = "page"
_DMY = re.compile(r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def parse_day(raw: str) -> date | None:
    """A date as ctip's forms take it ("16/10/2023", "6/1/2024") or ISO ("2023-10-16"); None
    when it is not one, or lies outside the bounds of ctip's dates."""
    raw = raw.strip()
    match = _DMY.match(raw)
    if match:
        day, month, year = (int(g) for g in match.groups())
    else:
        match = _ISO.match(raw)
        if not match:
            return None
        year, month, day = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value if MIN_DATE <= value <= MAX_DATE else None


@dataclass(frozen=True)
class Chip:
    """One count of the list: a state (or the total) with its link."""

    value: str
    label: str
    n: int
    url: str
    active: bool

    @property
    def shown(self) -> str:
        return vn_int(self.n)


@dataclass(frozen=True)
class SortLink:
    url: str
    direction: str  # "ascending", "descending" or "" (the aria-sort words)


class Listing:
    def __init__(
        self,
        request: HttpRequest,
        queryset: QuerySet[Any],
        *,
        sorts: Mapping[str, Sequence[str]],
        default_sort: str,
        page_size: int = PAGE_SIZE,
        counted_as: str = "",
    ) -> None:
        self.request = request
        self.params: QueryDict = request.GET
        self.qs = queryset
        self.sorts = sorts
        self.default_sort = default_sort
        self.page_size = page_size
        self.counted_as = counted_as  # "%(n)s vụ án"; "%(n)s hồ sơ" by default
        self.notices: list[str] = []
        self.values: dict[str, str] = {}  # the accepted filters, as shown back in the form
        self.chips: list[Chip] = []
        self.counted: str | None = None

    # Reading the query string -------------------------------------------------------------

    def _raw(self, param: str) -> str:
        # A repeated parameter counts once (the last); NUL and overlong values are not values.
        raw = self.params.get(param, "")
        return raw.strip() if len(raw) <= 40 and "\x00" not in raw else "\x00"

    def _ignore(self, label: str) -> None:
        self.notices.append(
            _("Bộ lọc “%(filter)s” có giá trị không hợp lệ nên đã được bỏ qua.") % {"filter": label}
        )

    def choice(
        self, param: str, *, field: str, choices: Iterable[tuple[Any, Any]], label: str
    ) -> str | None:
        """Keep the rows whose `field` equals the chosen value, if it is one of `choices`."""
        raw = self._raw(param)
        if not raw:
            return None
        if raw not in {str(value) for value, _label in choices}:
            self._ignore(label)
            return None
        self.qs = self.qs.filter(**{field: raw})
        self.values[param] = raw
        return raw

    def flag(self, param: str, *, condition: Any, label: str) -> bool:
        """A check box ("1"): keep the rows matching `condition` (a Q or a boolean expression)."""
        raw = self._raw(param)
        if not raw:
            return False
        if raw not in ("1", "on", "true"):
            self._ignore(label)
            return False
        self.qs = self.qs.filter(condition)
        self.values[param] = "1"
        return True

    def dates(
        self, param_from: str, param_to: str, *, field: str, label_from: str, label_to: str
    ) -> tuple[date | None, date | None]:
        """From and to, both inclusive; a range given backwards is ignored with a notice."""
        found: dict[str, date | None] = {}
        for param, label in ((param_from, label_from), (param_to, label_to)):
            raw = self._raw(param)
            day = parse_day(raw) if raw else None
            if raw and day is None:
                self._ignore(label)
            found[param] = day
        start, end = found[param_from], found[param_to]
        if start and end and start > end:
            self.notices.append(
                _("Khoảng ngày “%(start)s - %(end)s” bị ngược nên đã được bỏ qua.")
                % {"start": vn_date(start), "end": vn_date(end)}
            )
            return None, None
        if start:
            self.qs = self.qs.filter(**{f"{field}__gte": start})
            self.values[param_from] = start.strftime("%d/%m/%Y")
        if end:
            self.qs = self.qs.filter(**{f"{field}__lte": end})
            self.values[param_to] = end.strftime("%d/%m/%Y")
        return start, end

    # Counts ----------------------------------------------------------------------------

    def counts_by(self, param: str, choices: Iterable[tuple[Any, Any]], *, field: str = "") -> None:
        """One query: the rows filtered so far, counted by `field` (default: `param`). Called
        before that field's own filter, the chips show every value's count, each a link that
        keeps the other filters."""
        field = field or param
        rows = self.qs.order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
        counts = {str(value): n for value, n in rows}
        choices = list(choices)
        chosen = self._raw(param)
        self.counted = param
        self.chips = [
            Chip(
                value=str(value),
                label=str(label),
                n=counts.get(str(value), 0),
                url=self.url(**{param: str(value)}),
                active=chosen == str(value),
            )
            for value, label in choices
            if counts.get(str(value))
        ]
        self.chips.insert(
            0,
            Chip(
                value="",
                label=_("Tất cả"),
                n=sum(counts.values()),
                url=self.url(**{param: None}),
                active=chosen not in {str(value) for value, _label in choices},
            ),
        )

    # Links -----------------------------------------------------------------------------

    def url(self, **changes: str | None) -> str:
        """ "?<the current parameters with `changes`>" (None drops one); a new filter or sort
        starts again from the first page."""
        params = self.params.copy()
        params.pop(PAGE, None)
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = value
        return "?" + params.urlencode() if params else "?"

    def _sort(self) -> tuple[str, bool]:
        raw = self._raw(SORT)
        key = raw.removeprefix("-")
        if raw and key in self.sorts:
            return key, raw.startswith("-")
        if raw:
            self.notices.append(
                _("Không sắp xếp được theo cột đã chọn; danh sách theo thứ tự mặc định.")
            )
        return self.default_sort.removeprefix("-"), self.default_sort.startswith("-")

    def sort_links(self, key: str, descending: bool) -> dict[str, SortLink]:
        links = {}
        for name in self.sorts:
            if name == key:
                links[name] = SortLink(
                    url=self.url(**{SORT: name if descending else f"-{name}"}),
                    direction="descending" if descending else "ascending",
                )
            else:
                links[name] = SortLink(url=self.url(**{SORT: name}), direction="")
        return links

    # The page --------------------------------------------------------------------------

    def context(self) -> dict[str, Any]:
        key, descending = self._sort()
        sign = "-" if descending else ""
        order = [f"{sign}{f.removeprefix('-')}" for f in self.sorts[key]] + [f"{sign}pk"]
        paginator = Paginator(self.qs.order_by(*order), self.page_size)
        page: Page = paginator.get_page(self._raw(PAGE) or 1)
        total = paginator.count
        return {
            "page": page,
            "total": total,
            "total_shown": (self.counted_as or _("%(n)s hồ sơ")) % {"n": vn_int(total)},
            "chips": self.chips,
            "notices": self.notices,
            "values": self.values,
            "sorts": self.sort_links(key, descending),
            "sort": f"{sign}{key}",
            "filtered": bool(self.values),
        }


@dataclass(frozen=True)
class CaseColumns:
    """Where a list of cases reads its shared filters: the date it is dated by, the place (a
    unit), the owning agency and the state, each with the label its filter shows."""

    date: str  # "received_on"
    date_label: Any  # "Tiếp nhận từ ngày" (labels may be lazy translations)
    # A foreign key to a unit ("unit" of a criminal case), or None: a victim's commune of
    # residence is personal (read through the logged identity page), never a list column.
    place: str | None
    place_label: Any
    owner: str  # a foreign key to an agency: "owner"
    owner_label: Any
    state: str  # the state field, also the name of its parameter: "state"
    states: Sequence[tuple[Any, Any]]
    state_label: Any
    # (pk, label) of the owners the filter offers; the agencies' own labelling tells namesakes
    # apart (ctip.agencies.labels, above this module: passed in). Default: their names.
    owner_choices: Callable[[list[Any]], list[tuple[str, str]]] | None = None


def case_list_context(
    request: HttpRequest,
    visible: QuerySet[Any],
    columns: CaseColumns,
    *,
    events: QuerySet[Any],
    sorts: Mapping[str, Sequence[str]],
    default_sort: str,
    counted_as: str = "",
) -> dict[str, Any]:
    """The page of a list of cases: dates from/to, the places and owners of the cases the user
    sees (never others), "mine", counts by state and the state filter, over `visible`.

    A case has no assignee: the person handling it is the one who took its latest step, so
    "mine" is the cases whose latest event (`events`: the events of `OuterRef("pk")`, latest
    first, with an `actor`) the user recorded."""
    place_choices: list[tuple[str, str]] = []
    if columns.place:
        places = _related(visible, columns.place).select_related("parent")
        place_choices = sorted(
            ((str(u.pk), _place_name(u)) for u in places), key=lambda c: fold(c[1])
        )
    owners = _related(visible, columns.owner).order_by("name")
    owner_choices = (columns.owner_choices or _named)(list(owners))
    listing = Listing(
        request, visible, sorts=sorts, default_sort=default_sort, counted_as=counted_as
    )
    listing.dates(
        "from", "to", field=columns.date, label_from=columns.date_label, label_to=_("Đến ngày")
    )
    if columns.place:
        listing.choice(
            "unit", field=columns.place, choices=place_choices, label=columns.place_label
        )
    listing.choice("agency", field=columns.owner, choices=owner_choices, label=columns.owner_label)
    listing.flag(
        "mine",
        condition=Exact(Subquery(events.values("actor")[:1]), request.user.pk),
        label=_("Do tôi xử lý"),
    )
    listing.counts_by(columns.state, columns.states)
    listing.choice(
        columns.state, field=columns.state, choices=columns.states, label=columns.state_label
    )
    context = listing.context()
    context.update(
        {"states": columns.states, "unit_choices": place_choices, "agency_choices": owner_choices}
    )
    return context


def _named(owners: list[Any]) -> list[tuple[str, str]]:
    return [(str(a.pk), a.name) for a in owners]


def _related(visible: QuerySet[Any], field: str) -> QuerySet[Any]:
    """The records `field` (a foreign key) points to from the rows of `visible`: the choices of
    a filter are what the user's own list holds."""
    model = visible.model._meta.get_field(field).related_model
    return model._default_manager.filter(pk__in=visible.values(field))  # type: ignore[union-attr]


def _place_name(unit: Any) -> str:
    """ "Xã Ba Tơ, Tỉnh Quảng Ngãi": two communes of one name apart by their province."""
    return f"{unit.name}, {unit.parent.name}" if unit.parent else unit.name


def attachment_name(*parts: Any, ext: str) -> str:
    """An ASCII file name from words and codes: "Báo cáo", "207/BC-UBND", date(2023, 10, 16) ->
    "Bao-cao-207-BC-UBND-2023-10-16.<ext>". Diacritics dropped ("Đ" -> "D"), anything else than
    letters, digits and hyphens becomes a hyphen. Callers pass codes and dates, never a
    personal value."""
    words = []
    for part in parts:
        text = part.isoformat() if isinstance(part, date) else str(part)
        text = text.replace("Đ", "D").replace("đ", "d")
        text = "".join(
            ch for ch in unicodedata.normalize("NFD", text) if unicodedata.category(ch) != "Mn"
        )
        text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-")
        if text:
            words.append(text)
    ext = re.sub(r"[^A-Za-z0-9]", "", ext)[:10] or "bin"
    return "-".join(words)[:120].rstrip("-") + f".{ext}"


_NUMBER_SYMBOL = re.compile(r"^\s*([0-9]+)\s*/\s*([^-\s]+)(?:-(.+))?$")


def symbol_file_name(number_symbol: str, day: date | None, *extra: Any, ext: str) -> str:
    """A document by its number and symbol and its date, the kind first so that one kind's
    files sort together: "207/BC-UBND" of 16/10/2023 -> "BC-207-UBND-2023-10-16.docx",
    "15/CT-TTg" -> "CT-15-TTg-...", "3/QĐ-UBND" -> "QD-3-UBND-..."; a number of another shape
    is kept as it is written. `extra` words follow the date ("phu-luc")."""
    match = _NUMBER_SYMBOL.match(number_symbol)
    parts: tuple[Any, ...] = (
        (match.group(2), match.group(1), match.group(3) or "") if match else (number_symbol,)
    )
    return attachment_name(*parts, *((day,) if day else ()), *extra, ext=ext)


def content_disposition(name: str, *, shown: str = "") -> str:
    """The header of an attachment: the ASCII `name`, and the Vietnamese `shown` name in the
    RFC 5987 form when there is one (browsers that read it save under that name)."""
    header = f'attachment; filename="{name}"'
    if shown and shown != name:
        header += f"; filename*=UTF-8''{quote(shown, safe='')}"
    return header
