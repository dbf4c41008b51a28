"""Background jobs (django-q2, the database as broker: no extra service on SQLite or PostgreSQL).

Jobs are plain functions named by dotted path; callers enqueue them after their transaction
commits, so a job never sees data that was rolled back. The recurring jobs are ctip.ops.jobs.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django_q.tasks import async_task


def enqueue(func: str, *args: Any, **kwargs: Any) -> None:
    """Queue `func(*args, **kwargs)` once the current transaction (if any) has committed."""
    transaction.on_commit(lambda: async_task(func, *args, **kwargs))
