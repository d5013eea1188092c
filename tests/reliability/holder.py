"""Holds the lock of a database until its standard input closes (run by the lock tests)."""

import sys

from desktop_app.store import lock

held = lock.acquire(sys.argv[1], program="lock-holder")
print("locked", flush=True)
sys.stdin.read()
held.release()
print("released", flush=True)
