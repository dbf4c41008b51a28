"""The bare SQL of every indicator and breakdown the ACTIP review reads (its text figures, the
records behind each figure, and its statistical annex), written out by hand: what a developer
would run against the tables directly to get the same numbers, one statement per record table
and grouping. Run with a raw cursor by bench/compile_bench.py, which times the whole set and
checks that each value equals the compiled report's.

Parameters: %(start)s and %(end)s (the period, inclusive), %(unit)s (the report's unit; its
territory is every unit it covers, from the precomputed closure geo_unitcover). Agencies group
by their roll-up (today's heir, Foundation I). `{quarter:<column>}` is the one piece of SQL that
differs between PostgreSQL and SQLite.

National (the country, ADR 0016): the country covers every unit, so its bare SQL is the plain
national GROUP BYs: `Statement.text(vendor, national=True)` drops each `IN <cover>` filter, and
the joins that only served it (a stage event's case, a check's entry, the agency of a
cooperation activity or a document: NOT NULL foreign keys, so the counts do not change).

Each statement lists what its columns are, after its group keys: "<indicator>" is the value,
"#<indicator>" the number of records behind it (what the report's provenance counts), and
"~<indicator>" whether any record is an estimate. A key "stage" names the indicator itself
(enforcement.cases_<stage>).
"""

# Every statement is built from this module's constants only; values are bound parameters.
# ruff: noqa: S608
from __future__ import annotations

import re
from dataclasses import dataclass

COVER = "(SELECT unit_id FROM geo_unitcover WHERE ancestor_id = %(unit)s)"
# What national=True removes: every territory filter, then the joins only it needed.
_TERRITORY = re.compile(r" AND [\w.]+ IN " + re.escape(COVER))
_TERRITORY_JOINS = (
    "JOIN enforcement_criminalcase k ON k.id = s.case_id ",
    "JOIN enforcement_watchentry w ON w.id = h.entry_id ",
    "JOIN agencies_agency ag ON ag.id = x.agency_id ",
    "JOIN agencies_agency ag ON ag.id = d.recorded_by_id ",
)
QUARTER = {
    "postgresql": "CAST(EXTRACT(YEAR FROM {col}) * 10 + EXTRACT(QUARTER FROM {col}) AS INTEGER)",
    "sqlite": (
        "(CAST(strftime('%%Y', {col}) AS INTEGER) * 10"
        " + (CAST(strftime('%%m', {col}) AS INTEGER) + 2) / 3)"
    ),
}
ACTIVITY_ALL = (
    "prevention.activities",
    "#prevention.activities",
    "#prevention.sessions",
    "#prevention.participants",
    "#prevention.media_items",
    "#prevention.sms",
)
ACTIVITY_SUMS = (
    ("prevention.sessions",),
    ("prevention.participants",),
    ("~prevention.participants",),
    ("prevention.media_items",),
    ("prevention.sms",),
)
CASES_ALL = ("enforcement.cases_detected", "#enforcement.cases_detected", "#enforcement.suspects")
CASE_SUMS = (("enforcement.suspects",), ("enforcement.victims_unregistered",))


@dataclass(frozen=True)
class Statement:
    name: str
    keys: tuple[str, ...]  # dimensions of the group key columns, in order
    columns: tuple[tuple[str, ...], ...]  # what each value column is (see the module doc)
    sql: str

    def text(self, vendor: str, national: bool = False) -> str:
        sql = self.sql
        if national:
            sql = _TERRITORY.sub("", sql)
            for join in _TERRITORY_JOINS:
                sql = sql.replace(join, "")
        return re.sub(r"\{quarter:([^}]+)\}", lambda m: QUARTER[vendor].format(col=m.group(1)), sql)


_ACTIVITY_VALUES = (
    "COUNT(*), SUM(a.sessions), SUM(a.participants), "
    "MAX(CASE WHEN a.participants_estimated THEN 1 ELSE 0 END), SUM(a.media_items), SUM(a.sms)"
)
_ACTIVITY_WHERE = f"a.start_date BETWEEN %(start)s AND %(end)s AND a.unit_id IN {COVER}"
_CASE_WHERE = f"c.received_on BETWEEN %(start)s AND %(end)s AND c.home_unit_id IN {COVER}"
_STANDING_CASE_WHERE = (
    "c.received_on <= %(end)s AND NOT EXISTS (SELECT 1 FROM victims_caseevent e "
    "WHERE e.case_id = c.id AND e.to_state IN ('identified', 'not_victim') "
    f'AND e."on" <= %(end)s) AND c.home_unit_id IN {COVER}'
)
# A case's decision: its first event into the state (a merge's note from the state to itself,
# and later events back into it, decide nothing new), in the period and territory.
_DECIDED = (
    "JOIN victims_case c ON c.id = e.case_id WHERE e.to_state = '{state}' "
    "AND e.from_state <> e.to_state AND c.merged_into_id IS NULL "
    'AND e."on" BETWEEN %(start)s AND %(end)s '
    f"AND c.home_unit_id IN {COVER} "
    "AND NOT EXISTS (SELECT 1 FROM victims_caseevent p WHERE p.case_id = e.case_id "
    'AND p.to_state = \'{state}\' AND (p."on" < e."on" OR (p."on" = e."on" AND p.id < e.id)))'
)
_TEAM_WHERE = (
    f"t.established <= %(end)s AND (t.dissolved IS NULL OR t.dissolved > %(end)s) "
    f"AND t.unit_id IN {COVER}"
)
_COUNT_WHERE = (
    _TEAM_WHERE + " AND v.as_of = (SELECT MAX(v2.as_of) FROM prevention_volunteercount v2 "
    "WHERE v2.team_id = v.team_id AND v2.as_of <= %(end)s)"
)
_CRIME_WHERE = f"k.detected_on BETWEEN %(start)s AND %(end)s AND k.unit_id IN {COVER}"
_INSPECTION_WHERE = f'i."on" BETWEEN %(start)s AND %(end)s AND i.unit_id IN {COVER}'
_COOPERATION_FROM = (
    "FROM cooperation_cooperationactivity x JOIN agencies_agency ag ON ag.id = x.agency_id "
    f'WHERE x."start" BETWEEN %(start)s AND %(end)s AND ag.unit_id IN {COVER}'
)

STATEMENTS = (
    # --- prevention: activities (II.1 by agency with target groups and kinds; annex sheet 1)
    Statement(
        "activities",
        (),
        (ACTIVITY_ALL, *ACTIVITY_SUMS),
        f"SELECT {_ACTIVITY_VALUES} FROM prevention_activity a WHERE {_ACTIVITY_WHERE}",
    ),
    Statement(
        "activities by agency",
        ("agency",),
        (ACTIVITY_ALL, *ACTIVITY_SUMS),
        f"SELECT ag.rollup_agency_id, {_ACTIVITY_VALUES} FROM prevention_activity a "
        f"JOIN agencies_agency ag ON ag.id = a.agency_id WHERE {_ACTIVITY_WHERE} "
        "GROUP BY ag.rollup_agency_id",
    ),
    Statement(
        "activities by target group",
        ("target_group",),
        (("prevention.activities",), *ACTIVITY_SUMS),
        "SELECT g.targetgroup_id, COUNT(DISTINCT a.id), SUM(a.sessions), SUM(a.participants), "
        "MAX(CASE WHEN a.participants_estimated THEN 1 ELSE 0 END), SUM(a.media_items), "
        "SUM(a.sms) FROM prevention_activity a LEFT JOIN prevention_activity_target_groups g "
        f"ON g.activity_id = a.id WHERE {_ACTIVITY_WHERE} GROUP BY g.targetgroup_id",
    ),
    Statement(
        "activities by kind",
        ("kind",),
        (("prevention.activities",), *ACTIVITY_SUMS),
        f"SELECT a.kind, {_ACTIVITY_VALUES} FROM prevention_activity a "
        f"WHERE {_ACTIVITY_WHERE} GROUP BY a.kind",
    ),
    Statement(
        "activities by quarter",
        ("quarter",),
        (("prevention.activities",), *ACTIVITY_SUMS),
        f"SELECT {{quarter:a.start_date}}, {_ACTIVITY_VALUES} FROM prevention_activity a "
        f"WHERE {_ACTIVITY_WHERE} GROUP BY {{quarter:a.start_date}}",
    ),
    Statement(
        "activities by agency and target group",
        ("agency", "target_group"),
        (("prevention.activities",),),
        "SELECT ag.rollup_agency_id, g.targetgroup_id, COUNT(DISTINCT a.id) "
        "FROM prevention_activity a JOIN agencies_agency ag ON ag.id = a.agency_id "
        "LEFT JOIN prevention_activity_target_groups g ON g.activity_id = a.id "
        f"WHERE {_ACTIVITY_WHERE} GROUP BY ag.rollup_agency_id, g.targetgroup_id",
    ),
    Statement(
        "activities by agency and kind",
        ("agency", "kind"),
        (ACTIVITY_ALL, *ACTIVITY_SUMS),
        f"SELECT ag.rollup_agency_id, a.kind, {_ACTIVITY_VALUES} FROM prevention_activity a "
        f"JOIN agencies_agency ag ON ag.id = a.agency_id WHERE {_ACTIVITY_WHERE} "
        "GROUP BY ag.rollup_agency_id, a.kind",
    ),
    # --- victims received in the period, and standing in identification at its end (II.3)
    Statement(
        "victims received",
        (),
        (("victims.received", "#victims.received"),),
        f"SELECT COUNT(*) FROM victims_case c WHERE {_CASE_WHERE}",
    ),
    Statement(
        "victims received by agency",
        ("agency",),
        (("victims.received",),),
        "SELECT ag.rollup_agency_id, COUNT(*) FROM victims_case c "
        f"JOIN agencies_agency ag ON ag.id = c.owner_id WHERE {_CASE_WHERE} "
        "GROUP BY ag.rollup_agency_id",
    ),
    Statement(
        "victims received by unit",
        ("unit",),
        (("victims.received",),),
        f"SELECT c.home_unit_id, COUNT(*) FROM victims_case c WHERE {_CASE_WHERE} "
        "GROUP BY c.home_unit_id",
    ),
    Statement(
        "victims identified",
        (),
        (("victims.identified", "#victims.identified"),),
        "SELECT COUNT(DISTINCT e.case_id) FROM victims_caseevent e "
        + _DECIDED.format(state="identified"),
    ),
    Statement(
        "victims found not to be victims",
        (),
        (("victims.not_victims", "#victims.not_victims"),),
        "SELECT COUNT(DISTINCT e.case_id) FROM victims_caseevent e "
        + _DECIDED.format(state="not_victim"),
    ),
    Statement(
        "victims being identified",
        (),
        (("victims.being_identified", "#victims.being_identified"),),
        f"SELECT COUNT(*) FROM victims_case c WHERE {_STANDING_CASE_WHERE}",
    ),
    Statement(
        "victims being identified by agency",
        ("agency",),
        (("victims.being_identified",),),
        "SELECT ag.rollup_agency_id, COUNT(*) FROM victims_case c "
        f"JOIN agencies_agency ag ON ag.id = c.owner_id WHERE {_STANDING_CASE_WHERE} "
        "GROUP BY ag.rollup_agency_id",
    ),
    Statement(
        "victims being identified by unit",
        ("unit",),
        (("victims.being_identified",),),
        f"SELECT c.home_unit_id, COUNT(*) FROM victims_case c WHERE {_STANDING_CASE_WHERE} "
        "GROUP BY c.home_unit_id",
    ),
    # --- volunteer teams and their latest counts standing at the period's end (II.3)
    Statement(
        "volunteer teams",
        (),
        (("prevention.volunteer_teams", "#prevention.volunteer_teams"),),
        f"SELECT COUNT(*) FROM prevention_volunteerteam t WHERE {_TEAM_WHERE}",
    ),
    Statement(
        "volunteer teams by unit",
        ("unit",),
        (("prevention.volunteer_teams",),),
        f"SELECT t.unit_id, COUNT(*) FROM prevention_volunteerteam t WHERE {_TEAM_WHERE} "
        "GROUP BY t.unit_id",
    ),
    Statement(
        "volunteers",
        (),
        (("prevention.volunteers",), ("#prevention.volunteers",)),
        "SELECT SUM(v.volunteers), COUNT(*) FROM prevention_volunteercount v "
        f"JOIN prevention_volunteerteam t ON t.id = v.team_id WHERE {_COUNT_WHERE}",
    ),
    Statement(
        "volunteers by unit",
        ("unit",),
        (("prevention.volunteers",),),
        "SELECT t.unit_id, SUM(v.volunteers) FROM prevention_volunteercount v "
        f"JOIN prevention_volunteerteam t ON t.id = v.team_id WHERE {_COUNT_WHERE} "
        "GROUP BY t.unit_id",
    ),
    # --- criminal cases detected, their suspects and victims (II.4; annex sheet 3)
    Statement(
        "criminal cases",
        (),
        (CASES_ALL, *CASE_SUMS),
        "SELECT COUNT(*), SUM(k.suspects_count), SUM(k.unregistered_victims) "
        f"FROM enforcement_criminalcase k WHERE {_CRIME_WHERE}",
    ),
    *(
        Statement(
            f"criminal cases by {dim}",
            (dim,),
            (("enforcement.cases_detected",), *CASE_SUMS),
            f"SELECT {key}, COUNT(*), SUM(k.suspects_count), SUM(k.unregistered_victims) "
            f"FROM enforcement_criminalcase k {join}WHERE {_CRIME_WHERE} GROUP BY {key}",
        )
        for dim, key, join in (
            ("agency", "ag.rollup_agency_id", "JOIN agencies_agency ag ON ag.id = k.owner_id "),
            ("platform", "k.platform", ""),
            ("destination", "k.destination_country", ""),
            ("unit", "k.unit_id", ""),
        )
    ),
    Statement(
        "cases instituted, indicted, tried",
        ("stage",),
        (("enforcement.cases_{stage}",), ("#enforcement.cases_{stage}",)),
        "SELECT s.stage, COUNT(DISTINCT s.case_id), COUNT(*) FROM enforcement_stageevent s "
        "JOIN enforcement_criminalcase k ON k.id = s.case_id "
        "WHERE s.stage IN ('instituted', 'indicted', 'tried') "
        f'AND s."on" BETWEEN %(start)s AND %(end)s AND k.unit_id IN {COVER} GROUP BY s.stage',
    ),
    # --- inspections of conditional businesses (II.4; annex sheet 3)
    Statement(
        "inspections",
        (),
        (
            (
                "enforcement.inspections",
                "#enforcement.inspections",
                "#enforcement.inspection_violations",
            ),
            ("enforcement.inspection_violations",),
        ),
        "SELECT COUNT(*), SUM(i.violations) FROM enforcement_inspection i "
        f"WHERE {_INSPECTION_WHERE}",
    ),
    Statement(
        "inspections by agency",
        ("agency",),
        (("enforcement.inspections",), ("enforcement.inspection_violations",)),
        "SELECT ag.rollup_agency_id, COUNT(*), SUM(i.violations) FROM enforcement_inspection i "
        f"JOIN agencies_agency ag ON ag.id = i.agency_id WHERE {_INSPECTION_WHERE} "
        "GROUP BY ag.rollup_agency_id",
    ),
    Statement(
        "inspections by unit",
        ("unit",),
        (("enforcement.inspections",), ("enforcement.inspection_violations",)),
        "SELECT i.unit_id, COUNT(*), SUM(i.violations) FROM enforcement_inspection i "
        f"WHERE {_INSPECTION_WHERE} GROUP BY i.unit_id",
    ),
    # --- watchlist: persons put under watch and checks made (II.4; annex sheet 3)
    Statement(
        "watch entries",
        (),
        (("enforcement.watch_entries", "#enforcement.watch_entries"),),
        "SELECT COUNT(*) FROM enforcement_watchentry w "
        f"WHERE w.opened_on BETWEEN %(start)s AND %(end)s AND w.unit_id IN {COVER}",
    ),
    Statement(
        "watch entries by unit",
        ("unit",),
        (("enforcement.watch_entries",),),
        "SELECT w.unit_id, COUNT(*) FROM enforcement_watchentry w "
        f"WHERE w.opened_on BETWEEN %(start)s AND %(end)s AND w.unit_id IN {COVER} "
        "GROUP BY w.unit_id",
    ),
    Statement(
        "watch checks",
        (),
        (("enforcement.watch_checks", "#enforcement.watch_checks"),),
        "SELECT COUNT(*) FROM enforcement_watchcheck h "
        "JOIN enforcement_watchentry w ON w.id = h.entry_id "
        f'WHERE h."on" BETWEEN %(start)s AND %(end)s AND w.unit_id IN {COVER}',
    ),
    # --- international cooperation (II.5; annex sheet 4) and directives (I)
    Statement(
        "cooperation activities",
        (),
        (("cooperation.activities", "#cooperation.activities"),),
        f"SELECT COUNT(*) {_COOPERATION_FROM}",
    ),
    Statement(
        "cooperation activities by kind",
        ("cooperation_kind",),
        (("cooperation.activities",),),
        f"SELECT x.kind, COUNT(*) {_COOPERATION_FROM} GROUP BY x.kind",
    ),
    Statement(
        "cooperation activities by country",
        ("counterpart_country",),
        (("cooperation.activities",),),
        f"SELECT x.counterpart_country, COUNT(*) {_COOPERATION_FROM} "
        "GROUP BY x.counterpart_country",
    ),
    Statement(
        "directive documents",
        (),
        (("directives.documents", "#directives.documents"),),
        "SELECT COUNT(*) FROM directives_document d "
        "JOIN agencies_agency ag ON ag.id = d.recorded_by_id "
        f'WHERE d."date" BETWEEN %(start)s AND %(end)s AND ag.unit_id IN {COVER}',
    ),
)


def run_all(  # type: ignore[no-untyped-def]
    cursor, vendor: str, params: dict, national: bool = False
) -> list[tuple[Statement, list[tuple]]]:
    """Every statement once, in order; the rows of each."""
    out = []
    for statement in STATEMENTS:
        cursor.execute(statement.text(vendor, national), params)
        out.append((statement, cursor.fetchall()))
    return out


def values(results: list[tuple[Statement, list[tuple]]]) -> dict[tuple, int]:
    """{(target, dimensions, key): number}, target being "<indicator>", "#<indicator>" or
    "~<indicator>" as in the statements' columns."""
    found: dict[tuple, int] = {}
    for statement, rows in results:
        n = len(statement.keys)
        for row in rows:
            keys, cells = list(row[:n]), row[n:]
            dims = list(statement.keys)
            stage = None
            if "stage" in dims:
                stage = keys.pop(dims.index("stage"))
                dims.remove("stage")
            for targets, cell in zip(statement.columns, cells, strict=True):
                for target in targets:
                    name = target.format(stage=stage) if stage else target
                    found[(name, tuple(dims), tuple(keys))] = int(cell or 0)
    return found
