"""Pure-Python domain code: text handling, calendar and Party rules. No Qt, no database."""
