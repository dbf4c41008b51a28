"""Figures: indicators (the query language of `ctip indicators`), their catalog, and
de-identified aggregates of victim cases. Read only; every figure about persons through the
disclosure rule (ctip.api.figures)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from ctip.api import figures
from ctip.api.permissions import api_requires
from ctip.api.serializers import (
    CaseAggregateQuery,
    CatalogSerializer,
    IndicatorAnswerSerializer,
    IndicatorQuery,
)
from ctip.core.permissions import P

CASE_INDICATORS = ["victims.received", "victims.identified", "victims.being_identified"]


def _query(serializer_class: Any, request: Request) -> dict[str, Any]:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data


@api_requires(P.VIEW_DASHBOARD)
class IndicatorsView(APIView):
    @extend_schema(
        operation_id="indicators_list",
        parameters=[IndicatorQuery],
        responses=IndicatorAnswerSerializer,
        description=(
            "Figures of the indicator registry for a unit and a period, as `ctip indicators "
            "--public` gives them: whole quarters; figures about persons rounded to multiples "
            "of the threshold, or withheld (value null) below it."
        ),
    )
    def get(self, request: Request) -> Response:
        query = _query(IndicatorQuery, request)
        found = figures.answer(request.user, query, indicators=query.get("indicator") or [])
        return Response(IndicatorAnswerSerializer(found).data)


@api_requires(P.VIEW_DASHBOARD)
class CatalogView(APIView):
    @extend_schema(operation_id="indicators_catalog", responses=CatalogSerializer)
    def get(self, request: Request) -> Response:
        return Response(CatalogSerializer(figures.catalog(request.user)).data)


@api_requires(P.VIEW_AGGREGATES)
class CaseAggregatesView(APIView):
    @extend_schema(
        operation_id="cases_aggregates",
        parameters=[CaseAggregateQuery],
        responses=IndicatorAnswerSerializer,
        description=(
            "Victim cases received and identified, by one breakdown: de-identified counts "
            "through the disclosure rule; never a case."
        ),
    )
    def get(self, request: Request) -> Response:
        query = _query(CaseAggregateQuery, request)
        found = figures.answer(request.user, query, indicators=CASE_INDICATORS)
        return Response(IndicatorAnswerSerializer(found).data)
