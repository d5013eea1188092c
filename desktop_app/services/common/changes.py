"""What a write changed, said by the write itself: the kinds of data its transaction touched.

Each transaction notes the tables its writes touch (store.writes); when the outermost one commits, ``tx.atomic``
hands them here and each is named by its kind below. Whoever subscribed (the window's context) hears the kinds at
once, on the thread that committed, so every view can refresh itself from the facts: no caller has to know or
announce what a service changed.

A new model needs one line in ``KIND_OF_TABLE`` (a test fails until it has one); a new write needs nothing.
Pure Python: the window imports this module before the data layer is loaded.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterable
from types import MethodType

# The kinds of data, as views watch them.
PEOPLE = "person"
BRANCHES = "branch"
SPONSORSHIPS = "sponsorship"
MEETINGS = "meeting"
QUOTAS = "quota"
DOSSIER = "dossier"
SETTINGS = "settings"
ORGANISATION = "organisation"
DOCUMENTS = "document"  # document numbers taken
FEES = "fee"  # members' fee bases, exemptions and reductions, and the fee ledger
GRADING = "grading"  # the annual grading of members and branches
DISCIPLINE = "discipline"  # members' disciplinary records
BADGES = "badge"  # Party badges awarded
AUDIT = "audit"  # the audit trail: every write, print and export adds to it
EVERYTHING = "*"  # not written by a transaction: another database file is open, every view starts over

KIND_OF_TABLE: dict[str, str] = {
    "organisation": ORGANISATION,
    "branch": BRANCHES,
    "branch_fts": BRANCHES,
    "person": PEOPLE,
    "person_fts": PEOPLE,
    "stageevent": PEOPLE,  # a person's steps in the pipeline
    "membershipevent": PEOPLE,  # a person's dated membership of the branches
    "award": PEOPLE,  # a member's awards, part of the record
    "residencecomment": PEOPLE,  # the residence branch's yearly comment on a member
    "dossieritem": DOSSIER,
    "sponsorship": SPONSORSHIPS,
    "meeting": MEETINGS,
    "attendance": MEETINGS,
    "decision": MEETINGS,
    "progressnote": MEETINGS,  # a helper's report, heard at a meeting
    "actionitem": MEETINGS,
    "quota": QUOTAS,
    "memberfeebasis": FEES,
    "feerelief": FEES,
    "feepayment": FEES,
    "documentcounter": DOCUMENTS,
    "issueddocument": DOCUMENTS,  # the register of issued documents
    "auditentry": AUDIT,
    "setting": SETTINGS,
    "disciplinerecord": DISCIPLINE,
    "gradinground": GRADING,
    "branchgrading": GRADING,
    "membergrade": GRADING,
    "gradecorrection": GRADING,
    "partybadge": BADGES,
}

Listener = Callable[[frozenset[str]], object]
_listeners: list[Callable[[], Listener | None]] = []
_lock = threading.Lock()


def kinds_of(tables: Iterable[str]) -> frozenset[str]:
    """The kinds of data the *tables* hold (a table not listed counts as a kind of its own)."""
    return frozenset(KIND_OF_TABLE.get(table, table) for table in tables)


def subscribe(listener: Listener) -> None:
    """Call *listener(kinds)* after every transaction that changed something, on the thread that committed it.
    A bound method is held weakly: subscribing does not keep its object alive."""
    ref: Callable[[], Listener | None]
    if isinstance(listener, MethodType):
        ref = weakref.WeakMethod(listener)
    else:
        def ref(listener: Listener = listener) -> Listener:
            return listener
    with _lock:
        _listeners.append(ref)


def unsubscribe(listener: Listener) -> None:
    with _lock:
        _listeners[:] = [ref for ref in _listeners if ref() not in (None, listener)]


def committed(tables: Iterable[str]) -> None:
    """A transaction that wrote to *tables* has committed: tell every listener what kinds of data changed."""
    kinds = kinds_of(tables)
    if not kinds:
        return
    with _lock:
        alive = [listener for listener in (ref() for ref in _listeners) if listener is not None]
        _listeners[:] = [ref for ref in _listeners if ref() is not None]
    for listener in alive:
        listener(kinds)
