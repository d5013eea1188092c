"""The commands on a database as a whole: demo data, the health check, backup and restore, documents."""

from __future__ import annotations

import time
from pathlib import Path

from desktop_app import i18n
from desktop_app.cli.options import branch_option, db_path, file_version, month_option, open_database
from desktop_app.cli.parser import DEMO_SCALES, EXIT_ERROR, EXIT_OK, REPORT_KINDS, UsageError, err, out
from desktop_app.i18n import _, ngettext


def cmd_demo(args) -> int:
    if args.scale not in DEMO_SCALES:
        raise UsageError(_("Unknown scale “{scale}”: choose branch, commune or large.").format(scale=args.scale))
    if not args.db:
        raise UsageError(_("Give the database file to create with --db."))
    path = db_path(args, must_exist=False)
    from desktop_app.services import demo

    started = time.monotonic()
    open_database(path, create=True)
    summary = demo.generate(args.scale, seed=args.seed)
    seconds = time.monotonic() - started
    out(_("Demo database {path}: {branches} branches, {people} people, {meetings} meetings ({seconds:.1f} s).")
        .format(path=path, branches=summary.branches, people=summary.people, meetings=summary.meetings,
                seconds=seconds))
    return EXIT_OK


def cmd_check(args) -> int:
    path = db_path(args, must_exist=True)
    from desktop_app.store import backup, opening

    problems = [] if opening.is_server(path) else backup.check_file(path)
    if problems:  # a missing password, another kind of file or damage, each said as such
        raise backup.problem_error(path, problems)
    from desktop_app.store import migrations

    version = file_version(path)
    if version == 0:  # a SQLite file of another program (or an empty one): check never migrates
        err(_("{path} is not a database of this program.").format(path=path))
        return EXIT_ERROR
    if version < migrations.SCHEMA_VERSION:
        err(_("{path} has schema version {found}; this program expects {expected}. Open it once in the app "
              "to upgrade it.").format(path=path, found=version, expected=migrations.SCHEMA_VERSION))
        return EXIT_ERROR
    from desktop_app.services.datafile import dbfile, maintenance

    if opening.is_server(path):
        open_database(path)
        report = maintenance.check()  # the server's own reading of every table
    else:
        dbfile.open_for_reading(path)  # check never writes: it works on a read-only disk too
        report = maintenance.check(integrity=False)  # check_file above ran SQLite's integrity check
    if not report.healthy:
        for problem in report.problems:
            err(problem)
        if report.trail:
            err(_("If the database was changed outside the program on purpose, committee staff can re-anchor the "
                  "audit trail with: repair --db {path} --by \"NAME, POSITION\" --reason \"WHY\"").format(path=path))
        return EXIT_ERROR
    out(_("{path}: healthy (schema version {version}).").format(path=path, version=report.schema_version))
    if opening.is_server(path):
        out(_("On a server, every table was read through and every constraint is enforced by the server; the "
              "check of its disk pages is the server administrator's (data checksums)."))
    return EXIT_OK


def cmd_repair(args) -> int:
    path = db_path(args, must_exist=True)
    open_database(path)
    from desktop_app.services.datafile import trail_repair

    result = trail_repair.repair(args.by, args.reason)
    for line in result.findings:
        out(_("Found: {problem}").format(problem=line))
    out(ngettext("The audit trail of {path} was re-anchored; the entry of the repair names you, your reason and "
                 "what was found ({n} record taken as it now is).",
                 "The audit trail of {path} was re-anchored; the entry of the repair names you, your reason and "
                 "what was found ({n} records taken as they now are).", result.records).format(
        path=path, n=result.records))
    return EXIT_OK


def cmd_backup(args) -> int:
    path = db_path(args, must_exist=True)
    open_database(path)
    from desktop_app.services.datafile import maintenance

    target = maintenance.backup_now(Path(args.output) if args.output else None)  # a server's: one SQLite file
    out(_("Backup written to {path}.").format(path=target))
    return EXIT_OK


def cmd_restore(args) -> int:
    path = db_path(args, must_exist=False)
    source = Path(args.file)
    if not source.is_file():
        raise UsageError(_("Backup not found: {path}").format(path=source))
    from desktop_app.store import opening

    if opening.is_server(path):
        from desktop_app.services.datafile import server_copies

        copied = server_copies.restore_into_server(source, path)
        out(_("Restored {path} from {source} ({rows} rows).").format(path=path, source=source,
                                                                      rows=sum(copied.values())))
        return EXIT_OK
    from desktop_app.services.datafile import backups

    kept = backups.restore(source, db_path=path, keep_password=not args.without_password).kept
    if kept:
        out(_("Restored {path} from {source}; the replaced file is kept as {kept}.").format(
            path=path, source=source, kept=kept))
    else:
        out(_("Restored {path} from {source}.").format(path=path, source=source))
    return EXIT_OK


def cmd_report(args) -> int:
    if args.kind not in REPORT_KINDS:
        raise UsageError(_("Unknown report “{kind}”: choose one of {kinds}.").format(
            kind=args.kind, kinds=", ".join(REPORT_KINDS)))
    if args.kind == "resolution" and args.decision is None:
        raise UsageError(_("Give the vote whose resolution to print with --decision ID."))
    if args.draft and args.new_version:
        raise UsageError(_("--draft and --new-version exclude each other: a draft takes no number."))
    path = db_path(args, must_exist=True)
    open_database(path)
    from desktop_app.reports import build_report

    month = month_option(args.month)
    branch_id = branch_option(args.branch)
    # A document written from the command line is issued: numbered documents take their next number (once:
    # printing one again keeps its number and date), unless --draft asks for a copy to check first.
    issue = not args.draft
    from desktop_app.services.common.recorded_files import recorded_file

    details = {"kind": args.kind, "branch": args.branch, "month": args.month, "year": args.year,
               "meeting": args.meeting, "decision": args.decision, "issued": issue, "new_version": args.new_version}
    with recorded_file(Path(args.output), "export", "report", details):  # recorded first: no file without it
        written = build_report(args.kind, Path(args.output), lang=i18n.current_language(), branch_id=branch_id,
                               year=args.year or (month[0] if month else None), month=month[1] if month else None,
                               meeting_id=args.meeting, decision_id=args.decision, issue=issue,
                               new_version=args.new_version)
    out(_("Report written to {path}.").format(path=written))
    return EXIT_OK


def _whole_number(text: str, message: str) -> int:
    value = (text or "").strip()
    if not value.lstrip("-").isdigit():
        raise UsageError(message)
    return int(value)


def cmd_quota(args) -> int:
    """Set the year's admission target of the organisation, or of one branch with --branch."""
    year = _whole_number(args.year, _("The year must be a number, e.g. 2026."))
    target = _whole_number(args.target, _("The target must be a whole number of new members, e.g. 12."))
    path = db_path(args, must_exist=True)
    open_database(path)
    branch_id = branch_option(args.branch)
    from desktop_app.services.common.errors import ValidationError
    from desktop_app.services.organisation import quotas

    try:
        quotas.set_quota(branch_id, year, target)
    except ValidationError as exc:  # a year or target out of range: the option was wrong
        raise UsageError("\n".join(exc.errors.values())) from None
    targets = quotas.quotas(year)
    branch_sum = sum(value for bid, value in targets.items() if bid is not None)
    if branch_id is None:
        out(_("Admission target for {year} set for the organisation: {target} (branch targets added up: "
              "{branches}).").format(year=year, target=target, branches=branch_sum))
    else:
        org = targets.get(None)
        out(_("Admission target for {year} set for branch {code}: {target} (branch targets added up: {branches}; "
              "organisation: {org}).").format(year=year, code=args.branch, target=target, branches=branch_sum,
                                              org=org if org is not None else _("not set")))
    return EXIT_OK
