"""The File and Help menus: new, open, back up, restore, about."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from desktop_app import __version__, paths
from desktop_app.i18n import _
from desktop_app.ui import ui_state
from desktop_app.ui.messages import confirm, error, info

DB_FILTER = "SQLite (*.sqlite3 *.sqlite *.db);;*"


def ask_keep_password(parent: QWidget | None, source: Path, current: Path) -> bool | None:
    """A backup made before the database had a password: keep the password on the restored data (the default),
    or restore it without one. None: the user cancelled."""
    from desktop_app.services.datafile import backups

    if not backups.restore_loses_password(source, current):
        return True
    box = QMessageBox(QMessageBox.Icon.Question, _("Restore from a backup"), _(
        "This backup was made before the database had a password. Keep the password on the restored data? "
        "Without it, anyone using this computer can open the file."), QMessageBox.StandardButton.Cancel, parent)
    keep = box.addButton(_("Keep the password"), QMessageBox.ButtonRole.AcceptRole)
    without = box.addButton(_("Restore without a password"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    if box.clickedButton() is keep:
        return True
    if box.clickedButton() is without:
        return False
    return None


class FileActions:
    def __init__(self, window: QWidget):
        self.window = window
        self.context = window.context

    def switched_to(self, path: Path) -> None:
        """The database at *path* is now open: every view starts over."""
        self.context.db_path = path if not isinstance(path, str) else Path(path)
        ui_state.put("last_db", str(path))
        self.context.set_branch(None)  # branch ids of the previous file mean nothing here
        self.context.start_over()

    def _leave_current(self) -> bool:
        view = self.window.current_view()
        if view is not None and view.has_unsaved_changes():
            from desktop_app.ui.messages import ask_discard

            return ask_discard(self.window)
        return True

    def _reopen_previous(self, previous: Path | None) -> None:
        from desktop_app.services.datafile import dbfile

        if previous is not None and dbfile.current_path() is None:
            try:
                dbfile.open_file(previous)
            except Exception:  # the previous file vanished meanwhile; the window shows no data
                self.context.message(_("No database open"))

    def new_database(self) -> None:
        from desktop_app.services.datafile import dbfile

        if not self._leave_current():
            return
        suggested = str(paths.data_dir() / "sochibo.sqlite3")
        name, _f = QFileDialog.getSaveFileName(self.window, _("New database"), suggested, DB_FILTER)
        if not name:
            return
        path = Path(name)
        if path.exists():
            error(self.window, _("New database"),
                  _("{path} already exists. Choose another name, or open it with File → Open.").format(path=path))
            return
        from desktop_app.ui.dialogs.new_organisation import NewOrganisationDialog

        previous = dbfile.current_path()
        dialog = NewOrganisationDialog(path, self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.switched_to(path)
        else:
            self._reopen_previous(previous)

    def open_database(self) -> None:
        if not self._leave_current():
            return
        start = str(self.context.db_path.parent if isinstance(self.context.db_path, Path) else paths.data_dir())
        name, _f = QFileDialog.getOpenFileName(self.window, _("Open a database file"), start, DB_FILTER)
        if name:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        from desktop_app.services.datafile import dbfile, maintenance
        from desktop_app.ui.password import open_database

        previous = dbfile.current_path()
        # a file's start-up check (a server has no folder to be read-only)
        health = dbfile.startup_check(path, deep=False) if isinstance(dbfile.locate(path), Path) else None
        if health is not None and health.status == maintenance.READ_ONLY:  # not damage: offer a writable copy
            from desktop_app.ui.dialogs.read_only_dialog import offer_copy

            copied = offer_copy(path, health.problems, self.window)
            if copied is None:
                self._reopen_previous(previous)
                return False
            self.switched_to(copied)
            return True
        try:
            opened = open_database(path, self.window)
        except Exception as exc:
            error(self.window, _("Open a database file"), exc)
            opened = False
        if not opened:
            self._reopen_previous(previous)
            return False
        self.switched_to(path)
        return True

    def connect_server(self) -> None:
        """File → Connect to a server: the committee's database on the office server."""
        from desktop_app.services.datafile import dbfile
        from desktop_app.ui.dialogs.server_dialog import ServerDialog

        if not self._leave_current():
            return
        previous = dbfile.current_location()
        dialog = ServerDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.opened is not None:
            self.switched_to(dialog.opened)
        elif isinstance(previous, Path):
            self._reopen_previous(previous)
        elif previous is not None and not dbfile.is_open():
            try:
                dbfile.open_server(previous)
            except Exception:  # the server went away meanwhile; the window shows no data
                self.context.message(_("No database open"))

    def backup(self) -> None:
        from desktop_app.services.datafile import backups, dbfile
        from desktop_app.ui.operation import Operation

        if not dbfile.is_open():
            return

        def done(info) -> None:
            self.window.update_status()
            self.context.message(_("Backup written to {path}.").format(path=info.path))

        Operation(self.window, backups.backup_now).blocking(_("Backing up…")).success(done).run()

    def restore(self) -> None:
        from desktop_app.services.datafile import backups, dbfile

        if dbfile.is_server():  # a server is never replaced: a backup goes into a new, empty database
            info(self.window, _("Restore from a backup"),
                 _("A server database is not replaced from the window. Create a new, empty database on the server "
                   "and restore the backup into it with the command line:\n\npython main.py restore --db "
                   "postgresql://user@server/new_database BACKUP.sqlite3"))
            return
        current = dbfile.current_path()
        if current is None or not self._leave_current():
            return
        name, _f = QFileDialog.getOpenFileName(self.window, _("Restore from a backup"),
                                               str(backups.configured_folder()), DB_FILTER)
        if name:
            self.restore_from(Path(name))

    def restore_from(self, source: Path, question: str | None = None) -> bool:
        """Replace the open database with the backup *source*, after asking; True when restored."""
        from desktop_app.services.datafile import backups, dbfile

        current = dbfile.current_path()
        if current is None:
            return False
        question = question or _("Replace the data in {path} with the backup {source}?\n\nThe current file is kept "
                                 "beside it under a new name, so nothing is lost.").format(path=current.name,
                                                                                          source=source.name)
        if not confirm(self.window, _("Restore from a backup"), question):
            return False
        keep = ask_keep_password(self.window, source, current)
        if keep is None:
            return False
        password = None
        while True:
            try:
                result = dbfile.restore(source, current, password=password, keep_password=keep)
                break
            except backups.PasswordNeededError:
                from desktop_app.ui.password import ask_password

                password = ask_password(source, self.window, again=password is not None)
                if password is None:
                    self._reopen_previous(current)
                    return False
            except Exception as exc:
                error(self.window, _("Restore from a backup"), exc)
                self._reopen_previous(current)
                return False
        self.switched_to(current)
        text = _("Restored from {source}.").format(source=source.name)
        if result.kept:
            text += "\n" + _("The replaced file is kept as {kept}.").format(kept=result.kept)
        info(self.window, _("Restore from a backup"), text)
        return True

    def check_health(self) -> None:
        """The integrity check of the open file, on a worker after start-up; damage is reported with the
        newest good backup offered."""
        from desktop_app.services.datafile import maintenance
        from desktop_app.ui.operation import Operation

        Operation(self.window, maintenance.check, quick=True).reading().success(self._health_checked).run()

    def _health_checked(self, report) -> None:
        from desktop_app.services.datafile import backups

        if report.healthy:
            return
        problem = "\n".join(report.problems)
        if report.trail and not report.damaged:  # changed outside the program: a backup is not the answer
            error(self.window, _("Database check"), _(
                "{problem}\n\nThe data was changed outside the program. Open Audit trail and press “Verify the "
                "trail” to see everything that was found; committee staff can repair the trail there once they "
                "know who changed what.").format(problem=problem))
            return
        try:
            latest = backups.latest_good_backup()
        except Exception:  # no folder reachable: just report the damage
            latest = None
        if latest is None:
            error(self.window, _("Database check"), _("{problem}\n\nNo good backup was found. Make a copy of the file "
                                                     "and ask for help.").format(problem=problem))
            return
        from desktop_app import i18n

        self.restore_from(latest.path, _("{problem}\n\nRestore the newest good backup, made {when}? The current file "
                                         "is kept beside it.").format(problem=problem,
                                                                      when=i18n.format_datetime(latest.when)))

    def about(self) -> None:
        QMessageBox.about(self.window, _("About Sổ Chi bộ"),
                          _("Sổ Chi bộ {version}\n\nRecords, admissions, monthly meetings and documents of a Party "
                            "branch. Works offline; your data stays on this computer.\n\nDatabase: {path}").format(
                              version=__version__, path=self.context.db_path or "—"))
