"""Directive documents of the user's scope (ctip.directives.selectors): their register entry
(number, date, issuer, subject), never the attached file."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics
from rest_framework.request import Request
from rest_framework.response import Response

from ctip.api.permissions import api_requires
from ctip.api.serializers import DocumentQuery, DocumentSerializer
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.directives.models import Document
from ctip.directives.selectors import documents_search, documents_visible


@api_requires(P.VIEW_DIRECTIVES)
class DocumentListView(generics.ListAPIView):
    serializer_class = DocumentSerializer

    def get_queryset(self) -> QuerySet[Document]:
        query = DocumentQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data: dict[str, Any] = query.validated_data
        return documents_search(
            self.request.user,
            query=data.get("q", ""),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            issuer=data.get("issuer", ""),
        ).order_by("-date", "-number", "-pk")

    @extend_schema(operation_id="directives_list", parameters=[DocumentQuery])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


@api_requires(P.VIEW_DIRECTIVES)
class DocumentDetailView(generics.GenericAPIView):
    serializer_class = DocumentSerializer

    def get_queryset(self) -> QuerySet[Document]:
        return documents_visible(self.request.user)

    @extend_schema(operation_id="directives_retrieve")
    def get(self, request: Request, pk: int) -> Response:
        document = access_object(self.get_queryset(), pk)
        return Response(DocumentSerializer(document).data)
