#!/usr/bin/env python3
"""Blobs and list growth through HTTP (docs/benchmarks.md), against a server started by benchmarks/http-files.sh.

Usage: files.py BASE_URL WORK_DIR SERVER_LOG [--quick]

1. Blobs (blobs.py): 1 MiB and 10 MiB uploaded as the file of a chat message (multipart/form-data) and
   downloaded with GET /api/v1/messages/{id}/files/0, alternating sample by sample with writing (with fsync)
   and reading the same bytes as a plain file in WORK_DIR; 15 samples (5 with --quick) after 2 warm-ups. One
   keep-alive connection; the request body is built once and the answer is read into a preallocated
   bytearray. The client's own CPU time per request is reported, and the same upload and download are
   repeated with curl, so that a slow client would show.
2. Growth (growth.py): one user's research list and chat list (first page and middle page of 20) at 10, 1,000
   and 100,000 rows (10,000 with --quick), the user growing from one size to the next; 30 samples (10) per
   point after 20 warm-ups. Seeding uses concurrent keep-alive connections (BENCH_SEED_CONNECTIONS, default 12).

Prints Markdown table rows (with a row on the server log), then the growth curve as a small Markdown table and
one line on seeding. Progress goes to stderr. An unexpected answer stops the script with its status and code.
"""
import os
import re
import sys
import time

from blobs import blob_rows
from growth import curve_table, growth

SLOW_QUERY = re.compile(r"event=query\.slow millis=(\d+)")


def log_row(server_log):
    """Lock errors, slow-query warnings (with the slowest) and any other WARN/ERROR lines of the server log."""
    with open(server_log, errors="replace") as log:
        lines = log.read().splitlines()
    locked = sum(1 for line in lines if "database is locked" in line)
    slow = [int(match.group(1)) for match in map(SLOW_QUERY.search, lines) if match]
    other = sum(1 for line in lines if (" WARN " in line or " ERROR " in line) and not SLOW_QUERY.search(line))
    slow_text = "%d (slowest %d ms)" % (len(slow), max(slow)) if slow else "0"
    verdict = "met" if locked == 0 and other == 0 else "MISSED"
    return ("| http-files | server log: \"database is locked\" \\| slow-query warnings \\| other WARN/ERROR lines"
            " | %d \\| %s \\| %d | 0 \\| reported \\| 0 | %s |" % (locked, slow_text, other, verdict))


def main():
    base, work, server_log = sys.argv[1], sys.argv[2], sys.argv[3]
    quick = "--quick" in sys.argv[4:]
    sizes = (10, 1_000, 10_000) if quick else (10, 1_000, 100_000)
    connections = int(os.environ.get("BENCH_SEED_CONNECTIONS", "12"))
    started = time.perf_counter()

    rows = blob_rows(base, work, 5 if quick else 15)
    growth_rows, curve, seeder = growth(base, sizes, 10 if quick else 30, connections)
    print("\n".join(rows + growth_rows + [log_row(server_log)]))
    print()
    print("\n".join(curve_table(curve)))
    print()
    print("Seeding: one user grown %s research + chats through HTTP, %s POSTs on %d keep-alive connections in %.1f s"
          " (%.0f POST/s), %d retried; files.py took %.0f s."
          % (" → ".join(format(size, ",") for size in sizes), format(seeder.posts, ","), connections,
             seeder.seconds, seeder.posts / seeder.seconds, seeder.retries, time.perf_counter() - started))


if __name__ == "__main__":
    main()
