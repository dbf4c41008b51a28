"""Peak memory of imports fed zip bombs and the largest files ctip's bounds let through
(issue 19, finding 4: "An import's memory stays under 500 MB whatever the file").

Usage: .venv/bin/python bench/zipbomb.py [--skip-before] [--workdir DIR]

On a throw-away SQLite database (migrated, reference data loaded), each file is imported in
fresh processes: by the command line (`ctip import activities FILE`), and by the web import (the
upload sealed and its job created, as the upload view does; then `check_import` and, when the
file passes, `write_import`, as the background worker runs them). The peak resident memory of
each process (its own VmHWM, read at its exit), its time and its outcome are printed as Markdown
rows for docs/benchmarks.md. `--only NAME,...` runs only those files (e.g. valid.xlsx).

The web import is measured as its two processes: the upload view (the file sealed, encrypted, in
the web worker) and the background worker (the job checked, then written).

The files (built by tests/bombs.py and here):
- bombs of 1 MB and 2 MB: one sheet row of tens of millions of cells (about 500 MB and 1 GB of
  XML), what took the web worker to 2.2 GB and the command line to 4.4 GB;
- a bomb whose archive declares 1 KB for 1 GB of XML; a 2 MB Word document bomb (the check every
  .docx upload goes through);
- a sheet of millions of short rows (140 MB of XML, under the inflated bound: the row bound
  stops it);
- the largest files the bounds accept: 100,000 valid rows (written); 100,000 rows of distinct
  texts, each with a character outside the Basic Multilingual Plane, up to the text bound
  (checked, refused), as a workbook and as JSON;
- issue 27 (python-calamine): files calamine would hold in gigabytes (two far-apart cells, one
  long shared string in 1.5 million cells, a million rows with references), streamed instead,
  and the emoji texts at the text bound with cell references.
Unless --skip-before, a bare openpyxl read-only pass over the 1 MB bomb (the reader used before)
runs under a 3 GB address-space limit and a 120 s timeout, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench.support import ctip, ctip_env, fresh_database, python_reference_ms, run_timed  # noqa: E402
from tests import bombs  # noqa: E402

MB = 1024 * 1024
PYTHON = sys.executable

# Runs a command and prints its peak resident memory. The peak is the child's own high-water mark
# (VmHWM of /proc/self/status, written by PEAK at its exit): ru_maxrss survives exec and can
# report the size of the process that forked it. A child killed before its exit hooks run is
# reported by ru_maxrss, marked "(rusage)".
LAUNCHER = textwrap.dedent(
    """
    import json, os, resource, subprocess, sys, tempfile, time
    limit, timeout, peak_code = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    command = sys.argv[4:]
    if command[1:2] in (["-m"], ["-c"]):
        command = [command[0], "-c", peak_code, *command[1:]]
    handle, peak_file = tempfile.mkstemp()
    os.close(handle)
    env = {**os.environ, "BENCH_PEAK_FILE": peak_file}
    def cap():
        if limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, preexec_fn=cap,
                              timeout=timeout or None, env=env)
        code, out = done.returncode, done.stdout + done.stderr
    except subprocess.TimeoutExpired:
        code, out = "timeout", ""
    with open(peak_file) as found:
        own = found.read().strip()
    os.unlink(peak_file)
    if own:
        peak, source = int(own) / 1024, "VmHWM"
    else:
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        source = "rusage"
    print(json.dumps({"peak_mb": peak, "source": source,
                      "seconds": time.perf_counter() - started, "code": code,
                      "out": out[-2000:]}))
    """
)

# Runs `-m module args` or `-c code args` and, at exit, writes its own VmHWM (kB) to the file
# the launcher named.
PEAK = textwrap.dedent(
    """
    import atexit, os, runpy, sys
    def _peak():
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    with open(os.environ["BENCH_PEAK_FILE"], "w") as out:
                        out.write(line.split()[1])
    atexit.register(_peak)
    mode, target, *rest = sys.argv[1:]
    if mode == "-m":
        sys.argv = [target, *rest]
        runpy.run_module(target, run_name="__main__", alter_sys=True)
    else:
        sys.argv = ["-c", *rest]
        exec(compile(target, "<bench>", "exec"), {"__name__": "__main__"})
    """
)

# The upload view's part of a web import: the upload sealed (encrypted) and its job created.
UPLOAD = textwrap.dedent(
    """
    import os, sys, django
    django.setup()
    from ctip.accounts.models import User
    from ctip.accounts.services import assignment_grant
    from ctip.agencies.models import Agency
    from ctip.core.sealed import seal
    from ctip.prevention.models import ImportJob
    path = sys.argv[1]
    user = User.objects.create_user(f"bench-{os.getpid()}", password="x")
    assignment_grant(user=user, role="agency_officer",
                     agency=Agency.objects.get(code="qng-ca-2025"), acting_user=None)
    with open(path, "rb") as upload:
        sealed = seal(content=upload.read(), name=os.path.basename(path))
    job = ImportJob.objects.create(user=user, file_name=os.path.basename(path), file=sealed)
    print(job.pk)
    """
)

# The background worker's part: the job checked and, when the file passes, written.
JOB = textwrap.dedent(
    """
    import json, sys, django
    django.setup()
    from ctip.prevention import jobs
    from ctip.prevention.models import ImportJob, ImportStatus
    job_id = int(sys.argv[1])
    status = jobs.check_import(job_id)
    if status == ImportStatus.READY:
        ImportJob.objects.filter(pk=job_id).update(status=ImportStatus.WRITING)
        status = jobs.write_import(job_id)
    job = ImportJob.objects.get(pk=job_id)
    print(json.dumps({"status": status, "written": job.written, "errors": job.errors[:1]}))
    """
)

DOCX = textwrap.dedent(
    """
    import sys, django
    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from ctip.core.uploads import UploadError, check_document
    try:
        print(check_document(SimpleUploadedFile("a.docx", open(sys.argv[1], "rb").read())))
    except UploadError as exc:
        print(exc)
    """
)

BEFORE = textwrap.dedent(
    """
    import sys
    from openpyxl import load_workbook
    workbook = load_workbook(sys.argv[1], read_only=True)
    for row in workbook.worksheets[0].iter_rows(values_only=True):
        pass
    print("read")
    """
)


def measure(args: list[str], env: dict[str, str], *, limit: int = 0, timeout: float = 0) -> dict:
    done = subprocess.run(  # noqa: S603 - our interpreter, our scripts
        [PYTHON, "-c", LAUNCHER, str(limit), str(timeout), PEAK, *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the files ----------------------------------------------------------------------------------


def _headers() -> list[str]:
    from ctip.prevention.importer import COLUMNS

    return list(COLUMNS.values())


def largest_valid(path: Path) -> None:
    """100,000 valid rows, as bench/import_activities.py writes them."""
    from openpyxl import Workbook

    rng = random.Random(1)  # noqa: S311 - benchmark data
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Hoạt động")
    sheet.append(_headers())
    from datetime import date, timedelta

    for _ in range(100_000):
        day = date(2021, 1, 1) + timedelta(days=rng.randrange(900))
        row = ["qng-ca", "session", day, day, 21142, 1, rng.randrange(10, 200), "không", 0, 0]
        sheet.append([*row, "Nhân dân", "", "", "", ""])
    workbook.save(path)


def largest_text(path: Path) -> None:
    """100,000 rows whose 15 cells are distinct texts with an emoji (4 bytes a character in
    memory), just under the workbook's text bound (MAX_IMPORT_TEXT characters in all)."""
    from ctip.core.bounds import MAX_IMPORT_ROWS, MAX_IMPORT_TEXT

    columns = len(_headers())
    width = MAX_IMPORT_TEXT // (MAX_IMPORT_ROWS * columns) - 1
    rng = random.Random(2)  # noqa: S311
    letters = "abcdefghijklmnopqrstuvwxyzăâđêôơư"
    rows = [_headers()]
    for _ in range(MAX_IMPORT_ROWS):
        rows.append(["😀" + "".join(rng.choices(letters, k=width - 1)) for _ in range(columns)])
    sheet = bombs.sheet_xml(rows)
    path.write_bytes(bombs.workbook(bombs.deflated("xl/worksheets/sheet1.xml", sheet)))


def largest_json(path: Path) -> None:
    """100,000 rows of distinct emoji texts, up to the JSON reader's bounds (text in every
    column, 10 list items a row) and the 50 MB a file may have."""
    from ctip.core.bounds import MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, MAX_IMPORT_TEXT
    from ctip.core.jsonrows import LIST_ITEMS_PER_ROW
    from ctip.prevention.importer import COLUMNS

    lists = ("target_groups", "partners")
    texts = [k for k in COLUMNS if k not in lists]
    per_list = LIST_ITEMS_PER_ROW // len(lists)
    width = (MAX_IMPORT_TEXT // MAX_IMPORT_ROWS - 3 * LIST_ITEMS_PER_ROW) // len(texts) - 1
    while True:
        rng = random.Random(3)  # noqa: S311

        def word(size: int, rng: random.Random = rng) -> str:
            return "😀" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=size - 1))

        rows = [
            {
                **{k: word(width) for k in texts},
                **{k: [word(3) for _ in range(per_list)] for k in lists},
            }
            for _ in range(MAX_IMPORT_ROWS)
        ]
        data = json.dumps(rows, ensure_ascii=False).encode()
        if len(data) <= MAX_IMPORT_FILE_BYTES:
            break
        width -= 1
    path.write_bytes(data)


def files(workdir: Path) -> list[tuple[str, Path, str]]:
    made = []

    def add(label: str, name: str, data: bytes | None = None, kind: str = "import") -> Path:
        path = workdir / name
        if data is not None:
            path.write_bytes(data)
        made.append((label, path, kind))
        return path

    add("bomb, 1 MB (one row of ~33 million cells)", "bomb-1mb.xlsx", bombs.wide_bomb(512 * MB))
    add("bomb, 2 MB (one row of ~67 million cells)", "bomb-2mb.xlsx", bombs.wide_bomb(1024 * MB))
    add("bomb declaring 1 KB for 1 GB", "lying.xlsx", bombs.lying_size(1024 * MB, 1024))
    add("millions of short rows (140 MB of XML)", "tall.xlsx", bombs.tall_bomb(140 * MB))
    add("Word document bomb, 2 MB", "bomb.docx", bombs.docx_bomb(650 * MB), kind="docx")
    largest_valid(add("100,000 valid rows (written)", "valid.xlsx"))
    largest_text(add("100,000 rows of emoji texts at the text bound", "text.xlsx"))
    largest_json(add("JSON: 100,000 rows of emoji texts at the text bound", "large.json"))
    # Issue 27: files that python-calamine would hold in gigabytes (ctip.core.calamine_reader
    # streams them), and the largest texts with cell references (which calamine may read).
    add("calamine: two cells, A1 and GR1048576", "corners.xlsx", placed_sheet(corners()))
    add(
        "calamine: 1.5 million cells using one 2,000-character shared string",
        "shared.xlsx",
        placed_sheet(shared_cells(), ["x" * 2_000]),
    )
    add("calamine: 1 million rows with references", "tall-placed.xlsx", placed_sheet(tall_placed()))
    largest_text_placed(
        add("100,000 rows of emoji texts at the text bound, with references", "text-placed.xlsx")
    )
    return made


def placed_sheet(rows: bytes, strings: list[str] | None = None) -> bytes:
    """A workbook whose cells carry their references (as Excel and openpyxl write them)."""
    sheet = bombs.deflated("xl/worksheets/sheet1.xml", bombs.SHEET_HEAD + rows + bombs.SHEET_TAIL)
    if strings is None:
        return bombs.workbook(sheet)
    items = b"".join(b"<si><t>" + text.encode() + b"</t></si>" for text in strings)
    table = bombs.deflated("xl/sharedStrings.xml", b"<sst " + bombs.NS + b">" + items + b"</sst>")
    return bombs.workbook(sheet, table)


def corners() -> bytes:
    return (
        b'<row r="1"><c r="A1"><v>1</v></c></row>'
        b'<row r="1048576"><c r="GR1048576"><v>2</v></c></row>'
    )


def shared_cells() -> bytes:
    letters = [chr(65 + n) for n in range(15)]
    return b"".join(
        f'<row r="{n}">'.encode()
        + b"".join(f'<c r="{c}{n}" t="s"><v>0</v></c>'.encode() for c in letters)
        + b"</row>"
        for n in range(1, 100_002)
    )


def tall_placed() -> bytes:
    return b"".join(
        f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>'.encode() for n in range(1, 1_000_001)
    )


def largest_text_placed(path: Path) -> None:
    """As largest_text, with every cell's reference: the survey decides which reader takes it."""
    from ctip.core.bounds import MAX_IMPORT_ROWS, MAX_IMPORT_TEXT

    columns = len(_headers())
    width = MAX_IMPORT_TEXT // (MAX_IMPORT_ROWS * columns) - 1
    rng = random.Random(2)  # noqa: S311
    letters = "abcdefghijklmnopqrstuvwxyzăâđêôơư"
    rows = [_headers()]
    for _ in range(MAX_IMPORT_ROWS):
        rows.append(["😀" + "".join(rng.choices(letters, k=width - 1)) for _ in range(columns)])
    body = b"".join(
        f'<row r="{n}">'.encode()
        + b"".join(
            f'<c r="{chr(65 + c)}{n}" t="inlineStr"><is><t>{value}</t></is></c>'.encode()
            for c, value in enumerate(row)
        )
        + b"</row>"
        for n, row in enumerate(rows, start=1)
    )
    path.write_bytes(placed_sheet(body))


# --- the run ------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-before", action="store_true")
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    only = {name for name in options.only.split(",") if name}
    workdir = options.workdir or Path(tempfile.mkdtemp(prefix="ctip-zipbomb-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = fresh_database("sqlite", workdir)
    env = ctip_env(db, workdir)
    log = workdir / "log.txt"
    print(f"workdir {workdir}; machine speed {python_reference_ms()} ms", file=sys.stderr)
    run_timed(ctip("migrate", "--verbosity", "0"), env, log)
    run_timed(ctip("load_reference"), env, log)
    os.environ.update(env)
    import django

    django.setup()
    print(
        "| file | size | inflated (declared) | command line | web upload (sealing) "
        "| web import job (worker) | outcome |"
    )
    print("|---|---|---|---|---|---|---|")
    for label, path, kind in files(workdir):
        if only and path.name not in only:
            continue
        size = f"{path.stat().st_size / MB:.2f} MB"
        if kind == "docx":
            found = measure([PYTHON, "-c", DOCX, str(path)], env)
            cells = ["—", _peak(found) + " (upload check)", "—", _first(found["out"])]
            print(f"| {label} | {size} | {_inflated(path)} | " + " | ".join(cells) + " |")
            continue
        cli = measure(ctip("import", "activities", str(path)), env)
        upload = measure([PYTHON, "-c", UPLOAD, str(path)], env)
        job = measure([PYTHON, "-c", JOB, _first(upload["out"])], env)
        cells = [_peak(cli), _peak(upload), _peak(job), _job(job["out"])]
        print(f"| {label} | {size} | {_inflated(path)} | " + " | ".join(cells) + " |")
    if not options.skip_before and not only:
        bomb = workdir / "bomb-1mb.xlsx"
        before = measure([PYTHON, "-c", BEFORE, str(bomb)], env, limit=3 << 30, timeout=120)
        if before["code"] == "timeout":
            outcome = "still reading after 120 s"
        else:
            outcome = "read" if before["code"] == 0 else "stopped at the 3 GB limit"
        print(
            f"| before: openpyxl's read-only pass over the 1 MB bomb | "
            f"{bomb.stat().st_size / MB:.2f} MB | {_inflated(bomb)} | {_peak(before)} | — | — | "
            f"{outcome} |"
        )


def _peak(result: dict[str, Any]) -> str:
    source = " (rusage)" if result.get("source") == "rusage" else ""
    return f"{result['peak_mb']:,.0f} MB{source}, {result['seconds']:.1f} s"


def _inflated(path: Path) -> str:
    import zipfile

    if path.suffix == ".json":
        return "—"
    total = 0
    for info in zipfile.ZipFile(path).infolist():  # what the archive declares, for the table
        total += info.file_size
    return f"{total / MB:,.0f} MB"


def _first(out: str) -> str:
    lines = [line for line in out.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""


def _job(out: str) -> str:
    try:
        found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return _first(out)
    message = f": {found['errors'][0][:120]}" if found["errors"] else ""
    written = f", {found['written']:,} written" if found["written"] else ""
    return f"{found['status']}{written}{message}"


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)
