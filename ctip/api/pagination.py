"""Pages of 50 (at most 200 with ?page_size=); a page number outside the list is a JSON 404."""

from __future__ import annotations

from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
