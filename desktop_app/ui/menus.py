"""The menu bar: File (databases, Excel, backups) and Help. The actions call FileActions and the Excel
dialogs; their texts are set once, in the language the window is built in."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop_app.i18n import _


def add_menus(window: QMainWindow) -> tuple[QMenu, QMenu]:
    """The File and Help menus of the menu bar of *window*, still empty (see ``fill_menus``)."""
    bar = window.menuBar()
    return bar.addMenu(_("&File")), bar.addMenu(_("&Help"))


def fill_menus(window: QMainWindow, file_menu: QMenu, help_menu: QMenu) -> dict[str, QAction]:
    """The actions of the menus of *window* (which has ``files`` and ``context``), by name."""
    files = window.files
    actions: dict[str, QAction] = {}

    def action(name: str, text: str, slot, shortcut=None) -> QAction:
        act = QAction(text, window)
        act.setObjectName(f"action_{name}")
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        actions[name] = act
        return act

    file_menu.addAction(action("new", _("&New database…"), files.new_database, "Ctrl+Shift+N"))
    file_menu.addAction(action("open", _("&Open database…"), files.open_database, QKeySequence.StandardKey.Open))
    file_menu.addAction(action("connect_server", _("&Connect to a server…"), files.connect_server))
    file_menu.addSeparator()
    imports = file_menu.addMenu(_("&Import from Excel"))
    imports.addAction(action("import_members", _("Members…"), lambda: import_excel(window, "members")))
    imports.addAction(action("import_candidates", _("Candidates…"), lambda: import_excel(window, "candidates")))
    imports.addAction(action("import_csdl", _("Central member database workbook…"), lambda: import_csdl(window)))
    exports = file_menu.addMenu(_("&Export to Excel"))
    exports.addAction(action("export_members", _("Members…"), lambda: export_excel(window, "members")))
    exports.addAction(action("export_candidates", _("Candidates…"), lambda: export_excel(window, "candidates")))
    exports.addAction(action("export_meetings", _("Meetings…"), lambda: export_excel(window, "meetings")))
    exports.addAction(action("export_csdl", _("Central member database workbook, checked…"),
                             lambda: export_excel(window, "csdl")))
    file_menu.addAction(action("recycle", _("&Deleted records…"), lambda: show_deleted(window)))
    file_menu.addSeparator()
    file_menu.addAction(action("backup", _("&Back up now"), files.backup, "Ctrl+B"))
    file_menu.addAction(action("restore", _("&Restore from a backup…"), files.restore))
    file_menu.addSeparator()
    file_menu.addAction(action("quit", _("&Quit"), window.close, "Ctrl+Q"))
    help_menu.addAction(action("about", _("&About Sổ Chi bộ"), files.about))
    return actions


def import_excel(window: QMainWindow, kind: str) -> None:
    from desktop_app.ui.dialogs.import_wizard import run_import_wizard

    run_import_wizard(window, kind=kind, branch_id=window.context.branch_id)


def import_csdl(window: QMainWindow) -> None:
    from desktop_app.ui.dialogs.csdl_import_dialog import run_csdl_import

    run_csdl_import(window)


def export_excel(window: QMainWindow, kind: str) -> None:
    from desktop_app.ui.dialogs.excel_export import export_to_excel

    export_to_excel(window, kind, branch_id=window.context.branch_id)


def show_deleted(window: QMainWindow) -> None:
    from desktop_app.ui.dialogs.recycle_dialog import RecycleDialog

    RecycleDialog(window.context.branch_id, window).exec()
