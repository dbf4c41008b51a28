"""`ctip rotate-key`: the spelling the documentation uses, same as `ctip rotate_key`."""

from ctip.core.management.commands.rotate_key import Command

__all__ = ["Command"]
