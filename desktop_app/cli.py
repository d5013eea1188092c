"""The command line (design.md §4): the desktop app when no command is given, else a headless command.

Every command prints one short summary line and exits 0 on success; bad input prints a clear,
translated message and exits non-zero. No traceback reaches the user: unexpected errors go to the
log file and the user gets the log's path.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
from pathlib import Path

from desktop_app import i18n
from desktop_app.i18n import _, ngettext

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3
DEMO_SCALES = ("branch", "commune", "large")
REPORT_KINDS = ("minutes", "monthly", "candidates", "sponsors", "quota", "signin")
IMPORT_KINDS = ("members", "candidates")
EXPORT_KINDS = ("members", "candidates", "meetings")


class UsageError(Exception):
    """Bad command-line input; the message is translated."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; wrap them in ours
        raise UsageError(_("Invalid command line: {detail}").format(detail=message))


def _out(message: str) -> None:
    print(message, flush=True)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="sochibo", description=_("Sổ Chi bộ — records, admissions, meetings and documents "
                                                   "of a Party branch."))
    parser.add_argument("--db", help=_("database file (default: in the user data folder)"))
    parser.add_argument("--lang", help=_("language: vi or en"))
    parser.add_argument("--screenshots", metavar="DIR", help=_("save a screenshot of every view into DIR and exit"))
    parser.add_argument("--exit-when-ready", action="store_true", help=_("exit as soon as the first view shows"))
    # --db and --lang are accepted before or after the command.
    common = _Parser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=_("database file"))
    common.add_argument("--lang", default=argparse.SUPPRESS, help=_("language: vi or en"))
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    demo = sub.add_parser("demo", parents=[common], help=_("create a database filled with realistic demo data"))
    demo.add_argument("--scale", default="branch", help=_("branch, commune or large"))
    demo.add_argument("--seed", type=int, default=1, help=_("random seed (same seed, same data)"))

    report = sub.add_parser("report", parents=[common], help=_("print a document to PDF"))
    report.add_argument("kind", help=", ".join(REPORT_KINDS))
    report.add_argument("--branch", help=_("branch code"))
    report.add_argument("--month", help=_("month as YYYY-MM"))
    report.add_argument("--year", type=int, help=_("year"))
    report.add_argument("--meeting", type=int, help=_("meeting number (ID)"))
    report.add_argument("-o", "--output", required=True, help=_("PDF file to write"))
    report.add_argument("--draft", action="store_true",
                        help=_("a copy to check: numbered documents keep their number blank"))

    imp = sub.add_parser("import", parents=[common], help=_("import people from an Excel workbook"))
    imp.add_argument("kind", help=", ".join(IMPORT_KINDS))
    imp.add_argument("file", help=_("the .xlsx workbook"))
    imp.add_argument("--dry-run", action="store_true", help=_("check the rows without writing anything"))
    imp.add_argument("--branch", help=_("branch code for rows that name no branch"))
    imp.add_argument("--sheet", help=_("the sheet to read (default: the first with a column of names)"))
    imp.add_argument("--errors", metavar="FILE.xlsx", help=_("write the refused rows and their problems to FILE"))

    exp = sub.add_parser("export", parents=[common], help=_("export to an Excel workbook"))
    exp.add_argument("kind", help=", ".join(EXPORT_KINDS))
    exp.add_argument("-o", "--output", required=True, help=_("the .xlsx workbook to write"))
    exp.add_argument("--branch", help=_("branch code (default: every branch)"))
    exp.add_argument("--year", type=int, help=_("meetings of this year only"))

    bak = sub.add_parser("backup", parents=[common], help=_("back up the database"))
    bak.add_argument("-o", "--output", help=_("backup file (default: the backup folder)"))

    res = sub.add_parser("restore", parents=[common], help=_("replace the database with a backup"))
    res.add_argument("file", help=_("the backup file"))

    sub.add_parser("check", parents=[common], help=_("check the database: integrity, schema version and audit trail"))
    return parser


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return i18n.system_language()


def _db_path(args, *, must_exist: bool) -> Path:
    from desktop_app import paths

    path = Path(args.db) if args.db else paths.default_db_path()
    if must_exist and not path.exists():
        raise UsageError(_("Database not found: {path}").format(path=path))
    if path.exists() and path.is_dir():
        raise UsageError(_("{path} is a folder, not a database file.").format(path=path))
    return path


def _open(path: Path, *, create: bool = False):
    """Open and migrate the database, with the user's calendar and rule settings (the lock is taken by main)."""
    from desktop_app.services import dbfile

    return dbfile.open_file(path, create=create, lock=False)


# ---- commands -------------------------------------------------------------------------------


def cmd_demo(args) -> int:
    if args.scale not in DEMO_SCALES:
        raise UsageError(_("Unknown scale “{scale}”: choose branch, commune or large.").format(scale=args.scale))
    if not args.db:
        raise UsageError(_("Give the database file to create with --db."))
    path = _db_path(args, must_exist=False)
    from desktop_app.services import demo

    started = dt.datetime.now()
    _open(path, create=True)
    summary = demo.generate(args.scale, seed=args.seed)
    seconds = (dt.datetime.now() - started).total_seconds()
    _out(_("Demo database {path}: {branches} branches, {people} people, {meetings} meetings ({seconds:.1f} s).")
         .format(path=path, branches=summary.branches, people=summary.people, meetings=summary.meetings,
                 seconds=seconds))
    return EXIT_OK


def cmd_check(args) -> int:
    path = _db_path(args, must_exist=True)
    from desktop_app.store import backup

    problems = backup.check_file(path)
    if problems:
        _err(_("{path} is damaged or not a database of this program: {detail}").format(
            path=path, detail="; ".join(problems[:3])))
        return EXIT_ERROR
    from desktop_app.store import migrations

    version = _file_version(path)
    if version == 0:  # a SQLite file of another program (or an empty one): check never migrates
        _err(_("{path} is not a database of this program.").format(path=path))
        return EXIT_ERROR
    if version < migrations.SCHEMA_VERSION:
        _err(_("{path} has schema version {found}; this program expects {expected}. Open it once in the app "
               "to upgrade it.").format(path=path, found=version, expected=migrations.SCHEMA_VERSION))
        return EXIT_ERROR
    _open(path)
    from desktop_app.services import maintenance

    report = maintenance.check()
    if not report.healthy:
        for problem in report.problems:
            _err(problem)
        return EXIT_ERROR
    _out(_("{path}: healthy (schema version {version}).").format(path=path, version=report.schema_version))
    return EXIT_OK


def cmd_backup(args) -> int:
    path = _db_path(args, must_exist=True)
    _open(path)
    from desktop_app.services import maintenance

    target = maintenance.backup_now(Path(args.output) if args.output else None)
    _out(_("Backup written to {path}.").format(path=target))
    return EXIT_OK


def _file_version(path: Path) -> int:
    from desktop_app.store import crypto

    conn = crypto.connect_raw(path, readonly=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def cmd_restore(args) -> int:
    path = _db_path(args, must_exist=False)
    source = Path(args.file)
    if not source.is_file():
        raise UsageError(_("Backup not found: {path}").format(path=source))
    from desktop_app.services import backups

    kept = backups.restore(source, db_path=path).kept
    if kept:
        _out(_("Restored {path} from {source}; the replaced file is kept as {kept}.").format(
            path=path, source=source, kept=kept))
    else:
        _out(_("Restored {path} from {source}.").format(path=path, source=source))
    return EXIT_OK


def _parse_month(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        year, month = (int(p) for p in text.split("-"))
        dt.date(year, month, 1)
        return year, month
    except ValueError:
        raise UsageError(_("Month must be written as YYYY-MM, e.g. 2026-11.")) from None


def cmd_report(args) -> int:
    if args.kind not in REPORT_KINDS:
        raise UsageError(_("Unknown report “{kind}”: choose one of {kinds}.").format(
            kind=args.kind, kinds=", ".join(REPORT_KINDS)))
    path = _db_path(args, must_exist=True)
    _open(path)
    from desktop_app.reports import build_report

    month = _parse_month(args.month)
    branch_id = None
    if args.branch:
        from desktop_app.services import branches

        branch_id = branches.id_for_code(args.branch)
        if branch_id is None:
            raise UsageError(_("No branch has the code {code}.").format(code=args.branch))
    # A document written from the command line is issued: numbered documents take their next number,
    # unless --draft asks for a copy to check first.
    issue = not args.draft
    out = build_report(args.kind, Path(args.output), lang=i18n.current_language(), branch_id=branch_id,
                       year=args.year or (month[0] if month else None), month=month[1] if month else None,
                       meeting_id=args.meeting, issue=issue)
    from desktop_app.services import outputs

    outputs.record("export", args.kind, {"file": str(out), "branch": args.branch, "month": args.month,
                                         "year": args.year, "meeting": args.meeting, "issued": issue})
    _out(_("Report written to {path}.").format(path=out))
    return EXIT_OK


def _branch_option(code: str | None) -> int | None:
    if not code:
        return None
    from desktop_app.services import branches

    branch_id = branches.id_for_code(code)
    if branch_id is None:
        raise UsageError(_("No branch has the code {code}.").format(code=code))
    return branch_id


def _xlsx_option(value: str) -> Path:
    path = Path(value)
    if path.suffix.lower() != ".xlsx":
        raise UsageError(_("The workbook to write must end in .xlsx: {path}").format(path=path))
    if path.is_dir():
        raise UsageError(_("{path} is a folder, not a file.").format(path=path))
    return path


def cmd_import(args) -> int:
    """Exit 0 when at least one row was imported (in a dry run: would be), 1 when every row was
    refused, so a dry run predicts the real run's status. Refused rows are listed one a line."""
    if args.kind not in IMPORT_KINDS:
        raise UsageError(_("Unknown import “{kind}”: choose members or candidates.").format(kind=args.kind))
    errors_path = _xlsx_option(args.errors) if args.errors else None
    path = _db_path(args, must_exist=True)
    _open(path)
    branch_id = _branch_option(args.branch)
    from desktop_app.interchange import xlsx_import
    from desktop_app.interchange.errors import check_target

    if errors_path:  # before importing: a refused-rows file that cannot be written must not cost the import
        check_target(errors_path)
    source = Path(args.file)
    data, plan = xlsx_import.import_workbook(args.kind, source, sheet=args.sheet, default_branch_id=branch_id,
                                             dry_run=args.dry_run)
    good, refused = len(plan.accepted), len(plan.refused)
    if args.dry_run:
        summary = (ngettext("Dry run, nothing written: {n} member would be imported from {file}; rows refused: "
                            "{refused}.",
                            "Dry run, nothing written: {n} members would be imported from {file}; rows refused: "
                            "{refused}.", good)
                   if args.kind == "members" else
                   ngettext("Dry run, nothing written: {n} candidate would be imported from {file}; rows refused: "
                            "{refused}.",
                            "Dry run, nothing written: {n} candidates would be imported from {file}; rows refused: "
                            "{refused}.", good))
    else:
        summary = (ngettext("Imported {n} member from {file}; rows refused: {refused}.",
                            "Imported {n} members from {file}; rows refused: {refused}.", good)
                   if args.kind == "members" else
                   ngettext("Imported {n} candidate from {file}; rows refused: {refused}.",
                            "Imported {n} candidates from {file}; rows refused: {refused}.", good))
    summary = summary.format(n=good, file=source.name, refused=refused)
    if errors_path and refused:
        xlsx_import.write_errors(errors_path, data, plan)
        summary += " " + _("The refused rows are in {path}.").format(path=errors_path)
    _out(summary)
    for row in plan.refused:
        problems = "; ".join(row.errors)
        _out(_("Row {row} ({name}): {problems}").format(row=row.number, name=row.name, problems=problems)
             if row.name else _("Row {row}: {problems}").format(row=row.number, problems=problems))
    return EXIT_OK if good else EXIT_ERROR


def cmd_export(args) -> int:
    if args.kind not in EXPORT_KINDS:
        raise UsageError(_("Unknown export “{kind}”: choose members, candidates or meetings.").format(
            kind=args.kind))
    out = _xlsx_option(args.output)
    path = _db_path(args, must_exist=True)
    _open(path)
    branch_id = _branch_option(args.branch)
    from desktop_app.interchange import xlsx_export

    lang = i18n.current_language()
    if args.kind == "meetings":
        meetings, rows = xlsx_export.export_meetings(out, branch_id=branch_id, year=args.year, lang=lang)
        _out(ngettext("Exported {n} meeting and {rows} attendance rows to {path}.",
                      "Exported {n} meetings and {rows} attendance rows to {path}.", meetings)
             .format(n=meetings, rows=rows, path=out))
    else:
        count = xlsx_export.export_people(args.kind, out, branch_id=branch_id, lang=lang)
        _out((ngettext("Exported {n} member to {path}.", "Exported {n} members to {path}.", count)
              if args.kind == "members" else
              ngettext("Exported {n} candidate to {path}.", "Exported {n} candidates to {path}.", count))
             .format(n=count, path=out))
    return EXIT_OK


COMMANDS = {"demo": cmd_demo, "check": cmd_check, "backup": cmd_backup, "restore": cmd_restore,
            "report": cmd_report, "import": cmd_import, "export": cmd_export}


def _explain(exc: BaseException) -> str | None:
    """A translated message for failures the user can act on; None for bugs."""
    import peewee

    from desktop_app.services.environment import explain_environment_error
    from desktop_app.services.failures import explain_failure

    if isinstance(exc, UsageError):
        return str(exc)
    environmental = explain_environment_error(exc)
    if environmental is not None:
        return environmental
    if isinstance(exc, IsADirectoryError):
        return _("{path} is a folder, not a file.").format(path=exc.filename or exc)
    message = explain_failure(exc)
    if message is None and isinstance(exc, peewee.DatabaseError):
        message = _("The database could not be read: {detail}").format(detail=exc)
    return message


def _log_unexpected(exc: BaseException) -> Path | None:
    try:
        from desktop_app import paths

        path = paths.log_dir() / "sochibo.log"
        logging.basicConfig(filename=path, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
        log.error("unexpected error", exc_info=exc)
        return path
    except Exception:
        return None


# Commands that write more than an audit entry take the database's lock (store.lock), as the app does.
LOCKING_COMMANDS = ("demo", "import", "restore")


def _writer_lock(args):
    import contextlib

    if args.command not in LOCKING_COMMANDS or (args.command == "import" and args.dry_run):
        return contextlib.nullcontext()
    from desktop_app import paths
    from desktop_app.store import lock

    path = Path(args.db) if args.db else paths.default_db_path()
    if path.is_dir():
        return contextlib.nullcontext()  # the command reports it
    return lock.acquire(path, program=f"sochibo {args.command}")


# Commands that read the data refuse a damaged file up front (a quick check) rather than half-way.
CHECKED_COMMANDS = ("report", "export", "import", "backup", "demo")


def _refuse_damaged(args) -> Path | None:
    """The checked file, or None when there was nothing to check. A file found sound before and changed
    since only by this program is not read through again (store.checked)."""
    if args.command not in CHECKED_COMMANDS:
        return None
    from desktop_app import paths
    from desktop_app.store import backup, checked

    path = Path(args.db) if args.db else paths.default_db_path()
    if not path.is_file():  # a missing file is reported by the command itself
        return None
    if not checked.unchanged_since_sound(path):
        backup.require_sound(path, quick=True)
    return path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = _language(argv)
    i18n.set_language(lang if lang in i18n.LANGUAGES else None)
    try:
        args = build_parser().parse_args(argv)
        if args.lang and args.lang not in i18n.LANGUAGES:
            raise UsageError(_("Unknown language “{lang}”: choose vi or en.").format(lang=args.lang))
        if args.command is None:
            from desktop_app.app import run

            # The app opens its log file once its window is on screen (with the crash dialog).
            return run(db=args.db, lang=args.lang, screenshots=args.screenshots,
                       exit_when_ready=args.exit_when_ready)
        from desktop_app import logsetup

        logsetup.configure()
        with _writer_lock(args):
            sound = _refuse_damaged(args)
            code = COMMANDS[args.command](args)
            if sound is not None and code == EXIT_OK:
                from desktop_app.store import checked, db

                db.close()  # the write-ahead log folded in: the file as the next command finds it
                checked.remember_sound(sound)
            return code
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except KeyboardInterrupt:
        return 130
    except BaseException as exc:
        message = _explain(exc)
        if message is not None:
            _err(message)
            return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR
        logfile = _log_unexpected(exc)
        _err(_("An unexpected error occurred; details were written to {path}.").format(path=logfile))
        return EXIT_ERROR
    finally:
        from desktop_app.store import db

        db.close()
