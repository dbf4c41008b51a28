"""Test settings: ctip's own, plus a small app whose model stands for "any record made in a unit
by an agency" (victim cases, activities... arrive in later issues)."""

import tempfile
from pathlib import Path

from ctip.settings import *  # noqa: F403
from ctip.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405

# Files written by tests go to a folder of their own, emptied before each test (tests/leakcheck.py
# reads every file in it after each test).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ctip-test-media-"))
