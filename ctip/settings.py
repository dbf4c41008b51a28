"""Django settings for ctip. Everything that differs between machines comes from the environment."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from ctip.core.secrets import read_secret

PACKAGE_DIR = Path(__file__).resolve().parent
# An editable install (the repository) keeps var/ beside pyproject.toml; an installed package
# keeps it in the working directory (systemd's WorkingDirectory), or where CTIP_VAR_DIR says.
_REPO_DIR = PACKAGE_DIR.parent
_DEFAULT_VAR = _REPO_DIR / "var" if (_REPO_DIR / "pyproject.toml").exists() else Path.cwd() / "var"
VAR_DIR = Path(os.environ.get("CTIP_VAR_DIR", _DEFAULT_VAR))
SECRETS_FILE = VAR_DIR / "secrets.json"


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = read_secret("SECRET_KEY", SECRETS_FILE)
CTIP_ENCRYPTION_KEY = read_secret("CTIP_ENCRYPTION_KEY", SECRETS_FILE)
CTIP_BLIND_INDEX_KEY = read_secret("CTIP_BLIND_INDEX_KEY", SECRETS_FILE)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# A refused form gets ctip's page in the user's language, not Django's English one (issue 23).
CSRF_FAILURE_VIEW = "ctip.web.views.csrf_failure"

INSTALLED_APPS = [
    "ctip.core.admin_apps.CtipAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_q",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "ctip.core",
    "ctip.accounts",
    "ctip.geo",
    "ctip.agencies",
    "ctip.rules",
    "ctip.directives",
    "ctip.prevention",
    "ctip.victims",
    "ctip.enforcement",
    "ctip.cooperation",
    "ctip.reporting",
    "ctip.dashboard",
    "ctip.work",
    "ctip.ops",
    "ctip.ingest",
    "ctip.api",
    "ctip.fieldforms",
    "ctip.exchange",
]

MIDDLEWARE = [
    # Outermost, so that every response carries the policy (even the upload limit's 413 page).
    "ctip.core.csp.ContentSecurityPolicyMiddleware",
    # First: an oversized upload is refused before anything reads (and spools) its body.
    "ctip.core.uploads.UploadLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Moves a signed-in session's idle expiry on at most once a minute (SessionMiddleware saves).
    "ctip.accounts.session_touch.SessionTouchMiddleware",
    # Not LocaleMiddleware: the language is the user's choice, never the browser's (issue 23).
    "ctip.accounts.language.UserLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "ctip.accounts.middleware.TwoFactorMiddleware",
    "ctip.core.personal.PersonalDataMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ctip.core.access.DeclaredViewMiddleware",
    # A legal rule missing for a date is a message naming the rule and the date, never a 500.
    "ctip.rules.middleware.RuleMissingMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

# SQLite ignores INCLUDE columns of covering indexes (PostgreSQL uses them); nothing to fix.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

ROOT_URLCONF = "ctip.urls"
WSGI_APPLICATION = "ctip.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "ctip.accounts.backends.UsernameOrEmailBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ctip.web.menu.menu",
            ],
        },
    },
]

# Database: SQLite file by default (embedded), PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'ctip.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the job worker write to the same file: WAL lets readers go on while
    # one writes, and IMMEDIATE transactions wait for the lock instead of failing half-way.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        ),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT: PostgreSQL judges it on a statement's whole estimated cost, and a dashboard
    # page's one UNION ALL of ~45 small indexed reads crosses the threshold as data grows; a
    # review measured 775 ms of compilation for a 49 ms union (the synth load had already
    # turned it off for its rollup statements). Set CTIP_PG_OPTIONS="" to keep the server's.
    _pg_options = os.environ.get("CTIP_PG_OPTIONS", "-c jit=off")
    if _pg_options:
        DATABASES["default"].setdefault("OPTIONS", {})["options"] = _pg_options
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English complete.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# ctip's catalogs, then Vietnamese for Django's admin and other packages where their own
# catalogues have none (ctip/locale_packages, kept apart from what `make messages` regenerates).
LOCALE_PATHS = [PACKAGE_DIR / "locale", PACKAGE_DIR / "locale_packages"]
FORMAT_MODULE_PATH = ["ctip.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# "3.000", not "3000" (ids in templates use |unlocalize; {% url %} is not affected).
USE_THOUSAND_SEPARATOR = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

# Uploads: the largest accepted body (a workbook import; documents are held to 20 MB by their
# own check). Uploads stay in memory up to that size, so no upload is ever written in clear to a
# temporary file; files that can hold personal data are sealed (ctip.core.sealed).
CTIP_MAX_UPLOAD_BYTES = int(os.environ.get("CTIP_MAX_UPLOAD_MB", "50")) * 1024 * 1024
# The k of the HTCDS export's k-anonymity (issue 26; ctip.victims.htcds): 11 as in CTDC's public
# dataset; an export may ask for more, never less.
CTIP_HTCDS_K = int(os.environ.get("CTIP_HTCDS_K", "11"))
FILE_UPLOAD_MAX_MEMORY_SIZE = CTIP_MAX_UPLOAD_BYTES
FILE_UPLOAD_HANDLERS = [
    "ctip.core.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
]
FILE_UPLOAD_PERMISSIONS = 0o600

# Background jobs: django-q2 with the database as broker, so no extra service is needed.
Q_CLUSTER = {
    "name": "ctip",
    "orm": "default",
    "workers": int(os.environ.get("CTIP_WORKERS", "2")),
    "timeout": 1800,
    "retry": 3600,
    "max_attempts": 3,
    "catch_up": False,
    "sync": env_bool("CTIP_JOBS_SYNC"),
    "label": "Công việc nền",
}

# E-mail: console in development, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ctip@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# The address of the site ("https://ctip.example.gov.vn"), for links in mails sent by the
# background worker, which has no request to take it from (ctip.work.notices). Empty: the links
# are paths ("/viec-cua-toi/").
CTIP_SITE_URL = os.environ.get("CTIP_SITE_URL", "")

# Province-to-national push (issue 27, ctip.exchange; docs/adr/0017-province-push.md). Sender:
# this instance's province (GSO code), the national receiver's address, its own key id and
# HMAC key. Receiver: the provinces' keys it accepts ("id:province:secret", comma-separated) and
# the freshness window of a signed request.
CTIP_PUSH_PROVINCE = os.environ.get("CTIP_PUSH_PROVINCE", "")
CTIP_PUSH_URL = os.environ.get("CTIP_PUSH_URL", "")
CTIP_PUSH_KEY_ID = os.environ.get("CTIP_PUSH_KEY_ID", "")
CTIP_PUSH_KEY = os.environ.get("CTIP_PUSH_KEY", "")
CTIP_PUSH_PEERS = os.environ.get("CTIP_PUSH_PEERS", "")
CTIP_PUSH_WINDOW_SECONDS = int(os.environ.get("CTIP_PUSH_WINDOW_SECONDS", "300"))

# Security. Behind nginx (docs/deploy.md) HTTPS is terminated by the proxy; CTIP_HTTPS=0 turns the
# HTTPS-only settings off for a plain-HTTP setup such as the test suite.
CTIP_HTTPS = env_bool("CTIP_HTTPS", not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = CTIP_HTTPS
SESSION_COOKIE_SECURE = CTIP_HTTPS
CSRF_COOKIE_SECURE = CTIP_HTTPS
SECURE_HSTS_SECONDS = 31536000 if CTIP_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = CTIP_HTTPS
SECURE_HSTS_PRELOAD = CTIP_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Sessions end after CTIP_SESSION_MINUTES without a request (within a minute: the expiry moves on
# at most once a minute, ctip.accounts.session_touch), and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("CTIP_SESSION_MINUTES", "30")) * 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_ENGINE = "ctip.accounts.session_touch"  # database sessions stamped when saved
CTIP_SESSION_TOUCH_SECONDS = 60
# How long a process trusts that its encrypting key is listed in KeyInUse before writing the row
# again (ctip.core.key_use.encrypting): a process left on an old key ring after a rotation
# lists its key again within this time.
CTIP_KEY_RECHECK_SECONDS = int(os.environ.get("CTIP_KEY_RECHECK_SECONDS", "60"))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Lockout after repeated failed logins (django-axes): a username at one client address, never
# an address on its own (behind a proxy, or an office's NAT, one address is many users, and five
# failures with any usernames would lock them all out) nor a username on its own (anyone could
# lock anyone out).
AXES_FAILURE_LIMIT = int(os.environ.get("CTIP_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
# The client address: REMOTE_ADDR, or with CTIP_PROXY_COUNT trusted reverse proxies in front
# (nginx: 1), the address the outermost one appended to X-Forwarded-For (docs/deploy.md).
CTIP_PROXY_COUNT = int(os.environ.get("CTIP_PROXY_COUNT", "0"))
if CTIP_PROXY_COUNT < 0:
    raise ValueError("CTIP_PROXY_COUNT is the number of trusted proxies: 0 or more")
AXES_CLIENT_IP_CALLABLE = "ctip.accounts.client_address.client_address"

OTP_TOTP_ISSUER = "ctip"
DEFAULT_EXCEPTION_REPORTER_FILTER = "ctip.core.personal.SafeReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "ctip.core.personal.SafeExceptionReporter"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"redact": {"()": "ctip.core.personal.RedactExceptionFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django_q": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# The REST API (issue 26, ctip.api): hashed bearer tokens only (no session: a browser's cookie
# never authorises an API call), JSON in and out (no browsable API, whose page needs inline
# scripts), one permission class reading what each view declares, rate limits per token.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["ctip.api.auth.HashedTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["ctip.api.permissions.CtipApiPermission"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_CLASSES": [
        "ctip.api.throttles.TokenRateThrottle",
        "ctip.api.throttles.AddressRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {"token": "600/hour", "anon": "120/hour"},
    "DEFAULT_PAGINATION_CLASS": "ctip.api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "ctip.api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "UNAUTHENTICATED_TOKEN": None,
    # No OPTIONS description: the schema documents every route (and a described form would
    # read records to fill its choices).
    "DEFAULT_METADATA_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Giao diện lập trình ctip (API)",
    "DESCRIPTION": "docs/adr/0015-rest-api.md; ctip/api/README.md",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from our own static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENFORCE_NON_BLANK_FIELDS": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "ctip.api.schema.document_errors",
    ],
}
# The API's rate counts in the database (ctip.api.throttles), shared by every worker process;
# the table is made by the api app's first migration. Everything else keeps Django's default.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "api": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "ctip_api_cache"},
    # Computed dashboard panels, per worker process: their keys hold the versions of their
    # sources, read from the database on every page, so a write is seen by every worker at its
    # commit (ctip/dashboard/README.md). The timeout only bounds writes made outside any unit
    # of work (a bulk load by hand).
    "panels": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "ctip-panels",
        "TIMEOUT": 600,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
# 0 turns the panel cache off (the benchmark measures both).
CTIP_PANEL_CACHE = os.environ.get("CTIP_PANEL_CACHE", "1") != "0"
# How long a worker shows the count of a user's work in the menu without reading it again
# (ctip/web/menu.py); 0 reads it on every page.
CTIP_WORK_COUNT_SECONDS = int(os.environ.get("CTIP_WORK_COUNT_SECONDS", "60"))
