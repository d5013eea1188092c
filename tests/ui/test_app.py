"""Starting the app without a person: --exit-when-ready, --screenshots, a missing or damaged file, and the
dialogs that create a new database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from ui_helpers import seed

from desktop_app import app
from desktop_app.services.datafile import dbfile
from desktop_app.services.organisation import organisation
from desktop_app.ui.dialogs.new_organisation import NewOrganisationDialog

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ("dashboard", "branches", "members", "candidates", "sponsors", "meetings", "reports", "settings",
         "member_form", "candidate_detail", "advance_stage", "sponsor_assign")


@pytest.fixture(autouse=True)
def _crash_hook_removed():
    """app.run installs the crash dialog as sys.excepthook; later tests must not meet it."""
    yield
    from desktop_app.ui import crash

    crash.uninstall_excepthook()


@pytest.fixture
def db_file(org, db, db_location):
    """The seeded database, closed: a file's path, or a server database's address."""
    _org, branch = org
    seed(branch.id)
    dbfile.close()
    return db_location


def test_exit_when_ready(db_file, _isolated_home):
    # In a process of its own: the app runs its event loop and quits, as a person starting it would see.
    env = {**os.environ, "SOCHIBO_HOME": str(_isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    # shown: the main window is on screen (the database opens behind it); ready: the overview shows its quota
    # and pipeline figures; checked: they are worked out from the database; complete: what it computes on
    # worker threads (the reminders) is in too
    lines = r"shown in \d+ ms\nready in \d+ ms\nchecked in \d+ ms\ncomplete in \d+ ms"
    for _start in ("first", "with the figures kept at the first one's closing"):
        result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(db_file), "--exit-when-ready"],
                                capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
        assert result.returncode == 0, result.stderr[-800:]
        assert re.fullmatch(lines, result.stdout.strip()), result.stdout
    # a file keeps the overview's figures for the next start; a server, which others write to, does not
    kept = list((_isolated_home / "cache" / "overview").glob("*.json"))
    assert len(kept) == (1 if isinstance(db_file, Path) else 0)


def _run_script(code: str, home: Path) -> str:
    env = {**os.environ, "SOCHIBO_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-800:]
    return result.stdout


def test_the_window_is_on_screen_before_the_data_layer_loads(db_file, _isolated_home):
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop_app import app\n"
        "qt = QApplication([])\n"
        "window = app.create_window(None)\n"
        "window.show()\n"
        "print('STORE', sorted(m for m in sys.modules if m.startswith(('peewee', 'desktop_app.store'))))\n"
        "print('OPENING', window.stack.currentWidget() is window.opening_page, window.nav.isEnabled(),\n"
        "      [m.title() for m in window.menus], window.menuBar().isEnabled())\n"
        "from desktop_app.services.datafile import dbfile\n"
        f"dbfile.open_file(dbfile.locate({str(db_file)!r}))\n"
        f"window.attach(dbfile.locate({str(db_file)!r}))\n"
        "print('ATTACHED', window.current_key(), window.nav.isEnabled(), window.branch_combo.count() > 1,\n"
        "      'open' in window.actions_by_name, window.menuBar().isEnabled())\n"
        "dbfile.close(); dbfile.release_lock()\n"
    )
    out = _run_script(code, _isolated_home)
    assert "STORE []" in out
    # the menu titles are there (in Vietnamese: no language was chosen); their actions come with the database
    assert "OPENING True False ['&Tệp', 'Trợ &giúp'] False" in out
    assert "ATTACHED dashboard True True True True" in out


def test_the_language_of_the_database_is_the_first_guess_next_time(db_file, _isolated_home):
    # The window is built before the database (which keeps the language) opens: in the language the last
    # session ended in, so that it is not built twice.
    from desktop_app.services.common import settings

    dbfile.open_file(db_file)
    settings.set("language", "en")
    dbfile.close()
    dbfile.release_lock()
    code = (
        "from desktop_app import app, i18n\n"
        "from desktop_app.ui import ui_state\n"
        "print('BEFORE', ui_state.get_str('language') or '-')\n"
        f"assert app.run(db={str(db_file)!r}, exit_when_ready=True) == 0\n"
        "print('AFTER', ui_state.get_str('language'), i18n.current_language())\n"
        "print('NEXT', app._last_language())\n"
    )
    out = _run_script(code, _isolated_home)
    assert "BEFORE -" in out and "AFTER en en" in out and "NEXT en" in out


def test_screenshots_of_every_view_and_dialog(db_file, qapp, tmp_path):
    out = tmp_path / "shots"
    assert app.run(db=str(db_file), lang="vi", screenshots=str(out)) == 0
    for name in SHOTS:
        png = out / f"{name}.png"
        assert png.is_file() and png.read_bytes()[:4] == b"\x89PNG", name


def test_missing_database_fails_headless_with_a_message(qapp, tmp_path, capsys):
    assert app.run(db=str(tmp_path / "none.sqlite3"), lang="en", exit_when_ready=True) == 1
    assert "none.sqlite3" in capsys.readouterr().err


def test_foreign_file_is_refused_headless(qapp, tmp_path, capsys):
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database at all, just text" * 10)
    assert app.run(db=str(bad), lang="en", exit_when_ready=True) == 1
    assert capsys.readouterr().err.strip()
    assert bad.read_text().startswith("not a database")  # untouched


def test_process_age_is_positive():
    assert app.process_age_ms() > 0


def test_new_organisation_creates_the_database(qtbot, tmp_path):
    target = tmp_path / "new.sqlite3"
    dialog = NewOrganisationDialog(target)
    qtbot.addWidget(dialog)
    assert not dialog.save_button().isEnabled()
    dialog.form.fields["name"].widget.setText("Chi bộ Trường Tiểu học Nà Sáy")
    dialog.form.fields["branch_code"].widget.setText("CB01")
    assert not dialog.save_button().isEnabled()  # a branch code without a name
    dialog.form.fields["branch_name"].widget.setText("Chi bộ Trường Tiểu học Nà Sáy")
    dialog.accept()
    assert dialog.created and target.is_file()
    assert organisation.get_organisation().name == "Chi bộ Trường Tiểu học Nà Sáy"
    dbfile.close()
    dbfile.release_lock()


def test_cancelled_new_organisation_leaves_no_file(qtbot, tmp_path):
    target = tmp_path / "cancelled.sqlite3"
    dialog = NewOrganisationDialog(target)
    qtbot.addWidget(dialog)
    dialog.reject()
    assert not target.exists()


def test_language_switch_rebuilds_the_window_in_the_new_language(org, db, qtbot, qapp):
    from desktop_app import i18n

    try:
        holder = app.WindowHolder(Path(db.database))
        qtbot.addWidget(holder.window)
        holder.window.show_view("members")
        holder.window.context.set_branch(org[1].id)
        old = holder.window
        holder.window.context.hub.language_change_requested.emit("en")
        new = holder.window
        qtbot.addWidget(new)
        assert new is not old and i18n.current_language() == "en"
        assert new.current_key() == "members" and new.context.branch_id == org[1].id
        assert new.nav.item(0).text() == "Overview"
        assert new.views["members"].title() == "Members"
    finally:
        app.apply_language("vi")


def test_window_geometry_and_view_are_remembered(org, db, qtbot):
    first = app.create_window(Path(db.database))
    qtbot.addWidget(first)
    first.resize(700, 500)  # within the offscreen screen, which restoreGeometry clamps to
    first.show_view("sponsors")
    first.save_state()
    second = app.create_window(Path(db.database))
    qtbot.addWidget(second)
    assert second.current_key() == "sponsors"
    assert second.size().toTuple() == (700, 500)


def test_heavy_modules_are_not_imported_at_start_up(db_file, _isolated_home):
    # design.md §6: reportlab, openpyxl, QtPdf and QtPrintSupport cost more to import than Qt itself.
    code = (
        "import sys\n"
        "from desktop_app import app\n"
        f"assert app.run(db={str(db_file)!r}, lang='vi', exit_when_ready=True) == 0\n"
        "heavy = ('reportlab', 'openpyxl', 'PySide6.QtPdf', 'PySide6.QtPrintSupport')\n"
        "print('HEAVY', sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    env = {**os.environ, "SOCHIBO_HOME": str(_isolated_home), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr[-800:]
    assert "HEAVY []" in result.stdout


def test_welcome_opens_the_demo_data_built_off_the_gui_thread(qtbot, qapp, monkeypatch, tmp_path):
    from desktop_app.services.people import people
    from desktop_app.ui.dialogs import welcome

    target = tmp_path / "demo.sqlite3"
    monkeypatch.setattr(welcome, "demo_path", lambda: target)
    dialog = welcome.WelcomeDialog(tmp_path / "new.sqlite3")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=120000):
        dialog.demo_button.click()
    assert dialog.opened_path == target and dbfile.current_path() == target
    assert len(people.list_people()) > 10
    dbfile.close()
    dbfile.release_lock()


def test_first_start_asks_over_the_main_window(qapp, tmp_path, monkeypatch):
    # No database yet: the main window is on screen and the welcome dialog asks over it (the window no
    # longer says it is opening anything). Closing the dialog closes the app.
    from PySide6.QtCore import QTimer

    from desktop_app.ui.dialogs.welcome import WelcomeDialog

    seen = {}

    def answer():
        dialog = qapp.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):  # not asked yet: look again shortly
            QTimer.singleShot(50, answer)
            return
        window = dialog.parent()
        seen["window"] = type(window).__name__ if window is not None else None
        seen["visible"] = window is not None and window.isVisible()
        seen["text"] = window.opening_page.text() if window is not None else None
        dialog.reject()

    QTimer.singleShot(50, answer)
    try:
        assert app.run(db=str(tmp_path / "none.sqlite3"), lang="vi") == 1
    finally:
        for widget in qapp.topLevelWidgets():
            widget.close()
            widget.deleteLater()
    assert seen == {"window": "MainWindow", "visible": True, "text": ""}


def test_the_app_has_its_icon(qapp):
    """Every window of the app carries the icon of resources/icons (the frozen Windows program has the .ico)."""
    made = app._make_app()
    icon = made.windowIcon()
    assert not icon.isNull()
    assert icon.pixmap(32, 32).toImage().pixelColor(16, 20).red() > 150  # the red cover, not a blank icon
