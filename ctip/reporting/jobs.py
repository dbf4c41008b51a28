"""The compilation job: runs in the django-q2 worker (or in-process for the command)."""

from __future__ import annotations

from django.utils import translation

from ctip.reporting.compile import compile_report
from ctip.reporting.models import Compilation
from ctip.reporting.states import JobStatus


def run_compilation(pk: int) -> str:
    compilation = Compilation.objects.select_related("report__template", "report__unit").get(pk=pk)

    def progress(percent: int, step: str) -> None:
        Compilation.objects.filter(pk=pk).update(progress=percent, step=step[:200])

    Compilation.objects.filter(pk=pk).update(status=JobStatus.RUNNING, progress=1)
    try:
        with translation.override("vi"):  # a state document is written in Vietnamese
            result = compile_report(compilation.report, progress=progress)
    except Exception as exc:  # the job must record its failure, whatever it was
        Compilation.objects.filter(pk=pk).update(status=JobStatus.FAILED, error=type(exc).__name__)
        raise
    Compilation.objects.filter(pk=pk).update(
        status=JobStatus.DONE, progress=100, step="", result=result
    )
    return JobStatus.DONE
