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
# A second database for tests that run two ctip instances in one process (a province and the
# national ctip, tests/test_exchange_push.py); only tests that ask for it create it. Its tables
# come from the models, not the migrations: data migrations read the default alias.
_OTHER = {**DATABASES["default"], "NAME": f"{DATABASES['default']['NAME']}_other"}  # noqa: F405
DATABASES = {**DATABASES, "other": {**_OTHER, "TEST": {"MIGRATE": False}}}  # noqa: F405
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405

# Files written by tests go to a folder of their own, emptied before each test (tests/leakcheck.py
# reads every file in it after each test).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ctip-test-media-"))
# The dashboards' panel cache (issue 27) lives in each process's memory while every test's
# database rolls back, so versions repeat across tests: off, except in the tests that clear it
# and turn it on (tests/test_dashboard_cache.py, tests/test_dashboard_queries.py).
CTIP_PANEL_CACHE = False
# The menu's count of work, kept a minute per worker in production, is read on every page here:
# tests count a page's queries, which must not depend on what an earlier request left in the
# cache (tests/test_dashboard_queries.py turns it on to test it).
CTIP_WORK_COUNT_SECONDS = 0
# A session is saved again only after this long (ctip.accounts.session_touch): a day here, so
# that a test comparing two pages' queries never sees a save because a minute went by between
# them on a slow machine. tests/test_login.py sets the real 60 s.
CTIP_SESSION_TOUCH_SECONDS = 24 * 3600
# Likewise for the keys in use (ctip.core.keyring): a write page's queries never include a
# re-listing of the key because a minute went by; tests/test_keys_in_use.py sets it to 0.
CTIP_KEY_RECHECK_SECONDS = 24 * 3600
