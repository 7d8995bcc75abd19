"""Export and import of one large vault through HTTP (docs/benchmarks.md, "export and import").

Usage: transfer.py BASE WORK GC_LOG RESEARCH MESSAGES FILE_MIB
Seeds one user with RESEARCH research, MESSAGES messages (chats of 100) and FILE_MIB MiB of random files (16 MiB
each, multipart), then times GET /api/v1/export streamed to a file and POST /api/v1/import of that file into a
fresh user, and reads the server's GC log: the largest heap after a collection during each phase is an upper
bound of what the phase kept alive. Prints Markdown table rows.
"""
import os
import re
import sys
import threading
import time
import uuid

from vault_client import Client, login, progress

FILE_BYTES = 16 * 1024 * 1024


def parallel(count, connections, work):
    """Runs work(client_index, i) for i in range(count) on `connections` threads."""
    counter = iter(range(count))
    lock = threading.Lock()
    failures = []

    def worker(index):
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            try:
                work(index, i)
            except Exception as failure:  # reported after the join
                failures.append(failure)
                return

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0]


def seed(base, token, research, messages, file_mib):
    clients = [Client(base, token) for _ in range(4)]
    started = time.time()
    parallel(research, 4, lambda c, i: clients[c].call("POST", "/api/v1/research",
                                                        {"query": "research number %d about transfer" % i, "mode": "quick"}))
    chats = [clients[0].call("POST", "/api/v1/chats", {"title": "chat %d" % n})["id"] for n in range((messages + 99) // 100)]
    parallel(messages, 4, lambda c, i: clients[c].call("POST", "/api/v1/chats/%s/messages" % chats[i // 100],
                                                       {"role": "user" if i % 2 else "assistant",
                                                        "content": "message %d: %s" % (i, "words of a chat " * 8)}))
    files = file_mib * 1024 * 1024 // FILE_BYTES
    for i in range(files):
        boundary = "----bench" + uuid.uuid4().hex
        data = os.urandom(FILE_BYTES)
        body = b"".join([("--%s\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nuser\r\n" % boundary).encode(),
                         ("--%s\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nfile %d\r\n" % (boundary, i)).encode(),
                         ("--%s\r\nContent-Disposition: form-data; name=\"files\"; filename=\"f%d.bin\"\r\n"
                          "Content-Type: application/octet-stream\r\n\r\n" % (boundary, i)).encode(), data,
                         ("\r\n--%s--\r\n" % boundary).encode()])
        answer = clients[0].send("POST", "/api/v1/chats/%s/messages" % chats[0], body,
                                 "multipart/form-data; boundary=" + boundary)
        answer.read()
        assert answer.status == 201, answer.status
    progress("seeded %d research, %d messages, %d files in %.0f s" % (research, messages, files, time.time() - started))
    return files


def gc_peak(gc_log, start_offset):
    """The largest heap after a collection (MiB) in the GC log from byte start_offset on."""
    with open(gc_log, "rb") as log:
        log.seek(start_offset)
        text = log.read().decode("utf-8", "replace")
    after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(\d+M\)", text)]
    before = [int(m.group(1)) for m in re.finditer(r"\) (\d+)M->", text)]
    return (max(after) if after else 0), (max(before) if before else 0), len(after)


def export(base, token, path):
    client = Client(base, token)
    answer = client.send("GET", "/api/v1/export")
    assert answer.status == 200, answer.status
    size = 0
    with open(path, "wb") as out:
        while True:
            chunk = answer.read(1024 * 1024)
            if not chunk:
                break
            out.write(chunk)
            size += len(chunk)
    return size


def import_into(base, token, path):
    client = Client(base, token)
    with open(path, "rb") as body:
        client.connection.request("POST", "/api/v1/import", body=body,
                                  headers={"Authorization": "Bearer " + token, "Content-Type": "application/zip",
                                           "Content-Length": str(os.path.getsize(path))})
        answer = client.connection.getresponse()
        text = answer.read()
    assert answer.status == 200, (answer.status, text[:200])


def main():
    base, work, gc_log = sys.argv[1:4]
    research, messages, file_mib = (int(a) for a in sys.argv[4:7])
    token = login(base, "exporter-" + uuid.uuid4().hex[:8])
    seed(base, token, research, messages, file_mib)
    archive = os.path.join(work, "export.zip")
    label = "%d research, %d messages, %d MiB files" % (research, messages, file_mib)

    offset = os.path.getsize(gc_log)
    started = time.time()
    size = export(base, token, archive)
    seconds = time.time() - started
    after, before, collections = gc_peak(gc_log, offset)
    print("| export | %s | %.0f MB in %.1f s = %.1f MB/s | heap after GC ≤ %d MiB, before GC ≤ %d MiB (%d GCs) |"
          % (label, size / 1e6, seconds, size / 1e6 / seconds, after, before, collections))

    importer = login(base, "importer-" + uuid.uuid4().hex[:8])
    offset = os.path.getsize(gc_log)
    started = time.time()
    import_into(base, importer, archive)
    seconds = time.time() - started
    after, before, collections = gc_peak(gc_log, offset)
    print("| import | %s | %.0f MB in %.1f s = %.1f MB/s | heap after GC ≤ %d MiB, before GC ≤ %d MiB (%d GCs) |"
          % (label, size / 1e6, seconds, size / 1e6 / seconds, after, before, collections))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
