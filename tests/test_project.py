"""The project's own machinery: secrets, deploy check, console commands, jobs, formats, pages."""

import base64
import os
import stat
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django import forms
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation
from django_q.models import Schedule, Task
from django_q.tasks import async_task

from ctip.core.secrets import read_secret
from ctip.indicators import rollups
from ctip.ops.jobs import ensure_schedules

ROOT = Path(__file__).resolve().parent.parent


def test_secret_file_is_created_private_and_reused(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CTIP_ENCRYPTION_KEY", raising=False)
    path = tmp_path / "var" / "secrets.json"
    first = read_secret("CTIP_ENCRYPTION_KEY", path)
    assert "secrets.json" in capsys.readouterr().err
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_secret("CTIP_ENCRYPTION_KEY", path) == first
    assert len(base64.urlsafe_b64decode(first)) == 32
    monkeypatch.setenv("CTIP_ENCRYPTION_KEY", "from-env")
    assert read_secret("CTIP_ENCRYPTION_KEY", path) == "from-env"


def _ctip(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    skip = {"DJANGO_SETTINGS_MODULE", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in skip}
    return subprocess.run(
        [sys.executable, "-m", "ctip", *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_check_deploy_passes_without_warning(tmp_path):
    env = {
        "DEBUG": "0",
        "SECRET_KEY": base64.b64encode(os.urandom(48)).decode(),
        "CTIP_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "CTIP_BLIND_INDEX_KEY": base64.b64encode(os.urandom(32)).decode(),
        "ALLOWED_HOSTS": "ctip.example.org",
        "CTIP_VAR_DIR": str(tmp_path),
    }
    done = _ctip("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    assert not (tmp_path / "secrets.json").exists()


def test_check_deploy_complains_when_debug_is_on(tmp_path):
    done = _ctip(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"DEBUG": "1", "CTIP_VAR_DIR": str(tmp_path)},
    )
    assert done.returncode != 0
    assert (tmp_path / "secrets.json").exists()


def test_genkey_prints_a_usable_key():
    out = StringIO()
    call_command("genkey", stdout=out)
    key = out.getvalue().strip()
    assert Fernet(key).decrypt(Fernet(key).encrypt(b"x")) == b"x"
    other = StringIO()
    call_command("genkey", stdout=other)
    assert other.getvalue().strip() != key


@pytest.mark.django_db
def test_a_queued_job_runs_and_its_result_is_kept():
    task_id = async_task("ctip.ops.jobs.refresh_reference_data")
    task = Task.objects.get(id=task_id)
    assert task.success, task.result
    # Nothing moved today; the rollups, never built in this database, are built.
    built = sum(len(s.shapes) for s in rollups.SOURCES.values())
    assert task.result == {"units": 0, "agencies": 0, "rollups": built}


@pytest.mark.django_db
def test_daily_schedule_is_created_once():
    from ctip.ops.jobs import DAILY, HOURLY

    assert ensure_schedules() == len(DAILY) + len(HOURLY) == 4
    assert ensure_schedules() == 0
    assert Schedule.objects.get(func="ctip.work.jobs.notices_send").schedule_type == Schedule.HOURLY
    assert Schedule.objects.filter(func="ctip.ops.jobs.refresh_reference_data").count() == 1


def test_vietnamese_formats():
    with translation.override("vi"):
        field = forms.DateField()
        assert field.clean("01/07/2025") == date(2025, 7, 1)
        html = Template("{% load l10n %}{{ n|localize }} {{ d|date:'SHORT_DATE_FORMAT' }}")
        rendered = html.render(Context({"n": 1234567.5, "d": date(2023, 10, 16)}))
        assert rendered == "1.234.567,5 16/10/2023"


@pytest.mark.django_db
def test_anonymous_home_redirects_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


@pytest.mark.django_db
def test_home_shows_reference_counts(client, django_user_model):
    from ctip.geo.models import Level
    from tests.conftest import NEW, unit
    from tests.helpers import log_in, make_user

    log_in(client, make_user("lanhdao", "leader", unit=unit(51, Level.PROVINCE, NEW)))
    response = client.get("/")
    text = response.content.decode()
    assert response.status_code == 200
    assert "3.321" in text and "10.051" in text
    assert f"{date.today():%d/%m/%Y}" in text
