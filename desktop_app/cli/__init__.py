"""The command line (design.md §4): the desktop app when no command is given, else a headless command.

Every command prints one short summary line and exits 0 on success; bad input prints a clear,
translated message and exits non-zero. No traceback reaches the user: unexpected errors go to the
log file and the user gets the log's path. Only the parser is imported to start the app; a command's
module is imported when it runs.
"""

from __future__ import annotations

import sys

from desktop_app import i18n
from desktop_app.cli.parser import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_USAGE,
    REPORT_KINDS,
    UsageError,
    build_parser,
    err,
    language_of,
)
from desktop_app.i18n import _

__all__ = ["REPORT_KINDS", "UsageError", "build_parser", "explain", "main"]

# command → (module, function), imported when the command runs
COMMANDS = {
    "demo": ("commands", "cmd_demo"),
    "check": ("commands", "cmd_check"),
    "repair": ("commands", "cmd_repair"),
    "backup": ("commands", "cmd_backup"),
    "restore": ("commands", "cmd_restore"),
    "report": ("commands", "cmd_report"),
    "quota": ("commands", "cmd_quota"),
    "import": ("exchange", "cmd_import"),
    "export": ("exchange", "cmd_export"),
}


def explain(exc: BaseException) -> str | None:
    """The message the command line gives for *exc*; None for a bug (see cli.guards)."""
    from desktop_app.cli.guards import explain as explain_failure

    return explain_failure(exc)


def _command(name: str):
    import importlib

    module, function = COMMANDS[name]
    return getattr(importlib.import_module(f"desktop_app.cli.{module}"), function)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = language_of(argv)
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
        from desktop_app.cli.guards import refuse_damaged, writer_lock

        logsetup.configure()
        with writer_lock(args):
            sound = refuse_damaged(args)
            code = _command(args.command)(args)
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
        message = explain(exc)
        if message is not None:
            err(message)
            return EXIT_USAGE if isinstance(exc, UsageError) else EXIT_ERROR
        from desktop_app.cli.guards import log_unexpected

        logfile = log_unexpected(exc)
        err(_("An unexpected error occurred; details were written to {path}.").format(path=logfile))
        return EXIT_ERROR
    finally:
        from desktop_app.store import db

        db.close()
