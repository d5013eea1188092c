"""Launcher: ``python main.py [command] …`` (the desktop app when no command is given)."""

import sys

from desktop_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
