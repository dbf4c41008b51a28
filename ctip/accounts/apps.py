from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ctip.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"

    def ready(self) -> None:
        # The kernel defines what it needs to know of acting users; this app provides it.
        from ctip.accounts.scope import AccountActors
        from ctip.core.access import provide_actors

        provide_actors(AccountActors())
