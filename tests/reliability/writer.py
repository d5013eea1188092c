"""Writes people one transaction at a time, printing each committed id (run by the crash tests)."""

import sys

from desktop_app.services.people import people
from desktop_app.store import lock
from desktop_app.store.schema import open_database

path = sys.argv[1]
held = lock.acquire(path, program="crash-writer")
open_database(path)
n = 0
while True:
    n += 1
    person = people.create_person({"full_name": f"Trần Văn Bình {n}", "note": "x" * (n % 7 * 300)})
    if n % 3 == 0:
        people.update_person(person.id, {"phone": f"09{n:08d}", "residence": "Bản Co Muông"})
    print(person.id, flush=True)
