"""Population by unit and year, imported from a CSV that names its source.

Columns: code, level (province|district|commune|special_zone), year, population, source.
The unit is the version of `code` in force on 1 July of `year`. All or nothing.

Rates per 1,000 inhabitants (`per_thousand`) use the latest population of the territory not
after the period's year (`population_of`). A population whose source starts with `SYNTHETIC`
is invented (the demo's communes, `population_demo_ensure`): every rate using it says so.
The real figure shipped is the province's, from the resolution that formed it
(fixtures/population-quang-ngai.csv, cited in fixtures/README.md).

The country (code 0, ADR 0016) has no population of its own: one number, one definition. Its
population for a year is the sum of the latest populations (not after that year) of the
provinces in force on 1 July of that year, the same versions the import attaches a year's
figures to (from 2025, today's 34 provinces); none when a province has no figure, since a
partial sum would overstate every rate. The import refuses rows for the country.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from ctip.core.audit import audit_write
from ctip.core.bounds import MAX_COUNT, MIN_YEAR
from ctip.core.cells import cell_problem, shown
from ctip.core.csvfiles import check_csv
from ctip.core.text import vn_int
from ctip.core.work import unit_of_work
from ctip.geo.models import COMMUNE_LEVELS, Level, Unit
from ctip.prevention.importer import ImportRejected
from ctip.prevention.models import Population

COLUMNS = ("code", "level", "year", "population", "source")
# The start of the source of every invented population (never shown as a real one).
SYNTHETIC = "Dân số giả lập"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "population-quang-ngai.csv"


@dataclass(frozen=True)
class PopulationFigure:
    population: int
    year: int
    source: str

    @property
    def synthetic(self) -> bool:
        return is_synthetic(self.source)


def is_synthetic(source: str | None) -> bool:
    return (source or "").startswith(SYNTHETIC)


def per_thousand(count: int | None, population: int | None) -> float | None:
    """`count` per 1,000 inhabitants, one decimal; None without a population."""
    if count is None or not population:
        return None
    return round(1000 * count / population, 1)


def population_of(unit: Unit, year: int) -> PopulationFigure | None:
    """The latest population of `unit` not after `year`: one query. Of this version of the unit
    only: a merged commune or province often keeps an old code (95 of Quảng Ngãi's 96 new
    communes do), and its population is not its predecessor's. The country's is its provinces'
    sum (`national_population`)."""
    if unit.level == Level.COUNTRY:
        return national_population(year)
    row = (
        Population.objects.filter(unit=unit, year__lte=year)
        .order_by("-year")
        .values("population", "year", "source")
        .first()
    )
    return PopulationFigure(**row) if row else None


def national_population(year: int) -> PopulationFigure | None:
    """The sum of the latest populations not after `year` of the provinces in force on 1 July
    of `year` (two queries); its year is the oldest figure's, its source names the sum (and
    says "Dân số giả lập" first when any province's figure is invented). None when a province
    has no figure."""
    provinces = list(
        Unit.objects.valid_on(date(year, 7, 1))  # type: ignore[attr-defined]
        .filter(level=Level.PROVINCE)
        .values_list("pk", flat=True)
    )
    latest: dict[int, dict[str, Any]] = {}
    rows = Population.objects.filter(unit__in=provinces, year__lte=year).order_by("unit", "-year")
    for row in rows.values("unit", "population", "year", "source"):
        latest.setdefault(row["unit"], dict(row))
    if not provinces or len(latest) < len(provinces):
        return None
    figures = list(latest.values())
    sources = {f["source"] for f in figures}
    source = _("Tổng dân số %(count)s tỉnh, thành phố (%(sources)s)") % {
        "count": len(figures),
        "sources": sources.pop() if len(sources) == 1 else _("nguồn của từng tỉnh, thành phố"),
    }
    if any(is_synthetic(f["source"]) for f in figures):
        source = f"{SYNTHETIC}: {source}"
    return PopulationFigure(
        population=sum(f["population"] for f in figures),
        year=min(f["year"] for f in figures),
        source=source,
    )


def population_import_csv(*, data: bytes, acting_user: Any) -> int:
    rows = check_csv(data, COLUMNS, _check, ImportRejected)
    with unit_of_work():
        batch = audit_write(
            action="prevention.population_import",
            acting_user=acting_user,
            count=len(rows),
            file_hash=hashlib.sha256(data).hexdigest(),
        )
        for unit, year, population, source in rows:
            Population.objects.update_or_create(
                unit=unit,
                year=year,
                defaults={"population": population, "source": source, "batch": batch},
            )
    return len(rows)


def _source_chars() -> int:
    return Population._meta.get_field("source").max_length  # type: ignore[return-value]


def _check(line: int, raw: dict[str, str], errors: Any) -> tuple | None:
    def bad(message: str) -> None:
        errors.append(_("Dòng %(line)s: %(message)s") % {"line": line, "message": message})

    before = len(errors)
    try:
        code, year, population = int(raw["code"]), int(raw["year"]), int(raw["population"])
    except (TypeError, ValueError):
        bad(_("mã, năm và dân số phải là số nguyên."))
        return None
    level = (raw.get("level") or "").strip()
    if level not in Level.values:
        bad(_("cấp “%(level)s” không hợp lệ.") % {"level": shown(level)})
    if population < 0 or not MIN_YEAR <= year <= date.today().year:
        bad(_("dân số âm hoặc năm không hợp lệ."))
    elif population > MAX_COUNT:
        limit = vn_int(MAX_COUNT)
        bad(_("dân số lớn hơn %(max)s.") % {"max": limit})
    if level == Level.COUNTRY or code == 0:
        bad(_("dân số toàn quốc không nhập: đó là tổng dân số các tỉnh, thành phố."))
    elif not 0 < code <= MAX_COUNT:
        bad(_("mã đơn vị không hợp lệ."))
    source = (raw.get("source") or "").strip()
    if not source:
        bad(_("phải ghi nguồn số liệu."))
    elif problem := cell_problem(source, max_length=_source_chars()):
        bad(_("nguồn số liệu %(problem)s") % {"problem": problem})
    if len(errors) > before:
        return None
    unit = Unit.objects.valid_on(date(year, 7, 1)).filter(code=code, level=level).first()
    if unit is None:
        bad(_("không có đơn vị mã %(code)s vào năm %(year)s.") % {"code": code, "year": year})
        return None
    return unit, year, population, source


def synthetic_shares(codes: list[int], total: int) -> dict[int, int]:
    """`total` shared among `codes` by fixed weights (from a hash of each code, between 1 and
    5): the same codes and total always give the same figures, and they add up to `total`."""
    weights = {c: 1 + int(hashlib.sha256(str(c).encode()).hexdigest()[:8], 16) % 5 for c in codes}
    whole = sum(weights.values())
    shares = {c: total * w // whole for c, w in weights.items()}
    for c in sorted(codes)[: total - sum(shares.values())]:
        shares[c] += 1
    return shares


def population_demo_ensure(*, path: Path = FIXTURE) -> int:
    """The demo's populations: the real figure of each province in `path` (with its citation),
    then, for its communes without a real figure, synthetic ones sharing the province's total
    (source "Dân số giả lập ..."). Through the import service; idempotent. Rows written."""
    data = path.read_bytes()
    written = population_import_csv(data=data, acting_user=None)
    for row in csv.DictReader(io.StringIO(data.decode("utf-8-sig"))):
        if row["level"] != Level.PROVINCE:
            continue
        year, total = int(row["year"]), int(row["population"])
        province = (
            Unit.objects.valid_on(date(year, 7, 1))
            .filter(code=int(row["code"]), level=Level.PROVINCE)
            .first()
        )
        if province is None:
            continue
        real = set(
            Population.objects.filter(
                year=year, unit__rollup_province=province, unit__level__in=COMMUNE_LEVELS
            )
            .exclude(source__startswith=SYNTHETIC)
            .values_list("unit_id", flat=True)
        )
        communes = list(
            Unit.objects.valid_on(date(year, 7, 1))
            .filter(level__in=COMMUNE_LEVELS, rollup_province=province)
            .exclude(id__in=real)
            .values_list("code", "level")
        )
        if not communes or real:  # real commune figures loaded: invent nothing beside them
            continue
        levels = dict(communes)
        source = (
            f"{SYNTHETIC} (không phải số liệu thật): dân số tỉnh theo {row['source'][:120]} "
            "chia cho các xã, phường theo trọng số cố định, chỉ để chạy thử"
        )
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for code, share in sorted(synthetic_shares(list(levels), total).items()):
            writer.writerow([code, levels[code], year, share, source])
        written += population_import_csv(data=out.getvalue().encode(), acting_user=None)
    return written
