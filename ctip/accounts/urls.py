"""User management at /nguoi-dung/ (ctip.accounts.views_users)."""

from django.urls import path

from ctip.accounts import views_users as users

urlpatterns = [
    path("", users.user_list, name="user_list"),
    path("them/", users.user_create_view, name="user_create"),
    path("<int:pk>/", users.user_detail, name="user_detail"),
    path("<int:pk>/sua/", users.user_edit, name="user_edit"),
    path("<int:pk>/trang-thai/", users.user_active, name="user_active"),
    path("<int:pk>/mat-khau/", users.user_password, name="user_password"),
    path("<int:pk>/xac-thuc/", users.user_two_factor, name="user_two_factor"),
    path("<int:pk>/vai-tro/them/", users.assignment_add, name="assignment_add"),
    path("vai-tro/<int:pk>/sua/", users.assignment_edit, name="assignment_edit"),
    path("vai-tro/<int:pk>/thu-hoi/", users.assignment_revoke_view, name="assignment_revoke"),
]
