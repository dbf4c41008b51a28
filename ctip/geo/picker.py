"""Pickers instead of codes (issue 23, point 2): a unit is found by its name, accents or not
("quang ngai" finds "Quảng Ngãi"), shown with its full path ("Xã Ba Tơ — tỉnh Quảng Ngãi"), as
it stood on the record's date, the user's own area first. A country is chosen by its Vietnamese
name. The posted value stays what the views read today: the unit's GSO code, the country's
two-letter code.

- `search_units(q, day=..., area=...)`: the suggestions (the picker's search endpoint).
- `resolve_unit(text, day=...)`: a name typed without picking (no JavaScript): one unit, or a
  refusal that lists the candidates.
- `UnitPickerField` / `UnitPickerWidget`: the form side; the widget posts `<name>` (the code, a
  hidden input set when a suggestion is picked) and `<name>_text` (what was typed).
- `CountryField`: a select of countries by Vietnamese name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from ctip.core.countries import NAMES as COUNTRY_NAMES
from ctip.core.countries import STATELESS
from ctip.core.text import fold
from ctip.geo.area import unit_label
from ctip.geo.models import Level, Unit, UnitCover

SEPARATOR = " — "
LIMIT = 20
# A search names at most this many characters (a unit's path is shorter).
MAX_QUERY = 200
_LEVEL_ORDER: dict[str, int] = {
    Level.COUNTRY: -1,
    Level.PROVINCE: 0,
    Level.DISTRICT: 1,
    Level.COMMUNE: 2,
    Level.SPECIAL_ZONE: 2,
}

# A picker without levels offers every level but the country (ADR 0016): no record is made in
# "Việt Nam", and a national reader's whole scope is the empty choice.
PICKED_LEVELS: set[str] = set(Level.values) - {Level.COUNTRY}


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    words = fold(name).replace(",", " ").replace("-", " ").split()
    return tuple(w for w in words if any(ch.isalnum() for ch in w))


@dataclass(frozen=True)
class _Row:
    pk: int
    code: int
    name: str
    kind: str
    level: str
    parent_id: int | None


@dataclass(frozen=True)
class Suggestion:
    pk: int
    code: int
    name: str
    label: str
    level: str
    in_area: bool


def _lower_kind(row: _Row) -> str:
    """ "Tỉnh Quảng Ngãi" -> "tỉnh Quảng Ngãi", as a path names the units above."""
    if row.kind and row.name.casefold().startswith(row.kind.casefold() + " "):
        return row.kind + row.name[len(row.kind) :]
    return row.name


def _bare(row: _Row) -> str:
    if row.kind and row.name.casefold().startswith(row.kind.casefold() + " "):
        return row.name[len(row.kind) + 1 :]
    return row.name


class _Units:
    """The units in force on a day, read once per search (a few thousand short rows)."""

    def __init__(self, day: date) -> None:
        rows = Unit.objects.valid_on(day).values_list(
            "pk", "code", "name", "kind", "level", "parent_id"
        )
        self.rows = {r[0]: _Row(*r) for r in rows}

    def ancestors(self, row: _Row) -> list[_Row]:
        found: list[_Row] = []
        parent = self.rows.get(row.parent_id) if row.parent_id else None
        while parent is not None and len(found) < 4:
            found.append(parent)
            parent = self.rows.get(parent.parent_id) if parent.parent_id else None
        return found

    def label(self, row: _Row) -> str:
        return SEPARATOR.join([row.name, *(_lower_kind(a) for a in self.ancestors(row))])


def area_ids(territories: Iterable[Unit]) -> set[int]:
    """Ids of the units inside the territories (their subtrees and what they succeeded): the
    cover table `covered_unit_ids` reads, in one query for all the territories."""
    wanted = [t.pk for t in territories]
    if not wanted:
        return set()
    return set(UnitCover.objects.filter(ancestor_id__in=wanted).values_list("unit_id", flat=True))


class Area(AbstractSet[int]):
    """The ids of `area_ids`, read when first asked: a page whose pickers name no unit (a
    dashboard as it opens) reads none of a province's thousands of ids."""

    def __init__(self, territories: Iterable[Unit]) -> None:
        self._territories = list(territories)
        self._ids: set[int] | None = None

    @property
    def ids(self) -> set[int]:
        if self._ids is None:
            self._ids = area_ids(self._territories)
        return self._ids

    def __contains__(self, pk: object) -> bool:
        return pk in self.ids

    def __iter__(self) -> Iterator[int]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def _from_iterable(cls, iterable: Iterable[Any]) -> AbstractSet[Any]:
        """`|`, `&` and `-` give a plain set (an `Area` is built from territories)."""
        return set(iterable)


def _levels(levels: Iterable[str] | None) -> set[str]:
    return set(levels) if levels else set(PICKED_LEVELS)


def _matches(tokens: list[str], row: _Row, path: tuple[str, ...]) -> int | None:
    """How well the typed words name a unit: 0 its whole name, 1 its name starts with them,
    2 each begins a word of its name, 3 some begin words of the units above it; None: no
    match (the first typed word always begins a word of the unit's own name)."""
    own = _words(row.name)
    if not any(w.startswith(tokens[0]) for w in own):
        return None
    joined = " ".join(tokens)
    name, bare = " ".join(own), " ".join(_words(_bare(row)))
    if joined in (name, bare):
        return 0
    if name.startswith(joined) or bare.startswith(joined):
        return 1
    if all(any(w.startswith(t) for w in own) for t in tokens):
        return 2
    if all(any(w.startswith(t) for w in (*own, *path)) for t in tokens):
        return 3
    return None


def search_units(
    query: str,
    *,
    day: date,
    area: AbstractSet[int] | None = None,
    levels: Iterable[str] | None = None,
    area_only: bool = False,
    limit: int = LIMIT,
) -> list[Suggestion]:
    """Units in force on `day` whose name (or path) contains words beginning with the typed
    ones, accents ignored; those of `area` first, then by how well the name matches."""
    query = query.replace("\x00", "").strip()[:MAX_QUERY]
    if not query:
        return []
    area = set() if area is None else area
    wanted = _levels(levels)
    units = _Units(day)
    found: list[tuple[tuple, _Row]] = []
    if query.isdecimal() and len(query) <= 9:
        for row in units.rows.values():
            if row.code == int(query) and row.level in wanted:
                found.append(((row.pk not in area, _LEVEL_ORDER[row.level], row.name), row))
    else:
        tokens = list(_words(query)) or [fold(query)]
        typed = " ".join(query.casefold().split())
        for row in units.rows.values():
            if row.level not in wanted or (area_only and row.pk not in area):
                continue
            if not any(w.startswith(tokens[0]) for w in _words(row.name)):
                continue
            path = tuple(w for a in units.ancestors(row) for w in _words(a.name))
            score = _matches(tokens, row, path)
            if score is None:
                continue
            # Typed with its accents ("Ba Tơ"): before the names that differ only by them ("Ba Tô").
            accents = typed not in row.name.casefold()
            key = (row.pk not in area, score, accents, _LEVEL_ORDER[row.level], fold(row.name))
            found.append((key, row))
    found.sort(key=lambda item: item[0])
    return [
        Suggestion(
            pk=row.pk,
            code=row.code,
            name=row.name,
            label=units.label(row),
            level=row.level,
            in_area=row.pk in area,
        )
        for _key, row in found[:limit]
    ]


def _accented(text: str) -> str:
    return " ".join(text.casefold().replace(",", " ").split())


def _plain(text: str) -> bool:
    """Typed without accents."""
    return fold(text) == " ".join(text.casefold().split())


class UnitAmbiguous(forms.ValidationError):
    pass


def label_of(code: int, *, day: date, levels: Iterable[str] | None = None) -> str:
    """The full path of the unit with `code` on `day` ("" if none)."""
    wanted = _levels(levels)
    found = list(
        Unit.objects.valid_on(day)
        .filter(code=code, level__in=wanted)
        .select_related("parent__parent__parent")
    )
    if not found:
        return ""
    return unit_path(min(found, key=lambda u: _LEVEL_ORDER[u.level]))


def unit_path(unit: Unit | None) -> str:
    """ "Xã Ba Tơ — tỉnh Quảng Ngãi": the unit and those above it (their parents selected)."""
    rows: list[_Row] = []
    while unit is not None and len(rows) < 5:
        rows.append(_Row(unit.pk, unit.code, unit.name, unit.kind, unit.level, unit.parent_id))
        unit = unit.parent
    return SEPARATOR.join([rows[0].name, *(_lower_kind(r) for r in rows[1:])])


def resolve_unit(
    text: str,
    *,
    day: date,
    area: AbstractSet[int] | None = None,
    levels: Iterable[str] | None = None,
    area_only: bool = False,
) -> Suggestion:
    """The one unit a typed name means on `day`: its name ("Ba Tơ", "Xã Ba Tơ"), its name and
    those above it ("Ba Tơ, Quảng Ngãi"), or its full path as the picker shows it. Refused with
    the candidates when several units carry the name, or with suggestions when none does."""
    text = text.replace("\x00", "").strip()[:MAX_QUERY]
    area = set() if area is None else area
    wanted = _levels(levels)
    units = _Units(day)
    parts = [p.strip() for p in text.replace(SEPARATOR.strip(), ",").split(",") if p.strip()]
    if not parts:
        raise forms.ValidationError(_("Hãy nhập tên đơn vị."), code="required")
    head = " ".join(_words(parts[0]))
    above = [" ".join(_words(p)) for p in parts[1:]]
    candidates = []
    for row in units.rows.values():
        if row.level not in wanted or (area_only and row.pk not in area):
            continue
        if head not in (" ".join(_words(row.name)), " ".join(_words(_bare(row)))):
            continue
        names = {
            n
            for a in units.ancestors(row)
            for n in (" ".join(_words(a.name)), " ".join(_words(_bare(a))))
        }
        if all(p in names for p in above):
            candidates.append(row)
    # Typed with its accents: "Ba Tơ" is not "Ba Tô" (typed without them, both are candidates).
    exact = [
        r for r in candidates if _accented(parts[0]) in (_accented(r.name), _accented(_bare(r)))
    ]
    if exact and fold(parts[0]) != parts[0].casefold():
        candidates = exact
    day_text = f"{day:%d/%m/%Y}"
    if len(candidates) == 1:
        row = candidates[0]
        return Suggestion(row.pk, row.code, row.name, units.label(row), row.level, row.pk in area)
    if not candidates:
        hints = search_units(text, day=day, area=area, levels=levels, area_only=area_only, limit=5)
        if hints:
            raise forms.ValidationError(
                _(
                    "Không có đơn vị “%(name)s” vào ngày %(day)s. Có phải: %(hints)s? "
                    "Hãy chọn một đơn vị trong danh sách gợi ý."
                )
                % {"name": text, "day": day_text, "hints": "; ".join(h.label for h in hints)},
                code="unknown",
            )
        raise forms.ValidationError(
            _("Không có đơn vị “%(name)s” vào ngày %(day)s.") % {"name": text, "day": day_text},
            code="unknown",
        )
    candidates.sort(key=lambda r: (r.pk not in area, _LEVEL_ORDER[r.level], fold(units.label(r))))
    raise UnitAmbiguous(
        _(
            "Có %(n)s đơn vị tên “%(name)s”: %(candidates)s. Hãy chọn một trong danh sách gợi ý "
            "hoặc gõ cả tên đơn vị cấp trên."
        )
        % {
            "n": len(candidates),
            "name": text,
            "candidates": "; ".join(units.label(r) for r in candidates[:12]),
        },
        code="ambiguous",
    )


class UnitPickerWidget(forms.Widget):
    """A text box with suggestions (ARIA combobox, ctip/picker.js) and a hidden input with the
    picked unit's code. Without JavaScript the typed name is resolved by the server."""

    template_name = "ctip/widgets/unit_picker.html"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.day: date | None = None
        self.levels: tuple[str, ...] = ()
        self.area_only = False
        self.date_input = ""
        # The unit the field's `clean` took for the posted code: its label needs no query.
        self.picked: UnitCode | None = None

    def value_from_datadict(self, data: Any, files: Any, name: str) -> tuple[str, str]:
        return (str(data.get(name, "") or ""), str(data.get(f"{name}_text", "") or ""))

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data and f"{name}_text" not in data

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        code, text = "", ""
        if isinstance(value, tuple | list):
            code, text = (str(v) for v in (list(value) + ["", ""])[:2])
        elif value not in (None, ""):
            code = str(value)
        if code and not text and code.isdecimal() and len(code) <= 9:
            picked = self.picked
            if picked is not None and str(picked) == code and getattr(picked, "unit", None):
                text = unit_path(picked.unit)  # its parents selected by `_checked`
            else:
                day = self.day or date.today()
                text = label_of(int(code), day=day, levels=self.levels or None)
            if not text:
                text = code
        context["widget"].update(
            {
                "code": code,
                "text": text,
                "url": reverse("unit_picker"),
                "levels": ",".join(self.levels),
                "area_only": self.area_only,
                "date_input": self.date_input,
                "hint": _("Gõ một phần tên (không cần dấu) rồi chọn trong danh sách."),
            }
        )
        return context


class UnitPickerField(forms.Field):
    """Cleans to the unit's GSO code (int), the value the views and services read today.

    `bind(area=..., day_of=...)` (the form's __init__) gives the user's area and a function
    returning the record's date (read from the form's date field, today by default)."""

    widget = UnitPickerWidget
    default_error_messages = {
        "required": _l("Hãy chọn một đơn vị."),
        "not_a_code": _l("Mã đơn vị hành chính phải là một số."),
        "no_such_code": _l("Không có đơn vị hành chính mã này."),
        "wrong_level": _l("Ở đây chỉ chọn được %(levels)s; “%(unit)s” không thuộc cấp đó."),
        "not_on_day": _l(
            "“%(unit)s” không có vào ngày %(day)s (đã sáp nhập, giải thể hoặc chưa thành lập). "
            "Hãy chọn đơn vị như vào ngày đó."
        ),
        "outside_area": _l("%(unit)s không thuộc địa bàn của bạn."),
    }

    def __init__(
        self,
        *,
        levels: Iterable[str] | None = None,
        area_only: bool = False,
        date_field: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.levels = tuple(levels or ())
        self.area_only = area_only
        self.date_field = date_field
        self.area: AbstractSet[int] = set()
        self.day_of: Callable[[], date] = date.today
        self._sync()

    def _sync(self) -> None:
        widget = self.widget
        assert isinstance(widget, UnitPickerWidget)
        widget.levels = self.levels
        widget.area_only = self.area_only
        widget.date_input = f"id_{self.date_field}" if self.date_field else ""

    def __deepcopy__(self, memo: dict) -> Any:
        result = super().__deepcopy__(memo)  # type: ignore[misc]
        # The user's area is read-only (`Area`); a plain set is copied.
        result.area = self.area if isinstance(self.area, Area) else set(self.area)
        result._sync()
        return result

    def bind(self, *, area: AbstractSet[int], day_of: Callable[[], date]) -> None:
        self.area = area
        self.day_of = day_of
        assert isinstance(self.widget, UnitPickerWidget)
        try:
            self.widget.day = day_of()
        except Exception:  # noqa: BLE001 - a date not yet valid: today's units are shown
            self.widget.day = None

    def clean(self, value: Any) -> UnitCode | int | None:
        code, text = value if isinstance(value, tuple | list) else (str(value or ""), "")
        code = str(code).replace("\x00", "").strip()
        text = str(text).replace("\x00", "").strip()
        if not code and not text:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        if text.isdecimal() and not code:
            code, text = text, ""
        elif code and not code.isdecimal() and not text:
            # A name where the code goes (an old link "?province=Quảng+Ngãi", a hand-made
            # query): read as typed, as a name.
            code, text = "", code
        if code and not code.isdecimal():
            raise forms.ValidationError(self.error_messages["not_a_code"], code="invalid")
        if len(code) > 9:  # GSO codes have at most 5 digits: no such unit, and no query
            raise forms.ValidationError(
                self.error_messages["no_such_code"],
                code="invalid",
                params={"min": "1", "max": "99.999"},  # a form may name the range instead
            )
        day = self._day()
        levels = self.levels or None
        if code and (not text or self._same(int(code), text, day)):
            checked = self._checked(int(code), day, text)
            assert isinstance(self.widget, UnitPickerWidget)
            self.widget.picked = checked
            return checked
        picked = resolve_unit(
            text, day=day, area=self.area, levels=levels, area_only=self.area_only
        )
        found = Unit.objects.filter(pk=picked.pk).first()
        return UnitCode.of(found) if found else picked.code

    def _checked(self, code: int, day: date, text: str = "") -> UnitCode:
        """A posted code is trusted no more than a typed name: a unit with that code, of the
        field's levels, in force on the record's day (today without a date field, as for a
        typed name) and, for `area_only`, inside the user's area. One query."""
        found = sorted(
            Unit.objects.filter(code=code).select_related("parent__parent__parent"),
            key=lambda u: (_LEVEL_ORDER[u.level], u.valid_to is not None, -u.pk),
        )
        if not found:
            raise forms.ValidationError(
                self.error_messages["no_such_code"],
                code="invalid",
                params={"min": "1", "max": "99.999"},
            )
        wanted = set(self.levels) if self.levels else set(PICKED_LEVELS)
        of_level = [u for u in found if u.level in wanted]
        if not of_level:
            raise forms.ValidationError(
                self.error_messages["wrong_level"],
                code="wrong_level",
                params={"unit": unit_label(found[0]), "levels": self._levels_text()},
            )
        on_day = [u for u in of_level if u.is_valid_on(day)]
        if not on_day:
            raise forms.ValidationError(
                self.error_messages["not_on_day"],
                code="not_on_day",
                params={"unit": unit_label(of_level[0]), "day": f"{day:%d/%m/%Y}"},
            )
        # A code may name units of two levels (4: Tỉnh Cao Bằng and Phường Ba Đình): one of
        # them inside the area is enough.
        if self.area_only and not any(u.pk in self.area for u in on_day):
            raise forms.ValidationError(
                self.error_messages["outside_area"],
                code="outside_area",
                params={"unit": unit_label(on_day[0])},
            )
        return UnitCode.of(self._which(on_day, text))

    def _which(self, units: list[Unit], text: str) -> Unit:
        """Of the units sharing the code, the one whose label was picked (or typed), else the
        one inside the area, else the highest level."""
        if self.area_only:
            units = [u for u in units if u.pk in self.area] or units
        if text:
            typed = " ".join(_words(text))
            for unit in units:
                if typed in (" ".join(_words(unit_path(unit))), " ".join(_words(unit.name))):
                    return unit
        return units[0]

    def _levels_text(self) -> str:
        """ "xã, phường, thị trấn, đặc khu": the field's levels as a sentence names them."""
        labels = [str(label) for value, label in Level.choices if value in self.levels]
        return ", ".join(label[:1].lower() + label[1:] for label in labels)

    def _day(self) -> date:
        try:
            return self.day_of() or date.today()
        except Exception:  # noqa: BLE001 - the date field reports its own error
            return date.today()

    def _same(self, code: int, text: str, day: date) -> bool:
        """The typed text still names the picked unit (its path, its name or the code); typed
        without accents it may name it without them ("xa ba to" for "Xã Ba Tơ"), typed with
        them it must match them ("Xã Ba Tơ" is not "Xã Ba Tô")."""
        if text == str(code):
            return True
        label = label_of(code, day=day, levels=self.levels or None)
        if not label:
            return False
        name = label.split(SEPARATOR)[0]
        shown = {" ".join(_words(n)) if _plain(text) else _accented(n) for n in (label, name)}
        typed = " ".join(_words(text)) if _plain(text) else _accented(text)
        return typed in shown


class UnitCode(int):
    """A picked unit's GSO code that carries the unit itself: codes of different levels collide
    (51 is Tỉnh Quảng Ngãi and a Hà Nội commune), and `unit_by_code` returns the unit carried
    instead of guessing from the number."""

    unit: Unit

    @classmethod
    def of(cls, unit: Unit) -> UnitCode:
        code = cls(unit.code)
        code.unit = unit
        return code


def bind_unit_pickers(form: forms.BaseForm, *, territories: Iterable[Unit]) -> None:
    """Give every unit picker of `form` the user's area and the record's date (the form's own
    date field as posted, else its initial value, else today)."""
    ids = Area(territories)
    for field in form.fields.values():
        if isinstance(field, UnitPickerField):
            field.bind(area=ids, day_of=_day_of(form, field.date_field))


def _day_of(form: forms.BaseForm, date_field: str) -> Callable[[], date]:
    return lambda: record_day(form, date_field)


def record_day(form: forms.BaseForm, date_field: str) -> date:
    """The record's date as the form holds it: posted, else initial, else today."""
    if not date_field or date_field not in form.fields:
        return date.today()
    field = form.fields[date_field]
    if form.is_bound:
        raw = form.data.get(form.add_prefix(date_field), "")
        try:
            value = field.clean(raw)
        except forms.ValidationError:
            return date.today()
        return value if isinstance(value, date) else date.today()
    value = form.initial.get(date_field, field.initial)
    if callable(value):
        value = value()
    return value if isinstance(value, date) else date.today()


def country_choices(*, blank: bool = True, stateless: bool = False) -> list[tuple[str, Any]]:
    """Countries by Vietnamese name in alphabetical order (accents ignored), Vietnam first; for
    a nationality, "Không quốc tịch" (a stateless person) right after it."""
    ordered = sorted(
        ((code, name) for code, name in COUNTRY_NAMES.items() if code != "VN"),
        key=lambda item: fold(item[1]),
    )
    head = [("", "—")] if blank else []
    none = [(STATELESS, _l("Không quốc tịch"))] if stateless else []
    return [*head, ("VN", COUNTRY_NAMES["VN"]), *none, *ordered]


class CountryField(forms.ChoiceField):
    """A country chosen by its Vietnamese name; the value is the ISO two-letter code."""

    default_error_messages = {
        # In words: a person chose from a list of names, and never saw a code (issue 23).
        "invalid_choice": _l("Không nhận ra nước “%(value)s”; chọn nước trong danh sách."),
    }

    def __init__(self, *, stateless: bool = False, **kwargs: Any) -> None:
        # A blank first option even when required: no country is chosen for the user.
        # `stateless`: a nationality field, which offers "Không quốc tịch".
        kwargs.setdefault("choices", country_choices(stateless=stateless))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        text = super().to_python(value).strip()
        return text.upper() if len(text) == 2 else text

    def validate(self, value: Any) -> None:
        if value and not self.valid_value(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value[:40]},
            )
        super().validate(value)
