"""The main window: navigation on the left, the current view on the right, the branch filter and the
global search on top, the database file and the last backup in the status bar.

The window can be built and shown before any database is open (it then says which file it is opening):
the app puts it on screen first and loads the data layer behind it, so nothing here imports the services
until a method needs them."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop_app import i18n
from desktop_app.core.enums import Status
from desktop_app.i18n import _
from desktop_app.ui import navigation, ui_state
from desktop_app.ui.context import BRANCHES, EVERYTHING, AppContext
from desktop_app.ui.file_actions import FileActions
from desktop_app.ui.menus import add_menus, fill_menus
from desktop_app.ui.views.base import BaseView
from desktop_app.ui.widgets.combo import compact
from desktop_app.ui.widgets.search_box import SearchBox

# Nothing here touches PySide6's Qt namespace before the window is on screen: its first use builds a
# hundred enum types at once (about 12 ms), which the views then pay behind the shown window.

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.context = context
        self.views: dict[str, BaseView] = {}
        self.lock_page = None
        self.idle = None
        self._unlocking = False
        self._locked_view = ""
        self._build()
        self.files = FileActions(self)
        # The menus come with the database: creating their actions touches the Qt namespace, whose first use
        # costs more than the rest of the window (see above), and the menu bar is disabled until then.
        self.menus = add_menus(self)
        self.actions_by_name: dict = {}
        if context.db_path is not None:
            self.actions_by_name = fill_menus(self, *self.menus)
        self._set_usable(context.db_path is not None)
        self.retranslate_ui()
        self.reload_branches()
        self.update_status()
        context.hub.open_requested.connect(self.open_record)
        context.hub.branch_changed.connect(self._sync_branch_combo)
        context.hub.data_changed.connect(self._on_data_changed)
        context.hub.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # ---- layout ---------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget(central)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(236)
        self.nav.setIconSize(QSize(0, 0))
        for number, item in enumerate(navigation.ENTRIES, start=1):
            entry = QListWidgetItem()
            entry.setSizeHint(QSize(220, 50))
            self.nav.addItem(entry)
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, activated=lambda k=item.key: self.show_view(k))
        self.nav.currentRowChanged.connect(self._on_nav_row)
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("viewStack")
        self.opening_page = QLabel(self.stack)  # shown until a database is attached
        self.opening_page.setObjectName("openingPage")
        self.opening_page.setWordWrap(True)
        self.stack.addWidget(self.opening_page)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        bar = self.addToolBar("top")
        bar.setObjectName("topBar")
        bar.setMovable(False)
        top = QWidget(bar)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(8, 4, 8, 4)
        self.view_title = QLabel(top)
        self.view_title.setObjectName("viewTitle")
        self.branch_label = QLabel(top)
        self.branch_combo = compact(QComboBox(top), 24)
        self.branch_combo.setObjectName("branchFilter")
        self.branch_combo.currentIndexChanged.connect(self._on_branch_chosen)
        self.branch_label.setBuddy(self.branch_combo)
        self.search = SearchBox(top)
        self.search.setMinimumWidth(340)
        self.search.chosen.connect(self.open_record)
        top_row.addWidget(self.view_title, 1)
        top_row.addWidget(self.branch_label)
        top_row.addWidget(self.branch_combo)
        top_row.addSpacing(12)
        top_row.addWidget(self.search)
        bar.addWidget(top)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.focus_search)

        self.db_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)

    def retranslate_ui(self) -> None:
        for row, item in enumerate(navigation.ENTRIES):
            entry = self.nav.item(row)
            entry.setText(_(item.label))
            entry.setToolTip(_("{name} (Ctrl+{n})").format(name=_(item.label), n=row + 1))
        self.branch_label.setText(_("&Branch:"))
        self.opening_page.setText(_("Opening the database…"))
        self.search.retranslate_ui()
        self._update_title()
        self.update_status()

    # ---- views ----------------------------------------------------------------------------

    def set_opening_text(self, text: str) -> None:
        """What the window says until a database is attached ("Opening the database…" at first)."""
        self.opening_page.setText(text)

    def _set_usable(self, usable: bool) -> None:
        for widget in (self.nav, self.search, self.branch_combo, self.menuBar()):
            widget.setEnabled(usable)

    def attach(self, path: Path, start_view: str | None = None) -> None:
        """The database at *path* is open now: fill the window and show *start_view* (else the view of
        the last session)."""
        self.context.db_path = path if not isinstance(path, str) else Path(path)
        if not self.actions_by_name:
            self.actions_by_name = fill_menus(self, *self.menus)
        self._set_usable(True)
        self.reload_branches()
        self.update_status()
        key = start_view or ui_state.get_str("main/view", "dashboard")
        self.show_view(key if key in navigation.KEYS else "dashboard")

    def view(self, key: str) -> BaseView:
        """The view of *key*, created on first use. Each sits in a scroll area, so a view wider than the
        screen scrolls instead of pushing the window past a 1366×768 display."""
        if key not in self.views:
            cls = navigation.view_class(key)
            holder = QScrollArea(self.stack)
            holder.setWidgetResizable(True)
            holder.setFrameShape(QFrame.Shape.NoFrame)
            view = cls(self.context, holder)
            view.setObjectName(f"view_{key}")
            holder.setWidget(view)
            self.views[key] = view
            self.stack.addWidget(holder)
        return self.views[key]

    def current_view(self) -> BaseView | None:
        holder = self.stack.currentWidget()
        widget = holder.widget() if isinstance(holder, QScrollArea) else holder
        return widget if isinstance(widget, BaseView) else None

    def current_key(self) -> str:
        view = self.current_view()
        return view.KEY if view is not None else ""

    def is_locked(self) -> bool:
        return self.lock_page is not None and self.stack.currentWidget() is self.lock_page

    def show_view(self, key: str) -> BaseView | None:
        if self.is_locked() and not self._unlocking:
            return None
        current = self.current_view()
        if current is not None and current.KEY != key and current.has_unsaved_changes():
            from desktop_app.ui.messages import ask_discard

            if not ask_discard(self):
                self._select_nav(current.KEY)
                return current
        view = self.view(key)
        self.stack.setCurrentWidget(view.parentWidget().parentWidget())
        view.refresh_if_stale()
        self._select_nav(key)
        self._update_title()
        return view

    def _select_nav(self, key: str) -> None:
        row = navigation.KEYS.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)

    def _on_nav_row(self, row: int) -> None:
        if 0 <= row < len(navigation.ENTRIES):
            self.show_view(navigation.ENTRIES[row].key)

    def _update_title(self) -> None:
        view = self.current_view()
        name = view.title() if view is not None else ""
        self.view_title.setText(name)
        self.setWindowTitle(f"{name} — Sổ Chi bộ" if name else "Sổ Chi bộ")

    def open_record(self, kind: str, record_id: int) -> None:
        """Show a record found by search or named by a reminder, in the view that owns it."""
        if kind == "person":
            from desktop_app.services.people import people

            try:
                status = people.get_person(record_id).status
            except Exception:  # deleted meanwhile
                return
            key = "candidates" if status in Status.CANDIDATES or status == Status.DROPPED else "members"
        else:
            key = {"branch": "branches", "meeting": "meetings", "meeting_branch": "meetings",
                   "sponsorship": "sponsors", "meeting_minutes": "reports",
                   "decision_resolution": "reports", "fee_book": "reports", "grading_branch": "year",
                   "badges": "year"}.get(kind, "")
        if not key:
            return
        view = self.show_view(key)
        if view is not None and view.KEY == key:
            view.open_record(kind, record_id)

    # ---- locking after a while without use --------------------------------------------------

    def lock(self) -> None:
        """Hide the data until the password is typed again (only a protected database locks)."""
        from desktop_app.services.datafile import encryption

        path = self.context.db_path
        if not isinstance(path, Path) or not encryption.is_protected(path) or self.is_locked():
            return
        from desktop_app.ui.lock_page import LockPage

        if self.lock_page is None:
            self.lock_page = LockPage(self.stack)
            self.lock_page.unlocked.connect(self._unlocked)
            self.stack.addWidget(self.lock_page)
        self._locked_view = self.current_key()
        self._set_usable(False)
        self.search.hide_results()
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.lock(path)

    def _unlocked(self) -> None:
        self._set_usable(True)
        self._unlocking = True
        try:
            self.show_view(self._locked_view or "dashboard")
        finally:
            self._unlocking = False
        if self.idle is not None:
            self.idle.poke()

    def start_idle_lock(self) -> None:
        from desktop_app.ui.lock_page import watch

        self.idle = watch(self)

    def focus_search(self) -> None:
        if self.is_locked():
            return
        from PySide6.QtCore import Qt

        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- branch filter, status bar -------------------------------------------------------------

    def reload_branches(self) -> None:
        chosen = self.context.branch_id
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem(_("All branches"), None)
        names: dict[int, str] = {}
        if self.context.db_path is not None:
            from desktop_app.services.datafile import dbfile
            from desktop_app.services.organisation import branches

            for bid, label in branches.branch_choices() if dbfile.is_open() else []:
                self.branch_combo.addItem(label, bid)
                names[bid] = label
        index = self.branch_combo.findData(chosen) if chosen is not None else 0
        self.branch_combo.setCurrentIndex(max(index, 0))
        self.branch_combo.blockSignals(False)
        self.search.branch_names = names
        if index < 0:
            self.context.set_branch(None)

    def _sync_branch_combo(self, branch_id: int | None) -> None:
        index = self.branch_combo.findData(branch_id) if branch_id is not None else 0
        if index >= 0 and index != self.branch_combo.currentIndex():
            self.branch_combo.blockSignals(True)
            self.branch_combo.setCurrentIndex(index)
            self.branch_combo.blockSignals(False)

    def _on_branch_chosen(self, index: int) -> None:
        self.context.set_branch(self.branch_combo.itemData(index))

    def _on_data_changed(self, kinds: frozenset[str]) -> None:
        if BRANCHES in kinds or EVERYTHING in kinds:
            self.reload_branches()
        if EVERYTHING in kinds:
            self.update_status()

    def update_status(self) -> None:
        path = self.context.db_path
        if path is not None and not isinstance(path, Path):  # a server's address
            self.db_label.setText(_("Server database: {address}").format(address=path))
        else:
            self.db_label.setText(_("Database: {path}").format(path=path) if path else _("No database open"))
        if path is None:  # nothing to say about backups of no file
            self.backup_label.clear()
            return
        from desktop_app.services.datafile import dbfile

        when = dbfile.last_backup_time(path)
        self.backup_label.setText(_("Last backup: {when}").format(when=i18n.format_datetime(when)) if when
                                  else _("Last backup: never"))

    # ---- geometry, closing -------------------------------------------------------------------

    def restore_geometry(self) -> None:
        geometry = ui_state.get("main/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1366, 768)

    def save_state(self) -> None:
        ui_state.put("main/geometry", self.saveGeometry())
        if self.current_key():
            ui_state.put("main/view", self.current_key())

    def closeEvent(self, event) -> None:
        view = self.current_view()
        if view is not None and view.has_unsaved_changes():
            from desktop_app.ui.messages import ask_discard

            if not ask_discard(self):
                event.ignore()
                return
        self.save_state()
        self.search.hide_results()
        super().closeEvent(event)
