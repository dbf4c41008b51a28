"""Closures over "came from" graphs (units and agencies), computed by the database.

Succession and nesting form a directed graph; the records a unit or an agency answers for are
those made in any node reachable from it. A recursive CTE gives that set in one query, usable as
a subquery, so a scope filter never pulls ids into Python. PostgreSQL allows one recursive
reference per CTE, hence the edges are unioned first and walked once.
"""

from __future__ import annotations

from django.db.models.expressions import RawSQL


def closure_sql(edges_sql: str) -> str:
    """SQL selecting `id` of every node reachable from %s along edges (src -> dst means dst is
    covered by src). `edges_sql` must select two columns named src and dst."""
    # edges_sql is a constant of the calling module, never user input; root ids are parameters.
    # The root is cast so PostgreSQL types both terms of the recursive union as bigint.
    cover = (
        "cover(id) AS (SELECT CAST(%s AS BIGINT) UNION "
        "SELECT e.dst FROM edges e JOIN cover c ON e.src = c.id)"
    )
    return f"WITH RECURSIVE edges(src, dst) AS ({edges_sql}), {cover} SELECT id FROM cover"  # noqa: S608


def closure_subquery(edges_sql: str, root_id: int) -> RawSQL:
    return RawSQL(closure_sql(edges_sql), (root_id,))  # noqa: S611
