"""The error every reporting service raises with a message for the user (Vietnamese)."""


class ReportError(ValueError):
    pass
