from django.contrib.admin.apps import AdminConfig


class CtipAdminConfig(AdminConfig):
    default_site = "ctip.core.admin_site.CtipAdminSite"
