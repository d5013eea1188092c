"""Qt bootstrap of the desktop app: QApplication, language, the database, the main window.

Heavy modules (reportlab, openpyxl, QtPdf, QtPrintSupport) are imported only where they are used,
never here, so the window appears quickly.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app import APP_NAME, i18n, paths
from desktop_app.i18n import _

log = logging.getLogger(__name__)
_IMPORTED_AT = time.perf_counter()
BASE_POINT_SIZE = 12


def process_age_ms() -> float:
    """Milliseconds since the operating system started this process (falls back to this module's import)."""
    try:
        if sys.platform.startswith("linux"):
            import os

            with open("/proc/self/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            start_ticks = int(fields[19])  # field 22 of stat(5), counted after the command name
            with open("/proc/uptime") as fh:
                uptime = float(fh.read().split()[0])
            return max(0.0, (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000)
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            creation, exit_, kernel, user = (wintypes.FILETIME() for _i in range(4))
            handle = ctypes.windll.kernel32.GetCurrentProcess()
            ctypes.windll.kernel32.GetProcessTimes(handle, ctypes.byref(creation), ctypes.byref(exit_),
                                                   ctypes.byref(kernel), ctypes.byref(user))
            now = wintypes.FILETIME()
            ctypes.windll.kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

            def ticks(ft) -> int:
                return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

            return (ticks(now) - ticks(creation)) / 10_000
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return (time.perf_counter() - _IMPORTED_AT) * 1000


# ---- language and look -------------------------------------------------------------------------


def apply_language(lang: str) -> str:
    """Switch gettext and Qt's locale (number and date widgets) to *lang*."""
    try:
        from desktop_app.ui.qt_translator import switch_language
    except ImportError:  # without it Qt's own buttons stay in English
        lang = i18n.set_language(lang)
        QLocale.setDefault(QLocale("vi_VN" if lang == "vi" else "en_GB"))
        return lang
    return switch_language(lang, QApplication.instance())


def _last_language() -> str:
    """The language the window had at the end of the last session (the database's setting, which is only
    known once it is open): the window is built in it before the database opens."""
    from desktop_app.ui import ui_state

    value = ui_state.get_str("language")
    return value if value in i18n.LANGUAGES else ""


def _remember_language(lang: str) -> None:
    from desktop_app.ui import ui_state

    ui_state.put("language", lang)


def _stored_language() -> str:
    from desktop_app.services.common import settings

    try:
        value = settings.get(settings.LANGUAGE)
    except Exception:  # an unreadable settings row must not stop the app
        return ""
    return value if value in i18n.LANGUAGES else ""


def _apply_style(app: QApplication) -> None:
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    qss = paths.resources_dir() / "style.qss"
    if qss.is_file():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))


# ---- opening the database ------------------------------------------------------------------------


def _default_path() -> Path:
    from desktop_app.ui import ui_state

    last = ui_state.get_str("last_db")
    if last and _is_address(last):
        return last  # a server is tried again (it may only be unreachable for a moment); parsed when opened
    if last and Path(last).is_file():
        return Path(last)
    return paths.default_db_path()


def _is_address(text: str) -> bool:
    """A server's address rather than a file (read without loading the data layer, before the window shows)."""
    return text.strip().lower().startswith(("postgresql://", "postgres://"))


def _warn(text: str, parent=None) -> None:
    QMessageBox.warning(parent, "Sổ Chi bộ", text)


def _open_with_password(path: Path, interactive: bool, parent=None) -> bool:
    from desktop_app.services.common.errors import ServiceError
    from desktop_app.ui.password import open_database

    if not interactive:
        print(_("{path} is protected by a password; set SOCHIBO_PASSWORD.").format(path=path), file=sys.stderr)
        return False
    try:
        return open_database(path, parent)
    except ServiceError as exc:
        _warn(str(exc), parent)
        return False


def _offer_backup(path: Path, health, parent=None) -> bool:
    """The file is damaged: the damage dialog offers the newest good backup or another one. True when one
    was restored (the database is then open)."""
    from desktop_app.services.datafile import dbfile
    from desktop_app.ui.dialogs.damage_dialog import offer_recovery

    try:
        dbfile.take_lock(path)
    except Exception as exc:
        from desktop_app.ui.messages import explain

        _warn(explain(exc), parent)
        return False
    if not offer_recovery(health, parent):
        return False
    dbfile.load_calendar()
    return dbfile.is_open()


def _open_server(address, interactive: bool, parent=None):
    """Connect to the server database at *address*; the window asks for the password (or a corrected address)
    when needed. The address opened, or None."""
    from desktop_app.services.datafile import dbfile
    from desktop_app.ui.messages import explain

    try:
        dbfile.open_server(address)
        return address
    except Exception as exc:  # every failure is explained; the window offers to try again
        if not interactive:
            print(explain(exc), file=sys.stderr)
            return None
        message = "" if isinstance(exc, dbfile.ServerPasswordError) and not dbfile.server_password_known(address) \
            else explain(exc)
    from desktop_app.ui.dialogs.server_dialog import ServerDialog

    if parent is not None:
        parent.set_opening_text("")
    dialog = ServerDialog(parent, address, message)
    return dialog.opened if dialog.exec() == QDialog.DialogCode.Accepted else None


def _withdraw_kept_overview(window) -> None:
    """The file will not simply open: the overview kept from its last closing leaves the screen."""
    if window is not None:
        window.stack.setCurrentWidget(window.opening_page)


def open_or_welcome(path, *, interactive: bool = True, window=None):
    """Check and open *path* (a file, or a server's address); when it does not exist or cannot be opened, let
    the user choose another way in (the welcome dialog, over *window* when the main window is already on
    screen). None: nothing is open."""
    from desktop_app.services.datafile import dbfile, maintenance
    from desktop_app.ui.messages import explain

    if isinstance(path, str):
        try:
            path = dbfile.locate(path)
        except dbfile.BadAddressError as exc:
            if not interactive:
                print(explain(exc), file=sys.stderr)
                return None
            _warn(explain(exc), window)
            path = paths.default_db_path()
    if isinstance(path, dbfile.ServerAddress):
        opened = _open_server(path, interactive, window)
        if opened is not None or not interactive:
            return opened
        path = paths.default_db_path()
    health = dbfile.startup_check(path, deep=False)  # the integrity scan follows on a worker
    opened = False
    if health.status != maintenance.OK:
        _withdraw_kept_overview(window)
    if health.status == maintenance.OK:
        try:
            dbfile.open_file(path)
            opened = True
        except dbfile.EncryptedDatabaseError:
            _withdraw_kept_overview(window)
            opened = _open_with_password(path, interactive, window)
        except Exception as exc:  # in use by another program, unreadable…
            _withdraw_kept_overview(window)
            if not interactive:
                print(explain(exc), file=sys.stderr)
                return None
            _warn(explain(exc), window)
    elif health.status == maintenance.PASSWORD:
        opened = _open_with_password(path, interactive, window)
    elif health.status == maintenance.NEW:
        if not interactive:
            print(_("Database not found: {path}").format(path=path), file=sys.stderr)
            return None
    elif not interactive:
        print("\n".join(health.problems), file=sys.stderr)
        return None
    elif health.status in (maintenance.DAMAGED, maintenance.NOT_DATABASE):
        opened = _offer_backup(path, health, window)
    elif health.status == maintenance.READ_ONLY:  # not damage: a copy somewhere writable is the way on
        from desktop_app.ui.dialogs.read_only_dialog import offer_copy

        copied = offer_copy(path, health.problems, window)
        if copied is not None:
            return copied
    else:
        _warn("\n".join(health.problems), window)
    if opened:
        return path
    if not interactive:
        return None
    from desktop_app.ui.dialogs.welcome import WelcomeDialog

    target = path if health.status == maintenance.NEW else paths.default_db_path()
    if target.exists():
        target = target.with_name(target.stem + "-new.sqlite3")
    if window is not None:  # nothing is being opened any more: the welcome dialog asks what to open
        window.set_opening_text("")
    dialog = WelcomeDialog(target, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.opened_path


def _install_crash_hook() -> None:
    """Uncaught exceptions become the crash dialog (desktop_app.ui.crash) instead of a vanished window."""
    try:
        from desktop_app.ui import crash
    except ImportError:
        return
    install = getattr(crash, "install", None)
    if install is not None:
        install()


# ---- the entry point -----------------------------------------------------------------------------


def _kept_overview(path: Path) -> dict | None:
    """The overview's figures kept when *path* was last closed, when nothing has changed the file since and
    the overview is the view the window opens on (ui.overview_snapshot)."""
    from desktop_app.core import clock
    from desktop_app.ui import overview_snapshot, ui_state

    if not isinstance(path, Path) or ui_state.get_str("main/view", "dashboard") != "dashboard":
        return None  # a server database keeps no snapshot: others write to it while this PC is closed
    try:
        return overview_snapshot.load(path, clock.today().year)
    except Exception:  # a snapshot is a shortcut: without one the overview waits for the database
        log.exception("overview snapshot of %s not read", path)
        return None


def _keep_overview() -> None:
    """Work out the overview's figures of the open database for the next start; then close it."""
    from desktop_app.services.datafile import dbfile, encryption

    figures = year = None
    path = dbfile.current_path()  # the file open now: another may have been opened since the start
    if path is not None and not encryption.is_protected(path):
        from desktop_app.core import clock
        from desktop_app.ui.views.dashboard_view import overview_figures

        try:
            today = clock.today()
            year = today.year
            figures = overview_figures(year, as_of=today)
        except Exception:
            log.exception("overview figures of %s not kept", path)
    dbfile.close()  # the write-ahead log is folded into the file: the file as the next start finds it
    if figures is not None:
        from desktop_app.ui import overview_snapshot

        try:
            overview_snapshot.save(path, year, figures)
        except OSError as exc:
            log.warning("overview snapshot of %s not written: %s", path, exc)


def _make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Sổ Chi bộ")
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "sochibo.png")))  # read when first drawn
    _apply_style(app)
    return app


def create_window(path: Path | None, *, start_view: str | None = None):
    """The main window over the open database at *path*; without one (None), the window that says it is
    opening one, until ``attach``."""
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.main_window import MainWindow

    context = AppContext(path)
    context.background = True
    window = MainWindow(context)
    window.restore_geometry()
    if path is not None:
        window.attach(path, start_view)
    return window


def run(db: str | None = None, lang: str | None = None, screenshots: str | None = None,
        exit_when_ready: bool = False) -> int:
    """The desktop app; returns the exit code. *screenshots* and *exit_when_ready* run it without a person."""
    from desktop_app.ui.pyside_compat import protect_singletons

    protect_singletons()  # before the first Qt call: see the module
    app = _make_app()
    apply_language(lang or _last_language() or i18n.system_language())
    headless = bool(screenshots) or exit_when_ready
    target = (db if _is_address(db) else Path(db)) if db else _default_path()
    holder = None
    kept = None
    if not screenshots:
        # On screen first, saying which file it opens, with the overview's figures when they were kept at the
        # last closing and nothing has changed the file since; the data layer loads behind it (on a large file
        # a migration or a password can take a while, and the user sees the app has started).
        try:
            holder = WindowHolder(None)
            kept = _kept_overview(target)
            if kept is not None:
                holder.window.view("dashboard").show_snapshot(kept)
                holder.window.show_view("dashboard")
            holder.window.show()
            app.processEvents()
        except BaseException:  # a failure to build the window still reaches the crash dialog and the log
            _install_crash_hook()
            raise
        if exit_when_ready:
            print(f"shown in {process_age_ms():.0f} ms", flush=True)
            if kept is not None:  # the overview shows its quota and pipeline figures
                print(f"ready in {process_age_ms():.0f} ms", flush=True)
    # The crash dialog and the log file: after the window, as they cost a tenth of the start-up.
    _install_crash_hook()
    path = open_or_welcome(target, interactive=not headless, window=holder.window if holder else None)
    if path is None:
        return 1
    from desktop_app.services.datafile import dbfile

    try:
        language = lang or _stored_language() or i18n.system_language()
        if not lang:
            _remember_language(language)
        if holder is None:
            apply_language(language)
            holder = WindowHolder(path)
        else:
            if language != i18n.current_language():  # the database keeps another language: rebuilt
                holder.rebuild(language)  # while still empty, so the first view is built once
            holder.window.attach(path)
        return _run_window(app, holder, screenshots=screenshots, exit_when_ready=exit_when_ready,
                           figures_shown=kept is not None)
    finally:
        try:
            _keep_overview()
        finally:
            dbfile.close()
            dbfile.release_lock()


class WindowHolder:
    """The one main window of the app; switching language rebuilds it in the new language, on the same view,
    branch filter and database (every text is then set in that language, no window keeps an old string)."""

    def __init__(self, path: Path | None):
        self.window = create_window(path)
        self.window.context.hub.language_change_requested.connect(self.rebuild)

    def rebuild(self, lang: str) -> None:
        old = self.window
        key, branch = old.current_key(), old.context.branch_id
        old.save_state()
        apply_language(lang)
        _remember_language(lang)
        window = create_window(old.context.db_path, start_view=key)
        window.context.set_branch(branch)
        if old.idle is not None:
            old.idle.stop()
            window.start_idle_lock()
        window.context.hub.language_change_requested.connect(self.rebuild)
        if old.isVisible():
            window.show()
        self.window = window
        old.hide()
        old.deleteLater()


def _run_window(app: QApplication, holder: WindowHolder, *, screenshots: str | None,
                exit_when_ready: bool, figures_shown: bool = False) -> int:
    from desktop_app.ui import ui_state
    from desktop_app.ui.auto_backup import AutoBackup, backup_on_close

    ui_state.put("last_db", str(holder.window.context.db_path))
    if screenshots:
        from desktop_app.ui.screenshots import take_all

        return take_all(holder.window, Path(screenshots))
    holder.window.show()
    if exit_when_ready:
        def ready() -> None:
            app.processEvents()
            # "ready": the overview shows its figures (printed earlier when they came from the snapshot);
            # "checked": they are the database's, worked out now
            if not figures_shown:
                print(f"ready in {process_age_ms():.0f} ms", flush=True)
            print(f"checked in {process_age_ms():.0f} ms", flush=True)
            # What the first view computes on worker threads (the overview's reminders) fills in after.
            from desktop_app.ui import worker

            worker.wait_all()
            app.processEvents()
            print(f"complete in {process_age_ms():.0f} ms", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    else:
        holder.window.files.check_health()
        holder.window.start_idle_lock()
        auto = AutoBackup(app)
        auto.made.connect(lambda _info: holder.window.update_status())
        auto.start()
    code = app.exec()
    if not exit_when_ready:
        backup_on_close()
    return int(code)
