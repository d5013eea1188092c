"""Every command on a server database (``--db postgresql://…``), and the failures a user can meet there: a
wrong password, an unreachable server, a missing database, a mistyped address. Never a traceback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from desktop_app.cli import main

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.server_only


def _run(*args, home):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SOCHIBO_HOME=str(home))
    env.pop("PGPASSWORD", None)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=300)


def _with(url: str, **parts) -> str:
    split = urlsplit(url)
    user = parts.get("user", split.username or "")
    password = parts.get("password", split.password)
    host = parts.get("host", split.hostname)
    port = parts.get("port", split.port)
    netloc = f"{user}{':' + password if password else ''}@{host}:{port}"
    return urlunsplit(split._replace(netloc=netloc, path=parts.get("path", split.path)))


def test_every_command_works_on_a_server(empty_location, postgres_server, tmp_path, capsys):
    url = empty_location
    assert main(["demo", "--db", url, "--scale", "branch"]) == 0
    assert main(["--lang", "en", "check", "--db", url]) == 0
    assert "healthy (schema version" in capsys.readouterr().out
    with psycopg.connect(url) as conn:
        code = conn.execute("SELECT code FROM branch ORDER BY code LIMIT 1").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    assert main(["report", "monthly", "--db", url, "--branch", code, "--month", "2026-10", "--draft",
                 "-o", str(tmp_path / "monthly.pdf")]) == 0
    assert main(["report", "quota", "--db", url, "--year", "2026", "--draft", "-o", str(tmp_path / "quota.pdf")]) == 0
    assert main(["export", "members", "--db", url, "-o", str(tmp_path / "members.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "import", "members", "--db", url, str(tmp_path / "members.xlsx"),
                 "--dry-run"]) in (0, 1)  # the members are there already: refused as duplicates, or not
    assert capsys.readouterr().out.startswith("Dry run, nothing written")
    assert main(["backup", "--db", url, "-o", str(tmp_path / "office.sqlite3")]) == 0
    assert main(["check", "--db", str(tmp_path / "office.sqlite3")]) == 0
    other = postgres_server.new_database("cli_restore")
    assert main(["restore", "--db", other, str(tmp_path / "office.sqlite3")]) == 0
    with psycopg.connect(other) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == people
    assert main(["check", "--db", other]) == 0
    capsys.readouterr()
    assert main(["--lang", "en", "restore", "--db", url, str(tmp_path / "office.sqlite3")]) != 0
    assert "already holds data" in capsys.readouterr().err
    for path in ("monthly.pdf", "quota.pdf", "members.xlsx"):
        assert (tmp_path / path).stat().st_size > 0
    assert not Path("postgresql:").exists()


def test_a_wrong_password_gets_a_clear_message(engine, postgres_server, tmp_path):
    with psycopg.connect(postgres_server.admin_url) as conn:
        methods = {m for (m,) in conn.execute("SELECT auth_method FROM pg_hba_file_rules WHERE type = 'host'")}
    assert methods <= {"scram-sha-256", "md5"}, "the test server must ask for passwords on host connections"
    url = _with(postgres_server.main, password="not-the-password")
    for lang, words in (("en", "refused the user"), ("vi", "từ chối")):
        result = _run("--lang", lang, "check", "--db", url, home=tmp_path)
        assert result.returncode == 1, result.stderr
        assert words in result.stderr and "Traceback" not in result.stderr + result.stdout
        assert "not-the-password" not in result.stderr


def test_an_unreachable_server_and_a_missing_database_get_clear_messages(engine, postgres_server, tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _run("--lang", "en", "report", "quota", "--db", _with(postgres_server.main, port=port), "-o",
                  str(tmp_path / "q.pdf"), home=tmp_path)
    assert result.returncode == 1 and "cannot be reached" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    result = _run("--lang", "en", "check", "--db", _with(postgres_server.main, path="/no_such_database"),
                  home=tmp_path)
    assert result.returncode == 1 and "no database named “no_such_database”" in result.stderr
    result = _run("--lang", "en", "check", "--db", "postgresql://host-without-database", home=tmp_path)
    assert result.returncode == 2 and "not a server address" in result.stderr
    assert not (tmp_path / "postgresql:").exists() and not (ROOT / "postgresql:").exists()


def test_check_finds_an_audit_trail_edited_on_the_server(empty_location, capsys):
    url = empty_location
    assert main(["demo", "--db", url, "--scale", "branch"]) == 0
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE auditentry SET actor = 'someone else' WHERE id = (SELECT min(id) FROM auditentry)")
    capsys.readouterr()
    assert main(["--lang", "en", "check", "--db", url]) == 1
    assert "Entry 1 of the audit trail was changed after it was written" in capsys.readouterr().err
