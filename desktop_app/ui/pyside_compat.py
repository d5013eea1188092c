"""A guard for PySide6 6.12 on Python 3.11: keep None, True and False alive.

The project pins PySide6 6.11.3, which does not have the fault; the guard stays for an
installation that brings 6.12 anyway, and does nothing on any other version.

PySide6 6.12 is built for Python 3.12 and later, where None, True and False are immortal, so its
bindings return them without taking a reference (every call of a method returning nothing, like
``QLineEdit.setText``, gives one reference of None away). Python 3.11 still counts those
references: after a few thousand such calls None's count reaches zero and the interpreter aborts
("Fatal Python error: none_dealloc"). Giving the three objects a huge head start of references
makes them immortal in practice, as they are on 3.12. Nothing changes on Python 3.12 and later.
"""

from __future__ import annotations

import sys

HEAD_START = 1 << 40  # a trillion calls before the count could run out
_done = False


def _affected_binding() -> bool:
    try:
        import PySide6  # already imported by the app: its version is one attribute away (metadata costs ~20 ms)

        return PySide6.__version__.startswith("6.12.")
    except Exception:  # no version to read: assume the worst
        return True


def protect_singletons() -> bool:
    """Apply the guard once; True when it is in force (or not needed)."""
    global _done
    if _done or sys.version_info >= (3, 12) or not _affected_binding():
        _done = True
        return True
    if hasattr(sys, "gettotalrefcount"):  # a debug build lays PyObject out differently: leave it alone
        return False
    import ctypes  # only here: importing it costs a few milliseconds of every start

    for obj in (None, True, False):
        counter = ctypes.c_ssize_t.from_address(id(obj))  # ob_refcnt is the first field of every object
        if abs(counter.value - sys.getrefcount(obj)) > 1000:  # not the layout expected: leave it alone
            return False
        counter.value += HEAD_START
    _done = True
    return True
