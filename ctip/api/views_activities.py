"""Prevention activities: list, read, create, update, delete, through ctip.prevention's
selectors (what the user may see and edit) and services (the same audit rows, period locks and
rollup refresh as the screens). A body is checked by the rules of a workbook row and of the
form (import_checks.check_rows)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from ctip.api.permissions import api_requires, api_writes
from ctip.api.serializers import (
    ActivityDeleteQuery,
    ActivityQuery,
    ActivitySerializer,
    ActivityWriteSerializer,
)
from ctip.core.access import access_object
from ctip.core.permissions import P
from ctip.prevention.import_checks import check_rows
from ctip.prevention.importer import COLUMNS, Spec
from ctip.prevention.models import Activity
from ctip.prevention.selectors import (
    activities_editable,
    activities_visible,
    agencies_recordable_by,
)
from ctip.prevention.services import activity_create, activity_delete, activity_update


def _visible(request: Request) -> QuerySet[Activity]:
    return activities_visible(request.user).prefetch_related("target_groups", "partners")


def _spec(request: Request) -> tuple[Spec, str]:
    """The body as a checked activity, and the reason given for a locked period."""
    body = ActivityWriteSerializer(data=request.data)
    body.is_valid(raise_exception=True)
    data = body.validated_data
    row = {key: data.get(key) for key in COLUMNS}
    allowed = {a.pk for a in agencies_recordable_by(request.user)}
    # As the form: a locked period is refused by the service unless a reason is given.
    (spec,) = check_rows([row], allowed_agencies=allowed, locked_ok=True)
    return spec, data["reason"]


def _answer(activity: Activity, code: int = status.HTTP_200_OK) -> Response:
    fresh = Activity.objects.select_related("agency", "unit").prefetch_related(
        "target_groups", "partners"
    )
    return Response(ActivitySerializer(fresh.get(pk=activity.pk)).data, status=code)


@api_requires(P.VIEW_ACTIVITIES)
@api_writes(P.EDIT_ACTIVITIES)
class ActivityListView(generics.ListAPIView):
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[Activity]:
        query = ActivityQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        data: dict[str, Any] = query.validated_data
        qs = _visible(self.request)
        if data.get("kind"):
            qs = qs.filter(kind=data["kind"])
        if data.get("date_from"):
            qs = qs.filter(start_date__gte=data["date_from"])
        if data.get("date_to"):
            qs = qs.filter(start_date__lte=data["date_to"])
        if data.get("q"):
            qs = qs.filter(theme__icontains=data["q"]) | qs.filter(notes__icontains=data["q"])
        return qs.order_by("-start_date", "-pk")

    @extend_schema(operation_id="activities_list", parameters=[ActivityQuery])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        operation_id="activities_create",
        request=ActivityWriteSerializer,
        responses={201: ActivitySerializer},
    )
    def post(self, request: Request) -> Response:
        spec, reason = _spec(request)
        activity = activity_create(spec=spec, acting_user=request.user, reason=reason)
        return _answer(activity, status.HTTP_201_CREATED)


@api_requires(P.VIEW_ACTIVITIES)
@api_writes(P.EDIT_ACTIVITIES)
class ActivityDetailView(generics.GenericAPIView):
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[Activity]:
        return _visible(self.request)

    @extend_schema(operation_id="activities_retrieve")
    def get(self, request: Request, pk: int) -> Response:
        activity = access_object(self.get_queryset(), pk)
        return Response(ActivitySerializer(activity).data)

    @extend_schema(
        operation_id="activities_update",
        request=ActivityWriteSerializer,
        responses=ActivitySerializer,
    )
    def put(self, request: Request, pk: int) -> Response:
        activity = access_object(activities_editable(request.user), pk)
        spec, reason = _spec(request)
        activity = activity_update(
            activity=activity, spec=spec, acting_user=request.user, reason=reason
        )
        return _answer(activity)

    @extend_schema(
        operation_id="activities_destroy",
        parameters=[ActivityDeleteQuery],
        responses={204: None},
    )
    def delete(self, request: Request, pk: int) -> Response:
        activity = access_object(activities_editable(request.user), pk)
        query = ActivityDeleteQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        activity_delete(
            activity=activity, acting_user=request.user, reason=query.validated_data["reason"]
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
