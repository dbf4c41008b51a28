"""`synth_load`: one synthetic national dataset, in one transaction with one audit row."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from ctip.agencies.models import Agency, AgencySuccession
from ctip.core.audit import audit_write
from ctip.core.models import AuditEntry, RollupCell
from ctip.enforcement.models import (
    CriminalCase,
    StageEvent,
    Suspect,
    WatchCheck,
    WatchEntry,
)
from ctip.geo.models import Unit, UnitCover, UnitSuccession
from ctip.indicators import rollups
from ctip.ops.synth import enforcement, prevention, victims
from ctip.ops.synth.agencies import agencies_ensure, committee_specs, province_specs
from ctip.ops.synth.indexes import deferred
from ctip.ops.synth.rows import name_index, sealed
from ctip.ops.synth.run import Options, Run
from ctip.ops.synth.world import (
    Calendar,
    SynthError,
    choose_provinces,
    cut_segments,
    place_of,
    window,
)
from ctip.prevention.models import Activity
from ctip.victims.models import Case, CaseEvent, CaseExploitation

ACTION = "synth.load"
OFFICER = "syn-canbo-theodoi"  # owner of the synthetic watchlist; cannot log in
MAX_SEED = 10**8  # keeps codes like SYN99999999-000001 within the columns' lengths


@dataclass
class Result:
    counts: dict[str, int] = field(default_factory=dict)
    provinces: list[str] = field(default_factory=list)
    batch: int | None = None
    skipped: bool = False
    seconds: float = 0.0


def loaded_batch(seed: int) -> AuditEntry | None:
    """The audit row of an earlier load with this seed, if any."""
    return AuditEntry.objects.filter(action=ACTION, changes__seed=seed).first()


def synth_load(
    options: Options,
    *,
    report: Callable[[str], None] = lambda line: None,
    reference: bool = True,
    today: date | None = None,
) -> Result:
    """Load the dataset of `options` unless this seed was loaded already (then nothing is
    written and `skipped` is set). Deterministic for a seed on a given database."""
    _check(options)
    started = time.monotonic()
    earlier = loaded_batch(options.seed)
    if earlier is not None:
        return Result(batch=earlier.pk, skipped=True)
    if reference:
        call_command("load_reference", stdout=_Lines(report))
    with transaction.atomic():
        _tune()
        batch = audit_write(action=ACTION, count=0, changes={"seed": options.seed})
        run = _prepare(options, batch, report, today or date.today())
        with deferred((*TABLES, RollupCell), report) as deferring:
            counts = _generate(run)
            AuditEntry.objects.filter(pk=batch.pk).update(
                count=sum(counts.values()),
                changes={"seed": options.seed, "options": asdict(options), "counts": counts},
            )
            _analyze((*TABLES, *JOINED), report)
            # Dashboards read whole months from rollups: build them for the new records.
            _rollups(report, deferring)
        _analyze((RollupCell,), report)
        provinces = [p.province.name for p in run.places]
    return Result(counts, provinces, batch.pk, seconds=time.monotonic() - started)


WORK_MEMORY = "256MB"
NAME_INDEX = "synth_rollupcell_name"  # exists only during a load into an empty database
# The tables a load writes, analysed before the rollups are built from them.
TABLES = (
    Activity,
    Activity.target_groups.through,
    Case,
    CaseEvent,
    CaseExploitation,
    CriminalCase,
    StageEvent,
    Suspect,
    WatchEntry,
    WatchCheck,
)
# The units and agencies every aggregate joins: loaded by `load_reference` and this load, and
# never counted by a development server's PostgreSQL, which runs without autovacuum. Unanalysed,
# the country's cover (14,166 units) was estimated at 739 rows, and the national review chose a
# nested loop over every victim case's events (3.2 s where 0.7 s do; docs/benchmarks.md).
JOINED = (Unit, UnitCover, UnitSuccession, Agency, AgencySuccession)


def _tune() -> None:
    """Settings of the load's transaction (PostgreSQL): no JIT (it compiled each rollup
    statement for one to two seconds, to run it once) and room for the rollups' aggregates and
    the index sorts in memory rather than on disk."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute(f"SET LOCAL work_mem = '{WORK_MEMORY}'")


def _analyze(models: tuple[type[Model], ...], report: Callable[[str], None]) -> None:
    """Fresh statistics for the loaded tables (PostgreSQL): the rollup build and the first
    dashboards would otherwise plan over millions of rows the planner has never counted (a
    development server runs without autovacuum, and autovacuum waits for the commit anyway).
    ANALYZE runs inside the load's transaction and sees its rows."""
    if connection.vendor != "postgresql":
        return
    started = time.monotonic()
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {quote(model._meta.db_table)}")
    report(f"analyze: {time.monotonic() - started:.1f} s")


def _rollups(report: Callable[[str], None], deferring: bool) -> None:
    """Build every rollup. With the cells' read index set aside, a narrow index on the rollup
    name lets each rollup's delete find its cells (none: the table was empty) without reading
    the millions of cells inserted before it."""
    started = time.monotonic()
    if deferring:
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE INDEX {NAME_INDEX} ON core_rollupcell (rollup)")
    rollups.rebuild()
    if deferring:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP INDEX {NAME_INDEX}")
    report(f"rollups: {time.monotonic() - started:.1f} s")


def _check(options: Options) -> None:
    sizes = {k: v for k, v in asdict(options).items() if k not in ("seed",)}
    negative = [k for k, v in sizes.items() if v < 0]
    if negative or options.years < 1:
        raise SynthError(
            _("Số lượng không được âm và số năm phải từ 1 trở lên: %(names)s.")
            % {"names": ", ".join(negative) or "years"}
        )
    if not 0 <= options.seed < MAX_SEED:
        raise SynthError(_("Seed phải từ 0 đến %(max)s.") % {"max": MAX_SEED - 1})


def _prepare(options: Options, batch: AuditEntry, report: Callable, today: date) -> Run:
    # Encryption keys may differ from an earlier load in this process (tests).
    sealed.cache_clear()
    name_index.cache_clear()
    rng = random.Random(options.seed)  # noqa: S311 - reproducible synthetic data, not secrets
    start, end = window(options.years, today)
    places = [place_of(p, start, end) for p in choose_provinces(rng, options.provinces, today)]
    specs = []
    for place in places:
        specs += province_specs(place, start, end) + committee_specs(place, start, end, rng)
    agencies, created = agencies_ensure(specs, batch)
    for place in places:
        own = [a for a in agencies if a.unit_id in place.units]
        cut_segments(place, own, start, end)
    report(f"provinces: {', '.join(p.province.name for p in places)}; {start} .. {end}")
    report(f"agencies: {len(agencies)} synthetic, {created} new")
    return Run(
        options,
        rng,
        today,
        places,
        Calendar(start, end),
        batch,
        report,
        officer=_officer(),
        agency_kind={a.id: a.kind for a in agencies},
        created_agencies=created,
    )


def _officer() -> Any:
    user, made = get_user_model().objects.get_or_create(
        username=OFFICER,
        defaults={"first_name": "Cán bộ theo dõi", "last_name": "(mô phỏng)", "is_active": False},
    )
    if made:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _generate(run: Run) -> dict[str, int]:
    counts = {"agencies": run.created_agencies}
    counts.update(prevention.load(run))
    counts.update(victims.load(run))
    counts.update(enforcement.load_cases(run))
    counts.update(enforcement.load_watchlist(run))
    return counts


class _Lines:
    """A stdout for call_command that forwards each written line to `report`."""

    def __init__(self, report: Callable[[str], None]) -> None:
        self.report = report

    def write(self, text: str) -> None:
        for line in text.rstrip("\n").splitlines():
            self.report(line)

    def flush(self) -> None:
        pass
