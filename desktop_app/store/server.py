"""A database on a PostgreSQL server: its address, the connection, and the failures a user can act on.

An address is written ``postgresql://user@host:port/dbname``. The password is never part of what is kept:
it comes from the address typed on the command line, from libpq's own ``PGPASSWORD`` or password file, or
from the window's question, and lives only in this process (``remember``). Addresses are parsed before
paths, so ``postgresql://…`` is never taken for a file name.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 8  # seconds: an unreachable server is reported, not waited on forever

_passwords: dict[str, str] = {}


class ServerError(Exception):
    """A server database cannot be used; ``address`` names it, ``detail`` is the driver's own words."""

    def __init__(self, address: ServerAddress, detail: str = ""):
        super().__init__(f"{address}: {detail}" if detail else str(address))
        self.address = address
        self.detail = detail


class ServerUnavailableError(ServerError):
    """The server cannot be reached (wrong host or port, server stopped, network down)."""


class ServerPasswordError(ServerError):
    """The server refused the user name or password (or needs a password none was given for)."""


class ServerDatabaseMissingError(ServerError):
    """The server has no database of that name."""


class BadAddressError(ValueError):
    """Text that starts like a server address but is not a usable one."""


@dataclass(frozen=True)
class ServerAddress:
    """Where a server database is: never a password."""

    host: str
    dbname: str
    user: str = ""
    port: int = DEFAULT_PORT

    @property
    def url(self) -> str:
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"postgresql://{user}{host}:{self.port}/{quote(self.dbname, safe='')}"

    # A few of the names a file path has, so that titles, logs and backup names read well.
    @property
    def name(self) -> str:
        return f"{self.dbname} @ {self.host}"

    @property
    def stem(self) -> str:
        return self.dbname

    def __str__(self) -> str:
        return self.url

    def login(self) -> str:
        """The user name the server is asked for: the one written, else the operating system's login."""
        if self.user:
            return self.user
        try:
            return getpass.getuser()
        except Exception:  # no login name known: libpq will say so
            return ""


def is_address(text: object) -> bool:
    """True when *text* is written as a server address (whether or not it is a valid one)."""
    if not isinstance(text, str):
        return False
    head = text.strip().split(":", 1)[0].lower()
    return head in SCHEMES and "://" in text


def parse(text: str) -> tuple[ServerAddress, str | None]:
    """The address written in *text* and the password it carries (None when it has none).

    Raises BadAddressError when *text* is not ``postgresql://[user[:password]@]host[:port]/dbname``."""
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as exc:
        raise BadAddressError(str(exc)) from None
    if parts.scheme.lower() not in SCHEMES:
        raise BadAddressError("not a postgresql:// address")
    dbname = unquote(parts.path.lstrip("/"))
    if not parts.hostname or not dbname or "/" in dbname or parts.query or parts.fragment:
        raise BadAddressError("an address names a host and a database: postgresql://user@host:port/dbname")
    address = ServerAddress(host=parts.hostname, dbname=dbname, user=unquote(parts.username or ""),
                            port=port or DEFAULT_PORT)
    password = unquote(parts.password) if parts.password is not None else None
    return address, password


def remember(address: ServerAddress, password: str | None) -> None:
    """Keep *password* for *address* in this process only (never written anywhere)."""
    if password:
        _passwords[address.url] = password
    else:
        _passwords.pop(address.url, None)


def password_for(address: ServerAddress) -> str | None:
    return _passwords.get(address.url)


def connect_params(address: ServerAddress) -> dict:
    """What psycopg is given: libpq still reads PGPASSWORD and the password file when no password is known."""
    # Dates travel as ISO text whatever the server's own setting (hand-written SQL compares them as text).
    params = {"host": address.host, "port": address.port, "dbname": address.dbname,
              "connect_timeout": CONNECT_TIMEOUT, "application_name": "sochibo",
              "options": "-c DateStyle=ISO,YMD"}
    user = address.login()
    if user:
        params["user"] = user
    password = password_for(address)
    if password:
        params["password"] = password
    return params


def classify(address: ServerAddress, exc: BaseException) -> ServerError:
    """The failure a user can act on behind a driver's connection error."""
    detail = str(exc).strip()
    text = detail.lower()
    if "password" in text or "authentication" in text or "role" in text and "does not exist" in text:
        return ServerPasswordError(address, detail)
    if "database" in text and "does not exist" in text:
        return ServerDatabaseMissingError(address, detail)
    return ServerUnavailableError(address, detail)


def database(address: ServerAddress):
    """A connected peewee PostgresqlDatabase on *address* (psycopg 3, every statement its own transaction
    unless in ``atomic``). Raises one of the ServerError kinds when it cannot connect."""
    import psycopg
    from peewee import OperationalError, PostgresqlDatabase

    real = PostgresqlDatabase(address.dbname, prefer_psycopg3=True, autoconnect=True,
                              **{k: v for k, v in connect_params(address).items() if k != "dbname"})
    real.server_address = address
    try:
        real.connect()
    except (psycopg.OperationalError, OperationalError) as exc:
        raise classify(address, exc) from None
    return real


def raw_connection(address: ServerAddress, *, autocommit: bool = True):
    """A psycopg connection of its own (for copying whole tables, outside the models' connection)."""
    import psycopg

    try:
        return psycopg.connect(autocommit=autocommit, **connect_params(address))
    except psycopg.OperationalError as exc:
        raise classify(address, exc) from None


def integrity_problems(db) -> list[str]:
    """The server's counterpart of SQLite's integrity and foreign-key checks, as far as a client can go:
    every table is read through (a damaged table fails to read), and every constraint must be validated
    (the server enforces validated foreign keys on every write, so there is nothing more to check row by
    row). Page-level checks are the server's own (data checksums, amcheck) and need its administrator."""
    problems = []
    for table in db.get_tables():
        try:
            db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()
        except Exception as exc:  # the driver's own words go to the report
            problems.append(f"{table}: {exc}")
    rows = db.execute_sql(
        "SELECT conrelid::regclass::text, conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = current_schema() AND NOT c.convalidated").fetchall()
    problems.extend(f"constraint {name} on {table} is not validated" for table, name in rows)
    return problems
