"""`ctip serve`: the web server with a background-job worker beside it (what `make run` runs)."""

import atexit
import contextlib
import ctypes
import os
import signal
import subprocess
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand

from ctip.ops.jobs import ensure_schedules


class Command(BaseCommand):
    help = "Serve ctip on http://127.0.0.1:8000 with a background-job worker."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true")

    def handle(self, *args, **options):
        # runserver's autoreloader runs this command again in a child process (RUN_MAIN=true):
        # only the first process starts the worker, so there is exactly one.
        if os.environ.get("RUN_MAIN") != "true":
            ensure_schedules()
            worker = subprocess.Popen(  # noqa: S603
                [sys.executable, "-m", "ctip", "qcluster"], preexec_fn=_die_with_parent
            )
            signal.signal(signal.SIGTERM, _exit)
            atexit.register(_stop, worker)
            self.stdout.write(f"ctip: background-job worker started (pid {worker.pid})")
        call_command("runserver", options["addrport"], use_reloader=not options["noreload"])


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


def _exit(signum, frame) -> None:
    raise SystemExit(0)  # runs the atexit handler that stops the worker


def _die_with_parent() -> None:
    """Linux: the worker gets SIGTERM when `ctip serve` dies, however it dies."""
    with contextlib.suppress(OSError):  # not Linux: Ctrl-C and atexit still stop the worker
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
