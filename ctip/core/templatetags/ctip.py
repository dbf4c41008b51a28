from typing import Any

from django import template

from ctip.core.labels import label, labels

register = template.Library()


@register.filter
def get_item(mapping: dict, key: str) -> Any:
    return mapping.get(key, "")


@register.simple_tag(takes_context=True)
def page_query(context: Any, number: int) -> str:
    """ "?<the request's filters>&page=N": a pager link keeps every filter of the list."""
    params = context["request"].GET.copy()
    params["page"] = number
    return "?" + params.urlencode()


@register.filter(name="label")
def label_filter(code: Any, name: str) -> str:
    """`{{ case.platform|label:"platform" }}`: the word for a code (ctip.core.labels)."""
    return label(code, name)


@register.filter(name="labels")
def labels_filter(codes: Any, name: str) -> str:
    """`{{ activity.target_groups|labels:"target_group" }}`: several codes, joined by commas."""
    return labels(codes, name)
