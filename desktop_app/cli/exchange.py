"""The Excel commands: import people from a workbook, export people, meetings or Party fees to one.

The import and the exports of people and meetings show how far they have got on standard error (on a terminal,
or with --progress); Ctrl+C stops them and changes nothing: the import's transaction is rolled back, the export's
file is never written."""

from __future__ import annotations

from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.options import branch_option, db_path, open_database, xlsx_option
from desktop_app.cli.parser import EXIT_ERROR, EXIT_OK, EXPORT_KINDS, IMPORT_KINDS, UsageError, out
from desktop_app.cli.progress_line import ProgressLine
from desktop_app.i18n import _, ngettext


def _import_summary(kind: str, dry_run: bool, good: int) -> str:
    if dry_run:
        if kind == "members":
            return ngettext("Dry run, nothing written: {n} member would be imported from {file}; rows refused: "
                            "{refused}.",
                            "Dry run, nothing written: {n} members would be imported from {file}; rows refused: "
                            "{refused}.", good)
        return ngettext("Dry run, nothing written: {n} candidate would be imported from {file}; rows refused: "
                        "{refused}.",
                        "Dry run, nothing written: {n} candidates would be imported from {file}; rows refused: "
                        "{refused}.", good)
    if kind == "members":
        return ngettext("Imported {n} member from {file}; rows refused: {refused}.",
                        "Imported {n} members from {file}; rows refused: {refused}.", good)
    return ngettext("Imported {n} candidate from {file}; rows refused: {refused}.",
                    "Imported {n} candidates from {file}; rows refused: {refused}.", good)


def cmd_import(args) -> int:
    """Exit 0 when at least one row was imported (in a dry run: would be), 1 when every row was
    refused, so a dry run predicts the real run's status. Refused rows are listed one a line."""
    if args.kind not in IMPORT_KINDS:
        raise UsageError(_("Unknown import “{kind}”: choose members or candidates.").format(kind=args.kind))
    if args.kind == "csdl":
        from desktop_app.cli.csdl import import_csdl

        return import_csdl(args)
    errors_path = xlsx_option(args.errors) if args.errors else None
    path = db_path(args, must_exist=True)
    open_database(path)
    branch_id = branch_option(args.branch)
    from desktop_app.interchange import xlsx_import
    from desktop_app.interchange.errors import check_target

    if errors_path:  # before importing: a refused-rows file that cannot be written must not cost the import
        check_target(errors_path)
    source = Path(args.file)
    line = ProgressLine(_("Checking:") if args.dry_run else _("Importing:"), enabled=args.progress or None)
    try:
        data, plan = xlsx_import.import_workbook(args.kind, source, sheet=args.sheet, default_branch_id=branch_id,
                                                 dry_run=args.dry_run, progress=line)
    except KeyboardInterrupt:
        line.stopped()
        raise
    line.done()
    good, refused = len(plan.accepted), len(plan.refused)
    summary = _import_summary(args.kind, args.dry_run, good).format(n=good, file=source.name, refused=refused)
    if errors_path and refused:
        xlsx_import.write_errors(errors_path, data, plan)
        summary += " " + _("The refused rows are in {path}.").format(path=errors_path)
    out(summary)
    for row in plan.refused:
        problems = "; ".join(row.errors)
        out(_("Row {row} ({name}): {problems}").format(row=row.number, name=row.name, problems=problems)
            if row.name else _("Row {row}: {problems}").format(row=row.number, problems=problems))
    plan.close()
    return EXIT_OK if good else EXIT_ERROR


def _export_year(args) -> int:
    from desktop_app.core import clock

    year = args.year or clock.today().year
    if not 1900 <= year <= 2200:
        raise UsageError(_("Year must be written with four digits, e.g. 2026."))
    return year


def _export_fees(args, target: Path, branch_id: int | None) -> None:
    from desktop_app.interchange.fee_export import export_fees

    year = _export_year(args)
    done = export_fees(target, year=year, branch_id=branch_id, lang=i18n.current_language())
    out(ngettext("Exported the Party fees of {year} to {path}: {months} branch-month, {payments} payments, "
                 "{owing} members owing.",
                 "Exported the Party fees of {year} to {path}: {months} branch-months, {payments} payments, "
                 "{owing} members owing.", done.months)
        .format(year=year, path=target, months=done.months, payments=done.payments, owing=done.owing))


def _export_grading(args, target: Path, branch_id: int | None) -> None:
    from desktop_app.interchange.grading_export import export_grading

    year = _export_year(args)
    done = export_grading(target, year=year, branch_id=branch_id, lang=i18n.current_language())
    out(ngettext("Exported the grading of {year} to {path}: {branches} branch, {members} members graded, "
                 "{not_graded} not graded.",
                 "Exported the grading of {year} to {path}: {branches} branches, {members} members graded, "
                 "{not_graded} not graded.", done.branches)
        .format(year=year, path=target, branches=done.branches, members=done.members, not_graded=done.not_graded))


def cmd_export(args) -> int:
    if args.kind not in EXPORT_KINDS:
        raise UsageError(_("Unknown export “{kind}”: choose members, candidates, meetings, fees or grading.").format(
            kind=args.kind))
    if args.kind == "csdl":
        from desktop_app.cli.csdl import export_csdl

        return export_csdl(args)
    target = xlsx_option(args.output)
    path = db_path(args, must_exist=True)
    open_database(path)
    branch_id = branch_option(args.branch)
    from desktop_app.interchange import xlsx_export

    lang = i18n.current_language()
    if args.kind in ("fees", "grading"):
        (_export_fees if args.kind == "fees" else _export_grading)(args, target, branch_id)
        return EXIT_OK
    line = ProgressLine(_("Exporting:"), enabled=args.progress or None)
    try:
        result = (xlsx_export.export_meetings(target, branch_id=branch_id, year=args.year, lang=lang, progress=line)
                  if args.kind == "meetings" else
                  xlsx_export.export_people(args.kind, target, branch_id=branch_id, lang=lang, progress=line))
    except KeyboardInterrupt:
        line.stopped()
        raise
    line.done()
    if args.kind == "meetings":
        meetings, rows = result
        out(ngettext("Exported {n} meeting and {rows} attendance rows to {path}.",
                     "Exported {n} meetings and {rows} attendance rows to {path}.", meetings)
            .format(n=meetings, rows=rows, path=target))
    else:
        count = result
        text = (ngettext("Exported {n} member to {path}.", "Exported {n} members to {path}.", count)
                if args.kind == "members" else
                ngettext("Exported {n} candidate to {path}.", "Exported {n} candidates to {path}.", count))
        out(text.format(n=count, path=target))
    return EXIT_OK
