"""The HTCDS export of victim cases (issue 26): de-identified records, k-anonymous over their
quasi-identifiers (the mix of forms of exploitation among them), written in one of two column
vocabularies chosen per export (checked against UNMigration/HTCDS: the fixture names the files
and commits): `htcds` (the default), HTCDS 2.0 field and value names wherever HTCDS 2.0 has the
field, or `ctdc`, the CTDC global dataset's column names with three HTCDS 2.0 fields.

- Rows are built and anonymised under the ctdc columns; the vocabulary renames and recodes the
  released rows afterwards (`apply_vocabulary`), so both vocabularies release the same records
  at the same levels.

- What is exported is data (fixtures/htcds.yaml: columns, codes, ladders, caps, sources, what was
  checked and what could not be); docs/htcds-export.md describes it.
- A province only, named in the header and the file name (a finer unit would say where everyone
  in the file lives); the period snapped to whole calendar years (two exports a few days apart
  would otherwise give the cases of those days by difference).
- Never a personal field, the case code, the owner, a date finer than a year, an age finer than
  CTDC's age band, a place finer than today's province. Rows are read with `.values()` (clear
  columns only) and the forms of exploitation in one more query; nothing per row.
- Merged cases, accompanying children and persons found not to be victims are left out.
- k: the setting CTIP_HTCDS_K, 11 by default (as in CTDC's public dataset); an export may ask
  for a larger k, never a smaller one.
- Purpose: a report, a partner in Vietnam, or a partner abroad. Abroad needs the foreign body
  and its country, and keeps only the cases with a basis for a transfer abroad on the day of
  the export (consent, or a statute recorded; victims.privacy.abroad_basis), before
  anonymisation.
- Every export writes one audit row, inside the transaction that read the rows: how many
  records, the file's SHA-256, purpose, k, what was suppressed and generalised. A refusal
  writes nothing and names counts, never a record.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.accounts.scope import has_perm, scoped
from ctip.core.audit import audit_write
from ctip.core.countries import CODES, STATELESS, is_country
from ctip.core.exports import safe_cell
from ctip.core.kanon import KAnonymityRefused, Ladder, Level, Result, anonymise
from ctip.core.listing import attachment_name
from ctip.core.permissions import P
from ctip.core.validators import check_date, check_text
from ctip.core.work import unit_of_work
from ctip.geo.models import Level as UnitLevel
from ctip.geo.models import Unit
from ctip.geo.selectors import covered_unit_ids
from ctip.victims.models import Case, CaseEvent, CaseExploitation, Consent
from ctip.victims.privacy import full_years
from ctip.victims.states import ConsentBasis, ConsentPurpose, State

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "htcds.yaml"
ACTION = "victims.htcds_export"
DEFAULT_K = 11
MAX_K = 1_000

REPORT, PARTNER_DOMESTIC, PARTNER_ABROAD = "report", "partner_domestic", "partner_abroad"
PURPOSES = {
    REPORT: gettext_lazy("Báo cáo (không chuyển cho tổ chức khác)"),
    PARTNER_DOMESTIC: gettext_lazy("Chuyển cho đối tác trong nước"),
    PARTNER_ABROAD: gettext_lazy("Chuyển cho đối tác nước ngoài"),
}
CSV, XLSX, JSON = "csv", "xlsx", "json"
FORMATS = {CSV: "text/csv; charset=utf-8", XLSX: "", JSON: "application/json"}
FORMATS[XLSX] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The column vocabularies (fixtures/htcds.yaml, `vocabularies`; a test holds the keys equal).
HTCDS, CTDC = "htcds", "ctdc"
DEFAULT_STANDARD = HTCDS
VOCABULARIES = {
    HTCDS: gettext_lazy("HTCDS 2.0 (tên trường và mã của chuẩn HTCDS 2.0)"),
    CTDC: gettext_lazy("CTDC (tên cột của bộ dữ liệu toàn cầu CTDC)"),
}


class HtcdsRefused(ValueError):
    """An export not made (Vietnamese, counts only); nothing was written."""


@dataclass(frozen=True)
class Export:
    data: bytes
    name: str  # the file name (ASCII)
    content_type: str
    result: Result
    excluded_no_basis: int
    digest: str  # SHA-256 of `data`, as the audit row holds it
    standard: str  # the column vocabulary the file is written in


# --- the standard, as data -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    data["country_subregion"] = {
        code: name for name, codes in data["subregions"].items() for code in codes.split()
    }
    data["province_region"] = {
        code: name for name, codes in data["regions"].items() for code in codes
    }
    return data


def configured_k() -> int:
    """k unless an export asks for more: the setting CTIP_HTCDS_K, DEFAULT_K when unset. A
    setting rather than a dated rule: no legal text sets it (it is CTDC's practice), and the
    rules table (docs/legal.md) lists legal rules."""
    return max(2, int(getattr(settings, "CTIP_HTCDS_K", DEFAULT_K)))


def quasi_identifiers(standard: str = CTDC) -> list[str]:
    """The quasi-identifiers under the vocabulary's names (ctdc: the names they are anonymised
    under)."""
    return [column_name(standard, column) for column in spec()["quasi_identifiers"]]


# --- the column vocabularies ---------------------------------------------------------------------


def output_columns(standard: str) -> list[tuple[str, str | None]]:
    """(output column, internal column or None for a gap) in the vocabulary's order; a
    vocabulary without `columns` writes the internal columns as they are (ctdc)."""
    entry = spec()["vocabularies"][standard]
    if "columns" not in entry:
        return [(column, column) for column in spec()["columns"]]
    return list(entry["columns"].items())


def column_name(standard: str, column: str) -> str:
    """The vocabulary's name of an internal column (itself when the vocabulary has none)."""
    for out, source in output_columns(standard):
        if source == column:
            return out
    return column


def apply_vocabulary(rows: list[dict[str, Any]], standard: str) -> list[dict[str, Any]]:
    """Released rows under the vocabulary's columns and values. Renaming and recoding only, after
    anonymisation: a recoding maps a released value to one value, so no record says more than
    it was released with; a value with no recoding (a generalised one) is written as it is."""
    entry = spec()["vocabularies"][standard]
    missing = spec()["missing"]
    tables = entry.get("values", {})
    multi = set(entry.get("multi_select", []))
    columns = output_columns(standard)
    return [
        {
            out: _recode(
                missing if source is None else row[source], tables.get(out, {}), out in multi
            )
            for out, source in columns
        }
        for row in rows
    ]


def _recode(value: Any, table: dict[str, Any], multi: bool) -> Any:
    if not table:
        return value
    if not multi:
        return table.get(str(value), value)
    if value == spec()["missing"]:
        return value
    # A multi-select field: each part recoded, then sorted and ";"-joined (HTCDS's spreadsheets).
    return ";".join(sorted({str(table.get(part, part)) for part in str(value).split(";")}))


# --- reading the cases ---------------------------------------------------------------------------


def htcds_cases(*, unit: Unit, start: date, end: date, acting_user: Any) -> QuerySet[Case]:
    """The cases an export may hold: received in [start, end], living in `unit` (as it stood
    then, or what it became), within the user's reach for P.EXPORT_HTCDS (everything for a
    command, acting_user None). Merged cases, accompanying children and persons found not to be
    victims are left out."""
    qs = Case.objects.filter(
        received_on__gte=start,
        received_on__lte=end,
        home_unit__in=covered_unit_ids(unit),
        merged_into__isnull=True,
        accompanies__isnull=True,
    )
    if acting_user is not None:
        qs = scoped(qs, acting_user, P.EXPORT_HTCDS, agency_field="owner", unit_field="home_unit")
    identified = CaseEvent.objects.filter(case=OuterRef("pk"), to_state=State.IDENTIFIED)
    refuted = CaseEvent.objects.filter(case=OuterRef("pk"), to_state=State.NOT_VICTIM)
    return (
        qs.annotate(identified=Exists(identified), refuted=Exists(refuted))
        .exclude(state=State.NOT_VICTIM)
        # Closed after being found not to be a victim (and never identified since).
        .exclude(state=State.CLOSED, refuted=True, identified=False)
    )


def abroad_basis_exists(on: date) -> Exists:
    """Cases with a basis for sharing their data with a foreign body on `on`: the conditions of
    victims.privacy.abroad_basis, for many cases in one query (a test holds the two equal)."""
    basis = (
        Consent.objects.filter(case=OuterRef("pk"), purpose=ConsentPurpose.ABROAD, given_on__lte=on)
        .filter(Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=on))
        .exclude(basis=ConsentBasis.STATUTE, statute="")
    )
    return Exists(basis)


_FIELDS = (
    "pk",
    "received_on",
    "source",
    "sex",
    "age_at_reception",
    "nationality",
    "stateless_resident",
    "destination_country",
    "recruitment_channel",
    "means_of_control",
    "exploited_from",
    "state",
    "identified",
    "home_unit__code",
    "home_unit__level",
    "home_unit__rollup_province__code",
)


def htcds_rows(qs: QuerySet[Case]) -> list[dict[str, Any]]:
    """One row per case under the HTCDS column names, quasi-identifiers at their finest level
    (year, age band, country, province code). Two queries whatever the number of cases."""
    forms: dict[int, set[str]] = defaultdict(set)
    for case_id, form in CaseExploitation.objects.filter(case__in=qs.values("pk")).values_list(
        "case_id", "form"
    ):
        forms[case_id].add(form)
    return [_row(values, forms.get(values["pk"], set())) for values in qs.values(*_FIELDS)]


def _row(v: dict[str, Any], forms: set[str]) -> dict[str, Any]:
    s = spec()
    codes, missing = s["codes"], s["missing"]
    row: dict[str, Any] = {column: missing for column in s["gaps"]}
    row.update(
        yearOfRegistration=v["received_on"].year,
        Datasource=codes["datasource"].get(v["source"], codes["datasource"]["default"]),
        gender=codes["gender"].get(v["sex"], missing),
        ageBroad=age_band(v["age_at_reception"]),
        majorityStatusAtExploit=_majority_at_exploit(v),
        citizenship=_citizenship(v["nationality"]),
        CountryOfExploitation=_country(v["destination_country"] or "VN"),
        homeArea=_province_code(v),
        typeOfExploitConcatenated=exploitation_types(forms),
        vic_TraffickingStatus=codes["trafficking_status"][
            "identified" if v["identified"] else "possible"
        ],
        cas_Status=codes["case_status"].get(v["state"], codes["case_status_default"]),
        vic_MethodOfRecruitment=codes["method_of_recruitment"].get(
            v["recruitment_channel"], codes["method_of_recruitment_default"]
        ),
    )
    row.update(_means_of_control(v["means_of_control"] or []))
    row.update(_recruiter(v["recruitment_channel"]))
    return row


def age_band(age: int) -> str:
    for low, high, code in spec()["codes"]["age_bands"]:
        if age >= low and (high is None or age <= high):
            return str(code)
    return str(spec()["missing"])


def _majority(age: int) -> str:
    labels = spec()["labels"]
    return labels["minor"] if age < spec()["codes"]["majority_age"] else labels["adult"]


def _band_majority(band: Any) -> Any:
    """A band's majority status (no band straddles 18: checked by a test)."""
    for low, _high, code in spec()["codes"]["age_bands"]:
        if code == band:
            return _majority(low)
    return spec()["missing"]


def _majority_at_exploit(v: dict[str, Any]) -> Any:
    """The age when the exploitation began, estimated from the age at reception (the date of
    birth is encrypted and never read here)."""
    started = v["exploited_from"]
    if started is None or started > v["received_on"]:
        return spec()["missing"]
    years = full_years(started, v["received_on"])
    return _majority(max(0, v["age_at_reception"] - years))


def _citizenship(code: str) -> str:
    code = (code or "").upper()
    if code == STATELESS or code not in CODES:
        return str(spec()["unknown_country"])
    return code


def _country(code: str) -> str:
    code = code.upper()
    return code if code in CODES else str(spec()["unknown_country"])


def _province_code(v: dict[str, Any]) -> Any:
    if v["home_unit__level"] == UnitLevel.PROVINCE:
        return v["home_unit__code"]
    return v["home_unit__rollup_province__code"] or spec()["missing"]


def _means_of_control(means: Iterable[str]) -> dict[str, Any]:
    codes, missing = spec()["codes"], spec()["missing"]
    names = codes["means_of_control_names"]
    found = sorted({n for m in means for n in codes["means_of_control"].get(m, ["Other"])})
    if not found:
        out: dict[str, Any] = {f"meansOfControl{n}": missing for n in names}
        out.update(meansOfControlNotSpecified=1, meansOfControlConcatenated=missing)
        return out
    out = {f"meansOfControl{n}": int(n in found) for n in names}
    out.update(meansOfControlNotSpecified=0, meansOfControlConcatenated=";".join(found))
    return out


def exploitation_types(forms: Iterable[str]) -> Any:
    """typeOfExploitConcatenated as recorded: the HTCDS types of the case's forms, sorted and
    ";"-joined; -99 when none is recorded. The `is...` flags are derived from it at the level
    the release uses (`exploitation_ladder`), never read beside it."""
    types = spec()["codes"]["exploitation_types"]
    found = sorted({types.get(form, "Other") for form in forms})
    return ";".join(found) if found else spec()["missing"]


def _types(value: Any) -> list[str]:
    return [] if value == spec()["missing"] else str(value).split(";")


def exploitation_class(value: Any) -> Any:
    """The broad class of a recorded mix: Sexual, Labour, OtherForms, or Several."""
    type_flags = spec()["codes"]["exploitation_type_flags"]
    classes = {type_flags.get(t, type_flags["Other"])[1] for t in _types(value)}
    if not classes:
        return spec()["missing"]
    return classes.pop() if len(classes) == 1 else spec()["labels"]["several"]


def _flags_withheld(_value: Any = None) -> dict[str, Any]:
    return {flag: spec()["missing"] for flag in spec()["codes"]["exploitation_flags"]}


def _flags_of_forms(value: Any) -> dict[str, Any]:
    codes = spec()["codes"]
    if value == spec()["missing"]:
        return _flags_withheld()
    type_flags = codes["exploitation_type_flags"]
    flags = {type_flags.get(t, type_flags["Other"])[0] for t in _types(value)}
    out = {flag: int(flag in flags) for flag in codes["exploitation_flags"]}
    out["isSexAndLabour"] = int({"isSexualExploit", "isForcedLabour"} <= flags)
    return out


def _flags_of_class(value: Any) -> dict[str, Any]:
    if value == spec()["missing"]:
        return _flags_withheld()
    return dict(spec()["codes"]["exploitation_flags_at"][value])


# Levels at which every row of a release holds the same value: the column then says nothing
# (kanon.Level.blank; the search prefers releases that leave fewer columns blank).
BLANK_LEVELS = frozenset({"withheld", "period"})


def exploitation_ladder(names: Iterable[str]) -> Ladder:
    """typeOfExploitConcatenated's ladder, the `is...` flags its companions: at each level they
    are derived from the released value alone (kanon.Ladder), so a file never shows a finer
    form in a flag than in the column."""
    missing = spec()["missing"]
    levels = {
        "forms": Level("forms", derive=_flags_of_forms),
        "class": Level("class", exploitation_class, derive=_flags_of_class),
        "withheld": Level("withheld", lambda _v: missing, derive=_flags_withheld, blank=True),
    }
    companions = tuple(spec()["codes"]["exploitation_flags"])
    return Ladder(
        "typeOfExploitConcatenated", tuple(levels[n] for n in names), companions=companions
    )


def _recruiter(channel: str) -> dict[str, Any]:
    codes = spec()["codes"]
    relation = codes["recruiter_relation"].get(channel, codes["recruiter_relation_default"])
    out: dict[str, Any] = {
        f"recruiterRelation{n}": int(n == relation) for n in codes["recruiter_relation_names"]
    }
    out["RecruiterRelationship"] = relation
    return out


# --- the ladders ---------------------------------------------------------------------------------


def ladders(*, start: date, end: date) -> list[Ladder]:
    """The quasi-identifiers' ladders, finest first (fixtures/htcds.yaml names their levels)."""
    s = spec()
    labels, missing = s["labels"], s["missing"]
    period = str(start.year) if start.year == end.year else f"{start.year}--{end.year}"

    def abroad(code: Any) -> Any:
        return code if code in ("VN", s["unknown_country"]) else labels["abroad"]

    def subregion(code: Any) -> Any:
        if code in ("VN", s["unknown_country"]):
            return code
        return s["country_subregion"].get(code, labels["other_country"])

    groups: dict[str, dict[str, Any]] = {
        "yearOfRegistration": {"year": None, "period": lambda _v: period},
        "gender": {"gender": None},
        "ageBroad": {"band": None, "majority": _band_majority},
        "majorityStatusAtExploit": {"status": None, "withheld": lambda _v: missing},
        "citizenship": {
            "country": None,
            "vn_or_other": lambda c: c if c == "VN" else labels["other_country"],
        },
        "CountryOfExploitation": {"country": None, "subregion": subregion, "vn_or_abroad": abroad},
        "homeArea": {
            "province": None,
            "region": lambda code: s["province_region"].get(code, missing),
        },
    }
    out = []
    for column, entry in s["quasi_identifiers"].items():
        if column == "typeOfExploitConcatenated":
            out.append(exploitation_ladder(entry["levels"]))
            continue
        levels = []
        for name in entry["levels"]:
            group = groups[column][name]
            blank = name in BLANK_LEVELS
            levels.append(
                Level(name, blank=blank) if group is None else Level(name, group, blank=blank)
            )
        out.append(Ladder(column, tuple(levels)))
    return out


def caps() -> dict[str, str]:
    return {column: entry["cap"] for column, entry in spec()["quasi_identifiers"].items()}


# --- the service ---------------------------------------------------------------------------------


def htcds_export(
    *,
    unit: Unit,
    start: date,
    end: date,
    purpose: str,
    acting_user: Any,
    k: int | None = None,
    fmt: str = CSV,
    counterpart_country: str = "",
    counterpart: str = "",
    today: date | None = None,
    standard: str = DEFAULT_STANDARD,
) -> Export:
    """The k-anonymous HTCDS file of the cases of `unit` received in [start, end], and its audit
    row; HtcdsRefused (nothing written) when the request is not allowed or k is not reached."""
    if acting_user is not None and not has_perm(acting_user, P.EXPORT_HTCDS):
        raise PermissionDenied
    day = today or timezone.localdate()
    _check_unit(unit)
    k = _check_request(
        start=start,
        end=end,
        purpose=purpose,
        k=k,
        fmt=fmt,
        counterpart_country=counterpart_country,
        counterpart=counterpart,
        standard=standard,
    )
    start, end = whole_years(start, end)  # after the checks: they judge the dates asked for
    _check_finished(purpose=purpose, end=end, today=day)
    with unit_of_work():
        cases = htcds_cases(unit=unit, start=start, end=end, acting_user=acting_user)
        excluded = 0
        if purpose == PARTNER_ABROAD:
            cases = cases.annotate(abroad_ok=abroad_basis_exists(day))
            excluded = cases.filter(abroad_ok=False).count()
            cases = cases.filter(abroad_ok=True)
        rows = htcds_rows(cases)
        try:
            result = anonymise(rows, ladders(start=start, end=end), k=k, caps=caps())
        except KAnonymityRefused as exc:
            raise HtcdsRefused(_refusal(str(exc), excluded)) from exc
        # The vocabulary after anonymisation: the same records and levels whatever it is.
        released = apply_vocabulary(released_rows(result), standard)
        meta = _header(
            unit=unit,
            start=start,
            end=end,
            purpose=purpose,
            result=result,
            excluded=excluded,
            country=counterpart_country.upper(),
            counterpart=counterpart.strip(),
            standard=standard,
        )
        columns = [out for out, _source in output_columns(standard)]
        data = render(fmt, meta, released, columns)
        digest = hashlib.sha256(data).hexdigest()
        audit_write(
            action=ACTION,
            acting_user=acting_user,
            count=result.released,
            file_hash=digest,
            changes={
                "purpose": [None, purpose],
                "unit": [None, unit.code],
                "start": [None, start.isoformat()],
                "end": [None, end.isoformat()],
                "k": [None, k],
                "suppressed": [None, result.suppressed],
                "generalised": [None, result.generalised],
                "excluded_no_basis": [None, excluded],
                "country": [None, counterpart_country.upper()],
                "counterpart": [None, counterpart.strip()],
                "format": [None, fmt],
                "standard": [None, standard],
            },
        )
    name = attachment_name("htcds", unit.name, start.year, end.year, ext=fmt)
    return Export(
        data=data,
        name=name,
        content_type=FORMATS[fmt],
        result=result,
        excluded_no_basis=excluded,
        digest=digest,
        standard=standard,
    )


def whole_years(start: date, end: date) -> tuple[date, date]:
    """The whole calendar years covering [start, end]. With free dates, [s, d-1] and [s, d]
    would differ by the cases received on day d; figures snap to quarters for the same reason
    (indicators.disclosure.snap), records to years since their date is the year."""
    return date(start.year, 1, 1), date(end.year, 12, 31)


def _check_finished(*, purpose: str, end: date, today: date) -> None:
    """A file that leaves the province covers finished years only. A year still running grows
    day by day: the same request made on two days would differ by the cases received (or
    changed) in between, and a partner holding both files would read those cases out of the
    difference, k-anonymity or not. The province's own report may show the running year."""
    if purpose != REPORT and end >= today:
        raise HtcdsRefused(
            _(
                "Dữ liệu chuyển cho đối tác chỉ gồm những năm đã kết thúc: năm %(year)s chưa "
                "kết thúc. Hãy chọn đến hết năm %(last)s."
            )
            % {"year": end.year, "last": end.year - 1}
        )


def _check_unit(unit: Unit) -> None:
    """A province only: a file of one commune's or district's cases, headed by its name, would
    tell where each person in it lives, finer than the homeArea column ever does."""
    if unit.level != UnitLevel.PROVINCE:
        raise HtcdsRefused(
            _("Chỉ xuất được dữ liệu của cả một tỉnh, thành phố; “%(unit)s” là đơn vị cấp dưới.")
            % {"unit": unit.name}
        )


def _check_request(
    *,
    start: date,
    end: date,
    purpose: str,
    k: int | None,
    fmt: str,
    counterpart_country: str,
    counterpart: str,
    standard: str,
) -> int:
    check_date(start, label=_("Từ ngày"), error=HtcdsRefused)
    check_date(end, label=_("Đến ngày"), error=HtcdsRefused)
    if start > end:
        raise HtcdsRefused(_("Ngày kết thúc trước ngày bắt đầu."))
    if purpose not in PURPOSES:
        raise HtcdsRefused(_("Mục đích xuất dữ liệu không có trong danh mục."))
    if fmt not in FORMATS:
        raise HtcdsRefused(_("Định dạng tệp không có trong danh mục."))
    if standard not in VOCABULARIES:
        raise HtcdsRefused(_("Bộ tên cột không có trong danh mục."))
    least = configured_k()
    k = least if k is None else k
    if not least <= k <= MAX_K:
        raise HtcdsRefused(
            _("k phải từ %(least)s (mức quy định) đến %(most)s.") % {"least": least, "most": MAX_K}
        )
    check_text(counterpart, label=_("Đối tác nhận dữ liệu"), max_length=200, error=HtcdsRefused)
    if purpose == PARTNER_ABROAD:
        code = counterpart_country.strip().upper()
        if not is_country(code) or code == "VN":
            raise HtcdsRefused(
                _(
                    "Chuyển cho đối tác nước ngoài: phải chọn nước của đối tác (không phải "
                    "Việt Nam)."
                )
            )
    if purpose != REPORT and not counterpart.strip():
        raise HtcdsRefused(_("Chưa nhập đối tác nhận dữ liệu."))
    return k


def _refusal(reason: str, excluded: int) -> str:
    if not excluded:
        return reason
    return (
        reason
        + " "
        + _("%(n)s hồ sơ đã bị loại trước vì không có căn cứ chuyển dữ liệu ra nước ngoài.")
        % {"n": excluded}
    )


# --- what is released, and the file --------------------------------------------------------------


def released_rows(result: Result) -> list[dict[str, Any]]:
    """The released rows under the output columns, ordered by their released values only (never
    by date or case), numbered from 1."""
    s = spec()
    missing = s["missing"]
    names = _province_names()
    out = []
    for row in result.rows:
        row = dict(row)
        if result.levels["ageBroad"] == "band":
            row["majorityStatus"] = _band_majority(row["ageBroad"])
        else:
            row["majorityStatus"], row["ageBroad"] = row["ageBroad"], missing
        if result.levels["homeArea"] == "province":
            row["homeArea"] = names.get(row["homeArea"], missing)
        out.append(row)
    columns = [c for c in s["columns"] if c != "recordNumber"]
    out.sort(key=lambda r: tuple(str(r[c]) for c in columns))
    return [{"recordNumber": i, **{c: r[c] for c in columns}} for i, r in enumerate(out, 1)]


def _province_names() -> dict[int, str]:
    today = timezone.localdate()
    return dict(
        Unit.objects.valid_on(today).filter(level=UnitLevel.PROVINCE).values_list("code", "name")
    )


def _header(
    *,
    unit: Unit,
    start: date,
    end: date,
    purpose: str,
    result: Result,
    excluded: int,
    country: str,
    counterpart: str,
    standard: str,
) -> dict[str, Any]:
    """What the file says about itself: the standard, the request, and what was generalised and
    suppressed to reach k (English keys: the file goes to partners; counts only), every column
    under the vocabulary's own names."""
    s = spec()
    vocabulary = s["vocabularies"][standard]
    share = f"{100 * result.suppressed_share:.1f}%"

    def named(levels: dict[str, str]) -> str:
        return ", ".join(f"{column_name(standard, c)}={lvl}" for c, lvl in levels.items())

    meta: dict[str, Any] = {
        "standard": vocabulary["standard"],
        "vocabulary": standard,
        "unit": unit.name,
        "period": f"{start.isoformat()}--{end.isoformat()}",
        "purpose": purpose,
        "counterpart_country": country if purpose == PARTNER_ABROAD else "",
        "counterpart": counterpart,
        "k": result.k,
        "quasi_identifiers": ", ".join(quasi_identifiers(standard)),
        "levels": named(result.levels),
    }
    if vocabulary.get("flags_follow"):  # a vocabulary without the is... flags names none
        flags = ", ".join(s["codes"]["exploitation_flags"])
        meta[f"follow_{column_name(standard, 'typeOfExploitConcatenated')}"] = flags
    meta.update(
        {
            "generalised": named(result.generalised) or "none",
            "records_considered": result.total,
            "records_released": result.released,
            "records_suppressed": result.suppressed,
            "suppressed_share": share,
            "smallest_class": result.smallest_class,
            "excluded_no_abroad_basis": excluded,
            "missing_value": s["missing"],
            "note": vocabulary["note"],
        }
    )
    return meta


def render(fmt: str, meta: dict[str, Any], rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    if fmt == JSON:
        body = {"anonymisation": meta, "columns": columns, "records": rows}
        return json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == XLSX:
        return _xlsx(meta, rows, columns)
    return _csv(meta, rows, columns)


def _csv(meta: dict[str, Any], rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    """The header part as comment lines ("# key: value"; pandas reads it with comment="#"),
    then the columns and the rows."""
    buffer = io.StringIO()
    for key, value in meta.items():
        buffer.write(f"# {key}: {safe_cell(str(value))}\n")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row[c] for c in columns])
    return buffer.getvalue().encode("utf-8")


def _xlsx(meta: dict[str, Any], rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    notes = workbook.create_sheet("anonymisation")
    for key, value in meta.items():
        notes.append([key, safe_cell(value)])
    sheet = workbook.create_sheet("HTCDS")
    sheet.append(columns)
    for row in rows:
        sheet.append([row[c] for c in columns])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
