import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
application = get_wsgi_application()

# Refuse to serve when the configured keys cannot read this database's encrypted data (a lost
# or mistyped key must not lead to records written under the wrong key).
from ctip.core.keyring import verify  # noqa: E402

verify()
