"""Django's makemessages, also extracting `_l(...)`: ctip's alias for gettext_lazy next to `_`
(gettext) in the same module. xgettext knows only the standard names, and strings marked `_l`
were silently left out of the catalogs."""

from django.core.management.commands.makemessages import Command as MakeMessages


class Command(MakeMessages):
    xgettext_options = [*MakeMessages.xgettext_options, "--keyword=_l"]
