"""The command line's options: one parser for the app and every command, with argparse's English messages
turned into ours."""

from __future__ import annotations

import argparse
import sys

from desktop_app import i18n
from desktop_app.i18n import _

EXIT_OK, EXIT_ERROR, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3
DEMO_SCALES = ("branch", "commune", "large")
REPORT_KINDS = ("minutes", "monthly", "candidates", "sponsors", "quota", "signin", "resolution", "register", "issued",
                "fees", "grading", "grading_resolution", "badges")
IMPORT_KINDS = ("members", "candidates", "csdl")
EXPORT_KINDS = ("members", "candidates", "meetings", "fees", "csdl", "grading")


class UsageError(Exception):
    """Bad command-line input; the message is translated."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English; wrap them in ours
        raise UsageError(_("Invalid command line: {detail}").format(detail=message))


def out(message: str) -> None:
    print(message, flush=True)


def err(message: str) -> None:
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
    report.add_argument("--decision", type=int, help=_("the vote (decision number, ID) of a branch resolution"))
    report.add_argument("-o", "--output", required=True, help=_("PDF file to write"))
    report.add_argument("--draft", action="store_true",
                        help=_("a copy to check: numbered documents keep their number blank"))
    report.add_argument("--new-version", action="store_true",
                        help=_("issue an issued document again under a new number (a reprint keeps its number)"))

    quota = sub.add_parser("quota", parents=[common], help=_("set the yearly admission target"))
    quota.add_argument("--year", required=True, help=_("year"))
    quota.add_argument("--target", required=True, help=_("new members to admit in the year"))
    quota.add_argument("--branch", help=_("branch code (default: the organisation as a whole)"))

    imp = sub.add_parser("import", parents=[common], help=_("import people from an Excel workbook"))
    imp.add_argument("kind", help=", ".join(IMPORT_KINDS))
    imp.add_argument("file", help=_("the .xlsx workbook"))
    imp.add_argument("--dry-run", action="store_true", help=_("check the rows without writing anything"))
    imp.add_argument("--branch", help=_("branch code for rows that name no branch"))
    imp.add_argument("--sheet", help=_("the sheet to read (default: the first with a column of names)"))
    imp.add_argument("--errors", metavar="FILE.xlsx", help=_("write the refused rows and their problems to FILE"))
    imp.add_argument("--progress", action="store_true",
                     help=_("print how far the work has got (shown anyway when the output is a terminal)"))

    exp = sub.add_parser("export", parents=[common], help=_("export to an Excel workbook"))
    exp.add_argument("kind", help=", ".join(EXPORT_KINDS))
    exp.add_argument("-o", "--output", required=True, help=_("the .xlsx workbook to write"))
    exp.add_argument("--branch", help=_("branch code (default: every branch)"))
    exp.add_argument("--year", type=int, help=_("meetings (or Party fees) of this year only; the year graded"))
    exp.add_argument("--progress", action="store_true",
                     help=_("print how far the work has got (shown anyway when the output is a terminal)"))

    bak = sub.add_parser("backup", parents=[common], help=_("back up the database"))
    bak.add_argument("-o", "--output", help=_("backup file (default: the backup folder)"))

    res = sub.add_parser("restore", parents=[common], help=_("replace the database with a backup"))
    res.add_argument("file", help=_("the backup file"))
    res.add_argument("--without-password", action="store_true",
                     help=_("a backup made before the database had a password: restore it without one (by "
                            "default the restored data keeps the database's password)"))

    sub.add_parser("check", parents=[common], help=_("check the database: integrity, schema version and audit trail"))

    rep = sub.add_parser("repair", parents=[common],
                         help=_("re-anchor the audit trail after “check” found it altered (committee staff)"))
    rep.add_argument("--by", required=True, help=_("your name and position, recorded in the trail"))
    rep.add_argument("--reason", required=True, help=_("why the trail is repaired, recorded in the trail"))
    return parser


def language_of(argv: list[str]) -> str:
    """The --lang of *argv* (read before parsing, so that argparse's messages are in it too), else the
    system's language."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return i18n.system_language()
