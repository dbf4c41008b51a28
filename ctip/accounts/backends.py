from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.db.models import Q

from ctip.accounts.models import User


class UsernameOrEmailBackend(ModelBackend):
    """Log in with the username or the e-mail address (case-insensitive)."""

    def authenticate(
        self, request: Any, username: str | None = None, password: str | None = None, **kwargs: Any
    ) -> User | None:
        if not username or password is None:
            return None
        login = username.strip()
        candidates = list(User.objects.filter(Q(username__iexact=login) | Q(email__iexact=login)))
        if len(candidates) != 1:
            # Run the hasher anyway so timing does not reveal which names exist.
            User().set_password(password)
            return None
        user = candidates[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
