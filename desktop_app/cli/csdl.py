"""The central member database's workbook on the command line: ``export csdl`` writes it with the app's checks,
``import csdl`` reads it into the records (``--dry-run``: the plan only, nothing written)."""

from __future__ import annotations

from pathlib import Path

from desktop_app.cli.options import branch_option, db_path, open_database, xlsx_option
from desktop_app.cli.parser import EXIT_ERROR, EXIT_OK, out
from desktop_app.cli.progress_line import ProgressLine
from desktop_app.i18n import _, ngettext


def export_csdl(args) -> int:
    target = xlsx_option(args.output)
    path = db_path(args, must_exist=True)
    open_database(path)
    branch_id = branch_option(args.branch)
    from desktop_app.interchange import csdl_workbook

    line = ProgressLine(_("Exporting:"), enabled=args.progress or None)
    try:
        count, bad = csdl_workbook.export_csdl(target, branch_id=branch_id, progress=line)
    except KeyboardInterrupt:
        line.stopped()
        raise
    line.done()
    out(ngettext("Exported {n} member to {path} in the central database's layout; rows with errors: {bad}.",
                 "Exported {n} members to {path} in the central database's layout; rows with errors: {bad}.",
                 count).format(n=count, path=target, bad=bad))
    return EXIT_OK


def import_csdl(args) -> int:
    """Exit 0 when no row was refused, 1 otherwise; every row refused or not kept whole is listed."""
    path = db_path(args, must_exist=True)
    open_database(path)
    from desktop_app.interchange import csdl_workbook
    from desktop_app.services.interchange import csdl_import

    source = Path(args.file)
    line = ProgressLine(_("Checking:"), enabled=args.progress or None)
    try:
        data = csdl_workbook.read(source, sheet=args.sheet)
        plan = csdl_import.plan_rows(csdl_workbook.rows(data, progress=line))
    except KeyboardInterrupt:
        line.stopped()
        raise
    line.done()
    unread = csdl_workbook.unread_headers(data)
    if unread:
        out(_("Columns not read: {columns}.").format(columns="; ".join(unread)))
    for item in plan.rows:
        who = _("Row {row} ({name})").format(row=item.number, name=item.name) if item.name else \
            _("Row {row}").format(row=item.number)
        if item.errors:
            out(_("{row}: refused: {problems}").format(row=who, problems="; ".join(item.errors)))
        for label, before, after in item.changes:
            out(_("{row}: {field}: “{before}” → “{after}”").format(row=who, field=label, before=before, after=after))
        for note in item.notes:
            out(_("{row}: {note}").format(row=who, note=note))
    new, update = plan.count(csdl_import.NEW), plan.count(csdl_import.UPDATE)
    same, refused = plan.count(csdl_import.SAME), plan.count(csdl_import.REFUSED)
    if args.dry_run:
        out(_("Dry run, nothing written: {new} new, {update} to update, {same} unchanged, {refused} refused, from "
              "{file}.").format(new=new, update=update, same=same, refused=refused, file=source.name))
    else:
        csdl_import.apply(plan, source=source.name)
        out(_("Imported from {file}: {new} new, {update} updated, {same} unchanged, {refused} refused.").format(
            new=new, update=update, same=same, refused=refused, file=source.name))
    return EXIT_ERROR if refused else EXIT_OK
