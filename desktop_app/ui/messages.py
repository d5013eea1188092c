"""Turning failures into messages a secretary can act on, and the standard message boxes."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.i18n import _
from desktop_app.services.common.errors import RuleViolation, ServiceError, ValidationError

log = logging.getLogger(__name__)


def known_failure(exc: BaseException) -> str | None:
    """A translated sentence for a failure the user can act on (refused input, a rule, a missing file…);
    None for anything else, which is a bug."""
    if isinstance(exc, RuleViolation):
        lines = [str(exc)]
        lines += [getattr(f, "message", str(f)) for f in exc.findings]
        return "\n".join(line for line in lines if line)
    from desktop_app.services.common.failures import explain_failure  # loads the data layer: only on failure

    return explain_failure(exc)


def explain(exc: BaseException) -> str:
    """A translated sentence for *exc*; unexpected errors are logged and named as such."""
    message = known_failure(exc)
    if message is not None:
        return message
    log.error("unexpected error", exc_info=exc)
    return _("An unexpected error occurred. Nothing was changed; details were written to the log file.")


def error(parent: QWidget | None, title: str, exc_or_text: BaseException | str) -> None:
    text = exc_or_text if isinstance(exc_or_text, str) else explain(exc_or_text)
    QMessageBox.warning(parent, title, text)


def show_write_error(parent: QWidget | None, title: str, exc: ServiceError,
                     set_errors: Callable[[dict[str, str]], list[str]]) -> None:
    """A refused write: each field's message goes under its field (*set_errors* returns the ones without a
    field here), those left over and any other service error in a message box."""
    if isinstance(exc, ValidationError):
        orphans = set_errors(exc.errors)
        if orphans:
            error(parent, title, "\n".join(orphans))
    else:
        error(parent, title, exc)


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = False) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    default = QMessageBox.StandardButton.Yes if default_yes else QMessageBox.StandardButton.No
    return QMessageBox.question(parent, title, text, buttons, default) == QMessageBox.StandardButton.Yes


def ask_discard(parent: QWidget | None) -> bool:
    """True when the user agrees to lose unsaved edits."""
    return confirm(parent, _("Unsaved changes"),
                   _("Your changes have not been saved. Close without saving them?"))
