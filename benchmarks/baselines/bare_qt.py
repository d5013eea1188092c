"""Baseline: a bare PySide6 QMainWindow start, printing 'ready in N ms' like the app's --exit-when-ready.

The time is counted the same way as the app counts it: from the moment the operating system started
the process (interpreter start-up included), read from /proc on Linux.
"""

import time

START = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402


def process_age_ms() -> float:
    try:
        with open("/proc/self/stat") as fh:
            start_ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000
    except (OSError, ValueError, IndexError, AttributeError):  # not Linux: from this script's start
        return (time.perf_counter() - START) * 1000


app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("ready"))
window.resize(1366, 768)
window.show()
app.processEvents()
print(f"ready in {process_age_ms():.0f} ms", flush=True)
