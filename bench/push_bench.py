"""Push one period's figures of the benchmark's province to a national ctip (issue 27), through
ctip's own sender (`ctip.exchange.sending`) and the real HTTP path (`transport.post`: urllib to
the receiver's gunicorn), timed; then push the same period again and check nothing more arrives.

Usage (inside a ctip environment, see support.ctip_env, with CTIP_PUSH_PROVINCE, CTIP_PUSH_KEY_ID
and CTIP_PUSH_KEY set, and the receiver's CTIP_PUSH_PEERS naming that key):
    python bench/push_bench.py --period 2026-Q3 --to http://127.0.0.1:PORT/trao-doi/nhan/ \
        [--runs 5] --out result.json

Steps: the payload (every additive indicator of the province for the period, disclosure
applied) built `--runs` times (median); `push_queue` (the payload again, stored as an Outbox
row, audited) and one `outbox_attempt` (signed, posted, applied by the receiver), each timed;
then `push_queue` of the same period again (the same push id: no new row, nothing due), and the
same body posted again freshly signed, as a retry after a lost answer would be (the receiver
must answer "already_applied"). What the receiver stored is counted by bench/national.py in its
database afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--period", required=True, help="a year (2026) or a quarter (2026-Q3)")
    parser.add_argument("--to", required=True, help="the receiver's URL")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
    import django

    django.setup()
    result = measure(args.period, args.to, args.runs)
    Path(args.out).write_text(json.dumps(result, indent=1, default=str))


def measure(period_code: str, url: str, runs: int) -> dict[str, Any]:
    from ctip.exchange import payload, sending, signing, transport
    from ctip.exchange.models import Outbox

    answers = _record_answers(transport)
    period = payload.parse_period(period_code)
    province = sending.push_province(period.end)
    build_times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = payload.build(province_code=str(province.code), period=period)
        build_times.append(time.perf_counter() - started)

    started = time.perf_counter()
    row, created = sending.push_queue(period=period_code, url=url, acting_user=None)
    queue_s = time.perf_counter() - started
    started = time.perf_counter()
    row = sending.outbox_attempt(row)
    send_s = time.perf_counter() - started
    first = answers[-1] if answers else None

    # The same period again: the same figures are the same push id, so no second row and
    # nothing left to send.
    again, created_again = sending.push_queue(period=period_code, url=url, acting_user=None)
    due = len(sending.outbox_due())
    # The same body once more, freshly signed (not a replay of the first request): a retry
    # after a lost answer, which the receiver must recognise and not apply.
    body = row.body.encode()
    started = time.perf_counter()
    resent = transport.post(url, body, signing.headers(timestamp=int(time.time()), body=body))
    resend_s = time.perf_counter() - started
    figures = data["figures"]
    return {
        "province": {"code": province.code, "name": province.name},
        "period": period_code,
        "url": url,
        "figures": len(figures),
        "withheld": sum(1 for f in figures if f["disclosure"] == payload.WITHHELD),
        "body_bytes": len(body),
        "runs": runs,
        "build_s": statistics.median(build_times),
        "build_runs_s": build_times,
        "queue_s": queue_s,
        "send_s": send_s,
        "push_s": queue_s + send_s,
        "queued": created,
        "status": row.status,
        "attempts": row.attempts,
        "last_error": row.last_error,
        "first_answer": first,
        "again": {
            "created": created_again,
            "same_row": again.pk == row.pk,
            "status": again.status,
            "attempts": again.attempts,
            "due": due,
        },
        "resend_answer": _answer(resent),
        "resend_s": resend_s,
        "outbox_rows": Outbox.objects.filter(period=period_code).count(),
    }


def _record_answers(transport: Any) -> list[dict[str, Any]]:
    """Keep what the receiver answered to each post (status and its reason code): the sender
    stores only a status on the Outbox row, and the benchmark wants "applied" itself."""
    answers: list[dict[str, Any]] = []
    post = transport.post

    def recording(url: str, body: bytes, headers: dict[str, str]) -> Any:
        answer = post(url, body, headers)
        answers.append(_answer(answer))
        return answer

    transport.post = recording
    return answers


def _answer(answer: Any) -> dict[str, Any]:
    try:
        found = json.loads(answer.body or b"{}")
    except ValueError:
        found = {}
    return {"status": answer.status, "code": found.get("code"), "version": found.get("version")}


if __name__ == "__main__":
    main()
