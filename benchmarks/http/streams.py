#!/usr/bin/env python3
"""Streamed uploads and downloads through HTTP against the blob port, in one run (benchmarks/http-streaming.sh).

Usage: streams.py BASE_URL SERVER_PID PORT_FIGURES SAMPLES [throughput]

PORT_FIGURES: lines "<MiB> <save MB/s> <read MB/s>" measured by StreamThroughput just before, on the same machine.
1. For 10 MiB and 200 MiB: raw uploads (POST /api/v1/uploads, the body sent from memory), each taken by a message
   (JSON files:[{uploadId}]), and downloads of that file (GET /api/v1/messages/{id}/files/0, read into a
   preallocated buffer): 4 x SAMPLES files of 10 MiB and SAMPLES of 200 MiB kept, then each downloaded (MODE, below);
   first WARM_SMALL cycles of a 1.1 MiB file (two chunks; environment, default 2000), then
   WARMUP unrecorded cycles of each size (default 5): the counts StreamThroughput is given too, so both sides are
   measured warm (one warm-up left a fresh server's JIT compiling during the 10 MiB samples). MB/s (kept: all bytes
   over all time; cycle: medians) and their ratio to the port's figure of the same size, measured the same way.
2. 8 concurrent 200 MiB uploads, then 8 concurrent downloads, each by its own user on its own connection; the
   server's live heap (jcmd GC.class_histogram, which collects first) is read before, during the uploads and
   during the downloads; growth per concurrent transfer = (during - before) / 8.
With "throughput", part 1 only (side-by-side runs of two builds). Prints Markdown table rows. Progress goes to stderr.
"""
import json
import os
import subprocess
import sys
import threading
import time

from blobs import fill
from vault_client import Client, HttpError, login, median, progress, stats

MB = 1_000_000.0
MiB = 1024 * 1024
CONCURRENT = 8
WARMUP = int(os.environ.get("WARMUP", "5"))
# Both sides are warmed alike first (StreamThroughput gets the same two numbers): a server's per-request code runs a
# few times per transfer, so 5 rounds of 10 MiB leave it in the JIT's first tiers (C2 still compiling during the
# samples, 9-16 % of the CPU in perf), while the port's loop is compiled within them.
WARM_SMALL = int(os.environ.get("WARM_SMALL", "2000"))
WARM_SMALL_BYTES = 1100000
# "kept" (default): files uploaded one after another and kept, then downloaded, each side's figure all bytes over all
# time; "cycle": each file uploaded, downloaded and deleted before the next, medians (the figures until stop 18). Why
# kept: blobs.db checkpoints its WAL once it holds 1,000 pages, and in the cycle whether that lands in a timed save or
# in the untimed delete depended on the history of the file (the port's 10 MiB save took 47 ms in one phase and 95 ms
# in the other, same code: docs/benchmarks.md "Streamed files at 10 MiB: what the gap was"); kept files pay each
# its own share either way.
MODE = os.environ.get("MODE", "kept")


def upload(client, data):
    start = time.perf_counter()
    answer = client.send("POST", "/api/v1/uploads?name=bench.bin", data, "application/octet-stream")
    text = answer.read()
    elapsed = time.perf_counter() - start
    if answer.status != 201:
        raise HttpError("POST", "/api/v1/uploads", answer.status, text)
    return elapsed, json.loads(text)["uploadId"]


def attach(client, chat_id, upload_id):
    message = client.call("POST", "/api/v1/chats/%s/messages" % chat_id,
                          {"role": "user", "content": "bench", "files": [{"uploadId": upload_id}]})
    return message["id"]


def download(client, message_id, buffer):
    start = time.perf_counter()
    answer = client.send("GET", "/api/v1/messages/%s/files/0" % message_id)
    if answer.status != 200:
        raise HttpError("GET", "/api/v1/messages/{id}/files/0", answer.status, answer.read())
    received = fill(answer, buffer)
    answer.read()
    if received != len(buffer):
        raise RuntimeError("downloaded %d bytes, expected %d" % (received, len(buffer)))
    return time.perf_counter() - start


def live_heap_mib(pid):
    """The server's live heap: GC.class_histogram runs a full collection first; its Total line sums what is left."""
    out = subprocess.run(["jcmd", str(pid), "GC.class_histogram"], check=True, capture_output=True, text=True).stdout
    total = [line for line in out.splitlines() if line.startswith("Total")][0].split()
    return int(total[2]) / MiB


def cycle(client, chat_id, data, buffer):
    """One upload, taken by a message, downloaded and deleted (untimed): answers the upload's and download's seconds."""
    up, upload_id = upload(client, data)
    message_id = attach(client, chat_id, upload_id)
    down = download(client, message_id, buffer)
    client.call("DELETE", "/api/v1/messages/%s" % message_id)
    return up, down


def warm(client, chat_id):
    """WARM_SMALL cycles of a file of two chunks, so the server's per-request code is compiled (C2) before timing."""
    data = os.urandom(WARM_SMALL_BYTES)
    buffer = bytearray(len(data))
    for _ in range(WARM_SMALL):
        cycle(client, chat_id, data, buffer)
    if WARM_SMALL and buffer != data:
        raise RuntimeError("downloaded bytes differ from the uploaded ones")


def kept(client, chat_id, data, buffer, count):
    """COUNT files uploaded and kept (each taken by a message), then each downloaded; deleted untimed at the end.
    Answers the seconds of each upload and each download."""
    ups, message_ids = [], []
    for _ in range(count):
        up, upload_id = upload(client, data)
        ups.append(up)
        message_ids.append(attach(client, chat_id, upload_id))
    downs = [download(client, message_id, buffer) for message_id in message_ids]
    if buffer != data:
        raise RuntimeError("downloaded bytes differ from the uploaded ones")
    for message_id in message_ids:
        client.call("DELETE", "/api/v1/messages/%s" % message_id)
    return ups, downs


def throughput_rows(base, port, samples):
    client = Client(base, login(base, "bench-streams"))
    chat_id = client.call("POST", "/api/v1/chats", {"title": "streams"})["id"]
    rows = []
    warm(client, chat_id)
    progress("streams: warmed by %d cycles of %d bytes" % (WARM_SMALL, WARM_SMALL_BYTES))
    for mib in (10, 200):
        data = os.urandom(mib * MiB)
        buffer = bytearray(len(data))
        for _ in range(WARMUP):
            cycle(client, chat_id, data, buffer)
        if WARMUP and buffer != data:
            raise RuntimeError("downloaded bytes differ from the uploaded ones")
        if MODE == "kept":
            count = samples * (4 if mib == 10 else 1)
            ups, downs = kept(client, chat_id, data, buffer, count)
            headline = lambda seconds: len(data) * len(seconds) / MB / sum(seconds)  # total bytes / total time
        else:
            ups, downs = [], []
            for _ in range(samples):
                up, down = cycle(client, chat_id, data, buffer)
                ups.append(up)
                downs.append(down)
            headline = lambda seconds: median([len(data) / MB / second for second in seconds])
        port_save, port_read = port[mib]
        for what, seconds, base_rate in (("upload (raw POST /api/v1/uploads)", ups, port_save),
                                         ("download (GET file)", downs, port_read)):
            rate = headline(seconds)
            ratio = rate / base_rate
            rates = [len(data) / MB / second for second in seconds]
            rows.append("| http-streams | %d MiB %s, %s of %d, MB/s \\| port MB/s (same run) \\| ratio | %.0f "
                        "(per file median %s) \\| %.0f \\| %.2f× | ≥ 0.8× | %s |"
                        % (mib, what, "all bytes ÷ all time" if MODE == "kept" else "median", len(seconds), rate,
                           stats(rates, "%.0f"), base_rate, ratio, "met" if ratio >= 0.8 else "MISSED"))
        progress("streams: %d MiB done" % mib)
    client.close()
    return rows


def concurrent_rows(base, pid):
    size = 200 * MiB
    data = os.urandom(size)
    users = []
    for n in range(CONCURRENT):
        client = Client(base, login(base, "bench-concurrent-%d" % n))
        users.append((client, client.call("POST", "/api/v1/chats", {"title": "c"})["id"]))
    before = live_heap_mib(pid)
    message_ids, failures, during = [None] * CONCURRENT, [], []

    def run_all(work):
        threads = [threading.Thread(target=guarded, args=(work, n)) for n in range(CONCURRENT)]
        for thread in threads:
            thread.start()
        time.sleep(1.5)  # all transfers under way
        during.append(live_heap_mib(pid))
        started = time.perf_counter()
        for thread in threads:
            thread.join()
        return time.perf_counter() - started

    def guarded(work, n):
        try:
            work(n)
        except Exception as failure:  # reported below, the run goes on
            failures.append(repr(failure))

    def up(n):
        client, chat_id = users[n]
        message_ids[n] = attach(client, chat_id, upload(client, data)[1])

    def down(n):
        client, _ = users[n]
        download(client, message_ids[n], bytearray(size))

    up_start = time.perf_counter()
    run_all(up)
    up_seconds = time.perf_counter() - up_start
    down_start = time.perf_counter()
    run_all(down)
    down_seconds = time.perf_counter() - down_start
    verdict = "met" if not failures and max(during) - before <= 2 * CONCURRENT else "MISSED"
    return ["| http-streams | %d concurrent 200 MiB uploads, then downloads, server -Xmx256m: failures \\| "
            "total MB/s up \\| down | %d \\| %.0f \\| %.0f | all succeed | %s |"
            % (CONCURRENT, len(failures), CONCURRENT * size / MB / up_seconds, CONCURRENT * size / MB / down_seconds,
               "met" if not failures else "MISSED"),
            "| http-streams | live heap (after a full GC) idle \\| during uploads \\| during downloads; growth per "
            "concurrent transfer | %.1f \\| %.1f \\| %.1f MiB; %.2f \\| %.2f MiB | ≤ 2 MiB | %s |"
            % (before, during[0], during[1], (during[0] - before) / CONCURRENT, (during[1] - before) / CONCURRENT,
               verdict)] + (["failures: " + "; ".join(failures[:3])] if failures else [])


def main():
    base, pid, port_figures, samples = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    port = {}
    for line in port_figures.strip().splitlines():
        mib, save, read = line.split()
        port[int(mib)] = (float(save), float(read))
    rows = throughput_rows(base, port, samples)
    if sys.argv[5:] != ["throughput"]:
        rows += concurrent_rows(base, pid)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
