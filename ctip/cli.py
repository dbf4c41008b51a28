"""The `ctip` console script: Django's management entry point with ctip's settings."""

from __future__ import annotations

import os
import sys

from ctip.core.secrets import new_encryption_key


def main() -> None:
    if sys.argv[1:2] == ["genkey"]:
        # Without loading settings, which would create var/secrets.json as a side effect.

        print(new_encryption_key())
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.settings")
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except LookupError as exc:
        # A legal rule missing for a date (ctip.rules.selectors.RuleMissing): its message
        # names the rule and the date; anything else stays a traceback.
        if not getattr(exc, "rule_missing", False):
            raise
        sys.stderr.write(f"{exc}\n")
        sys.exit(1)


if __name__ == "__main__":
    main()
