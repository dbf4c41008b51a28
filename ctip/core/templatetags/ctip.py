from typing import Any

from django import template

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
