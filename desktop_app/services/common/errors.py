"""Exceptions the services raise for the layers above to show to the user."""

from __future__ import annotations


class ServiceError(Exception):
    """A failure the user can act on; ``str()`` is a translated message."""


class ValidationError(ServiceError):
    """Input refused; nothing was written. ``errors`` maps each field to a translated message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(self.errors.values()))


class Cancelled(Exception):
    """The user stopped a long piece of work before it ended; what it was writing was rolled back or removed.
    Raised by the progress callback the work calls, so it unwinds through the work's own transaction."""


class NotFoundError(ServiceError):
    pass


class RuleViolation(ServiceError):
    """A step the Party rules block; ``findings`` lists why (core.rules findings)."""

    def __init__(self, message: str, findings=()):
        super().__init__(message)
        self.findings = list(findings)


class StaleRecordError(ServiceError):
    """Someone else saved the record after it was read for this change; nothing was written. ``who`` and
    ``when`` name their save (from the audit trail; empty when it does not say)."""

    def __init__(self, message: str, who: str = "", when=None):
        super().__init__(message)
        self.who = who
        self.when = when
