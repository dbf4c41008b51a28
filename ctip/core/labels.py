"""Words for codes: what a person reads where ctip stores a code of one of its code lists.

A code list that is not a model field's choices (a field with choices has its
`get_FOO_display`) registers itself here under a name, where it is defined (ctip.victims.vocab,
ctip.prevention.target_groups...): core sits below the apps and cannot import them. Pages write
`{{ value|label:"recruitment_channel" }}` (ctip.core.templatetags.ctip), exports call `label`.
A code no list knows is given back as it is, never dropped (an old record keeps its value)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ctip.core.countries import country_name

_LISTS: dict[str, Mapping[str, Any] | Callable[[str], Any]] = {"country": country_name}


def code_list_register(name: str, labels: Mapping[str, Any] | Callable[[str], Any]) -> None:
    """Make a code list known by `name`: a mapping code -> label, or a function."""
    _LISTS[name] = labels


def label(code: Any, name: str) -> str:
    """The label of `code` in the list `name`; "" for no code."""
    if code in (None, ""):
        return ""
    labels = _LISTS[name]
    found = labels(str(code)) if callable(labels) else labels.get(str(code), code)
    return str(found)


def labels(codes: Iterable[Any] | None, name: str, sep: str = ", ") -> str:
    """Several codes (an array field) as their labels, in the order given."""
    return sep.join(label(c, name) for c in codes or ())
