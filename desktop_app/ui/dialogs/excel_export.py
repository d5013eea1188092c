"""Exporting to Excel from the app: ask where to save, write the workbook off the GUI thread with its progress
and a Cancel button, say what was written (or that nothing was, after a cancel)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.i18n import _, ngettext
from desktop_app.interchange import xlsx_export
from desktop_app.ui.dialogs.import_wizard_steps import XLSX_FILTER
from desktop_app.ui.messages import info
from desktop_app.ui.operation import Operation

MEMBERS, CANDIDATES, MEETINGS, CSDL = "members", "candidates", "meetings", "csdl"


def _default_name(kind: str) -> str:
    return {MEMBERS: _("Party members.xlsx"), CANDIDATES: _("Candidates.xlsx"),
            MEETINGS: _("Branch meetings.xlsx"), CSDL: _("Central member database.xlsx")}[kind]


def export_to_excel(parent: QWidget | None, kind: str, *, branch_id: int | None = None, year: int | None = None,
                    folder: Path | None = None) -> None:
    """Ask for a file and export *kind* ("members", "candidates", "meetings" or "csdl": the central member
    database's workbook, checked) of one branch or all."""
    title = _("Export to Excel")
    start = str((folder or Path.home()) / _default_name(kind))
    name, _f = QFileDialog.getSaveFileName(parent, title, start, _(XLSX_FILTER))
    if not name:
        return
    path = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")

    def done(result) -> None:
        if kind == CSDL:
            count, bad = result
            text = ngettext("Exported {n} member to {path} in the central database's layout; rows with errors: "
                            "{bad}.", "Exported {n} members to {path} in the central database's layout; rows with "
                            "errors: {bad}.", count).format(n=count, path=path, bad=bad)
        elif kind == MEETINGS:
            meetings, rows = result
            text = ngettext("Exported {n} meeting and {rows} attendance rows to {path}.",
                            "Exported {n} meetings and {rows} attendance rows to {path}.", meetings).format(
                n=meetings, rows=rows, path=path)
        else:
            text = (ngettext("Exported {n} member to {path}.", "Exported {n} members to {path}.", result)
                    if kind == MEMBERS else
                    ngettext("Exported {n} candidate to {path}.", "Exported {n} candidates to {path}.", result)
                    ).format(n=result, path=path)
        info(parent, title, text)

    def cancelled() -> None:
        info(parent, title, _("Export cancelled: no file was written."))

    if kind == CSDL:
        from desktop_app.interchange import csdl_workbook

        operation = Operation(parent, csdl_workbook.export_csdl, path, branch_id=branch_id)
    elif kind == MEETINGS:
        operation = Operation(parent, xlsx_export.export_meetings, path, branch_id=branch_id, year=year)
    else:
        operation = Operation(parent, xlsx_export.export_people, kind, path, branch_id=branch_id)
    operation.blocking(_("Exporting…")).cancellable(cancelled).success(done).run()
