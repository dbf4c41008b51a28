"""The REST API (issue 26): routes under /api/v1/, and the HTML pages that issue its tokens."""

from django.urls import path

from ctip.api import views_activities as activities
from ctip.api import views_data as data
from ctip.api import views_directives as directives
from ctip.api import views_docs as docs
from ctip.api import views_tokens as tokens

app_name = "api"
urlpatterns = [
    path("indicators/", data.IndicatorsView.as_view(), name="indicators"),
    path("indicators/catalog/", data.CatalogView.as_view(), name="indicator_catalog"),
    path("cases/aggregates/", data.CaseAggregatesView.as_view(), name="case_aggregates"),
    path("activities/", activities.ActivityListView.as_view(), name="activities"),
    path("activities/<int:pk>/", activities.ActivityDetailView.as_view(), name="activity"),
    path("directives/", directives.DocumentListView.as_view(), name="directives"),
    path("directives/<int:pk>/", directives.DocumentDetailView.as_view(), name="directive"),
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
    # HTML pages (session, second factor): issuing and revoking tokens.
    path("ma-truy-cap/", tokens.token_list, name="token_list"),
    path("ma-truy-cap/<int:pk>/thu-hoi/", tokens.token_revoke_view, name="token_revoke"),
    path("nguoi-dung/<int:pk>/ma-truy-cap/", tokens.machine_tokens, name="machine_tokens"),
    path("he-thong-ket-noi/moi/", tokens.machine_client_new, name="machine_client_new"),
]
