"""Write the fixture database of a schema version, with the program of that version.

    python -m tools.schema_fixture                # written by this checkout (its own schema version)
    python -m tools.schema_fixture --at COMMIT    # written by the program at COMMIT (a temporary git worktree)

The program makes the `branch` demo database (``main.py demo --scale branch --seed 1``, on 21/11/2026 when
faketime is installed); the result is compacted and kept as ``tests/fixtures/schema_v<N>.sqlite3.gz``, N being
the schema version it was written with, and ``tests/fixtures/schema_versions.json`` records which commit wrote it.
tests/store/test_migrations.py opens a copy of each and checks that it upgrades to the current schema with its data.

Add the fixture of a new schema version with the first command, on the branch that adds the migration.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MANIFEST = FIXTURES / "schema_versions.json"
DEMO = ["main.py", "demo", "--scale", "branch", "--seed", "1"]
DAY = "2026-11-21 09:00:00"


def _git(*args: str, cwd: Path = ROOT) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _run_demo(source: Path, target: Path, scratch: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(source), "SOCHIBO_HOME": str(scratch / "home"),
           "QT_QPA_PLATFORM": "offscreen"}
    package = subprocess.run([sys.executable, "-c", "import desktop_app; print(desktop_app.__file__)"], cwd=source,
                             env=env, check=True, capture_output=True, text=True).stdout.strip()
    if not Path(package).resolve().is_relative_to(source.resolve()):
        raise SystemExit(f"the program of {source} is not the one imported ({package})")
    command = [sys.executable, *DEMO, "--db", str(target)]
    if shutil.which("faketime"):
        command = ["faketime", DAY, *command]
    subprocess.run(command, cwd=source, env=env, check=True)


def write_fixture(commit: str | None) -> Path:
    with tempfile.TemporaryDirectory(prefix="schema-fixture-") as tmp:
        scratch = Path(tmp)
        source = ROOT
        if commit:
            source = scratch / "source"
            _git("worktree", "add", "--detach", str(source), commit)
        try:
            written = scratch / "demo.sqlite3"
            _run_demo(source, written, scratch)
            named = _git("log", "-1", "--format=%H %s", commit or "HEAD")
        finally:
            if commit:
                _git("worktree", "remove", "--force", str(source))
        compact = scratch / "compact.sqlite3"
        with sqlite3.connect(written) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("VACUUM INTO ?", (str(compact),))
        FIXTURES.mkdir(parents=True, exist_ok=True)
        target = FIXTURES / f"schema_v{version}.sqlite3.gz"
        with compact.open("rb") as raw, gzip.GzipFile(target, "wb", mtime=0) as packed:
            shutil.copyfileobj(raw, packed)
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8")) if MANIFEST.exists() else {}
    sha, subject = named.split(" ", 1)
    manifest[str(version)] = {"file": target.name, "commit": sha, "subject": subject[:100],
                              "command": " ".join(DEMO) + (f" (faketime '{DAY}')" if shutil.which("faketime") else "")}
    MANIFEST.write_text(json.dumps(dict(sorted(manifest.items(), key=lambda kv: int(kv[0]))), indent=2,
                                   ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", metavar="COMMIT", help="write it with the program at this commit")
    args = parser.parse_args(argv)
    print(write_fixture(args.at).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
