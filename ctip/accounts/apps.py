from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ctip.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"
