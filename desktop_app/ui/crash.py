"""The last line of defence: any exception nobody caught becomes a calm dialog instead of a vanished
window. Problems of the computer (disk full, read-only folder, file in use, damaged database) are
explained as such; anything else is a bug: the user is told nothing was lost that was saved, can copy
the details for whoever supports them, and the details go to the log file."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app import logsetup
from desktop_app.i18n import _
from desktop_app.services.common.environment import explain_environment_error

log = logging.getLogger(__name__)


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("so-chi-bo")
    except Exception:  # a source tree that was never installed, or the frozen build (no package metadata)
        from desktop_app import __version__

        return __version__


class CrashDialog(QDialog):
    """"Something went wrong" with the details folded away and a button to copy them."""

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(_("Unexpected error"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        message = QLabel(_("Sổ Chi bộ met an unexpected error. Work you saved is safe in the database; the last "
                           "change you were making may not have been saved.\n\nThe details were written to the "
                           "log file {path}. If this happens again, copy the details and send them to whoever "
                           "supports you.").format(path=logsetup.log_file()), self)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(message)
        self.details = QPlainTextEdit(details, self)
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMinimumHeight(220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.show_button = QPushButton(_("Show details"), self)
        self.show_button.setCheckable(True)
        self.show_button.toggled.connect(self._toggle)
        self.copy_button = QPushButton(_("Copy details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    def _toggle(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.show_button.setText(_("Hide details") if shown else _("Show details"))
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


def describe(exc_type, exc: BaseException, tb: TracebackType | None) -> str:
    """The details a supporter needs: versions, platform and the traceback."""
    import platform

    from desktop_app import APP_NAME

    head = [f"{APP_NAME} {_version()}".strip(), f"Python {sys.version.split()[0]} on {platform.platform()}"]
    try:
        import PySide6

        head.append(f"PySide6 {PySide6.__version__}")
    except Exception:  # pragma: no cover - always there in the app
        pass
    return "\n".join(head) + "\n\n" + "".join(traceback.format_exception(exc_type, exc, tb))


class _Relay(QObject):
    """Carries exceptions of worker threads to the GUI thread, where dialogs may be shown."""

    raised = Signal(object, object, object)


class ExceptionHook:
    """Installed as ``sys.excepthook`` and ``threading.excepthook``; shows one dialog at a time."""

    def __init__(self, app: QApplication):
        self.app = app
        self.showing = False
        self.relay = _Relay()
        self.relay.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.previous = sys.excepthook
        self.previous_thread = threading.excepthook

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self.previous(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        if threading.current_thread() is threading.main_thread():
            self._show(exc_type, exc, tb)
        else:
            self.relay.raised.emit(exc_type, exc, tb)

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, exc_type, exc, tb) -> None:
        if self.showing:  # an error while the dialog is up: logged above, not stacked
            return
        self.showing = True
        try:
            parent = self.app.activeWindow()
            message = explain_environment_error(exc) if exc is not None else None
            if message is not None:
                QMessageBox.warning(parent, _("Cannot continue"), message)
            else:
                CrashDialog(describe(exc_type, exc, tb), parent).exec()
        except Exception:  # never let the hook itself take the app down
            log.exception("the error dialog failed")
        finally:
            self.showing = False


_installed: ExceptionHook | None = None


def install_excepthook(app: QApplication) -> ExceptionHook:
    """Route uncaught exceptions (GUI thread and worker threads) to the log and a friendly dialog."""
    global _installed
    logsetup.configure()
    hook = ExceptionHook(app)
    sys.excepthook = hook
    threading.excepthook = hook.thread_hook
    _installed = hook
    return hook


def uninstall_excepthook() -> None:
    global _installed
    if _installed is not None:
        sys.excepthook = _installed.previous
        threading.excepthook = _installed.previous_thread
        _installed = None


def install() -> ExceptionHook:
    """install_excepthook() for the running QApplication (the app's start-up calls this)."""
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    return install_excepthook(app)
