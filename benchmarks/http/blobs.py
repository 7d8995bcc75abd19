"""Message files through HTTP against a plain file: MB/s of uploads (multipart) and downloads, per sample pair."""
import json
import os
import shutil
import subprocess
import time

from vault_client import Client, HttpError, login, progress, stats

MB = 1_000_000.0
GOAL = "port ≥ 150 MB/s (HTTP: reported)"
BOUNDARY = "rv-bench-boundary-7f3a9c"
MEASURES = ("up", "file_write", "down", "file_read", "up_cpu", "down_cpu")


def blob_rows(base, work, samples):
    """Table rows for 1 MiB and 10 MiB: upload, download, and the curl cross-check."""
    client = Client(base, login(base, "bench-files-blobs"))
    chat_id = client.call("POST", "/api/v1/chats", {"title": "benchmark files"})["id"]
    rows = []
    for mib in (1, 10):
        plain = os.path.join(work, "plain-%d" % mib)
        measured, message_id = measure(client, chat_id, mib * 1024 * 1024, plain, samples)
        rows.append(row("%d MiB upload (multipart message), HTTP \\| plain file (fsync)" % mib, mib,
                        measured["up"], measured["file_write"], measured["up_cpu"]))
        rows.append(row("%d MiB download (GET file), HTTP \\| plain file" % mib, mib,
                        measured["down"], measured["file_read"], measured["down_cpu"]))
        rows += curl_cross_check(base, client.token, chat_id, message_id, plain, mib)
        progress("blobs: %d MiB done" % mib)
    client.close()
    return rows


def measure(client, chat_id, size, plain, samples):
    """Seconds (and client CPU shares) per sample, HTTP and plain file alternating, after two warm-ups."""
    data = os.urandom(size)
    body = multipart_body(data)
    buffer = bytearray(size)
    measured = {name: [] for name in MEASURES}
    for i in range(-2, samples):
        up, up_cpu, message_id = upload(client, chat_id, body, size)
        file_write = write_synced(plain, data)
        down, down_cpu = download(client, message_id, buffer)
        file_read = read_plain(plain, buffer)
        if i == -2 and buffer != data:
            raise RuntimeError("downloaded bytes differ from the uploaded ones")
        if i >= 0:
            for name, value in zip(MEASURES, (up, file_write, down, file_read, up_cpu / up, down_cpu / down)):
                measured[name].append(value)
    return measured, message_id


def multipart_body(data):
    """A message with one file part, built once: the timed requests only send it."""
    head = ("--{b}\r\nContent-Disposition: form-data; name=\"role\"\r\n\r\nuser\r\n"
            "--{b}\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\nbenchmark file\r\n"
            "--{b}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"bench.bin\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").format(b=BOUNDARY).encode()
    return head + data + "\r\n--{b}--\r\n".format(b=BOUNDARY).encode()


def upload(client, chat_id, body, size):
    """Posts the message; returns (seconds, client CPU seconds, message id)."""
    start, cpu = time.perf_counter(), time.thread_time()
    answer = client.send("POST", "/api/v1/chats/%s/messages" % chat_id, body,
                         "multipart/form-data; boundary=" + BOUNDARY)
    text = answer.read()
    elapsed, cpu_used = time.perf_counter() - start, time.thread_time() - cpu
    if answer.status != 201:
        raise HttpError("POST", "/api/v1/chats/{id}/messages", answer.status, text)
    message = json.loads(text)
    if message["files"][0]["size"] != size:
        raise RuntimeError("stored file has %d bytes, sent %d" % (message["files"][0]["size"], size))
    return elapsed, cpu_used, message["id"]


def download(client, message_id, buffer):
    """GETs the file into buffer; returns (seconds, client CPU seconds)."""
    start, cpu = time.perf_counter(), time.thread_time()
    answer = client.send("GET", "/api/v1/messages/%s/files/0" % message_id)
    if answer.status != 200:
        raise HttpError("GET", "/api/v1/messages/{id}/files/0", answer.status, answer.read())
    received = fill(answer, buffer)
    rest = answer.read()  # empty when the length matched; keeps the connection reusable otherwise
    elapsed, cpu_used = time.perf_counter() - start, time.thread_time() - cpu
    if received != len(buffer) or rest:
        raise RuntimeError("downloaded %d bytes, expected %d" % (received + len(rest), len(buffer)))
    return elapsed, cpu_used


def fill(source, buffer):
    """Reads from source into buffer until it is full or the source ends; returns the bytes read."""
    view, received = memoryview(buffer), 0
    while received < len(buffer):
        count = source.readinto(view[received:])
        if not count:
            break
        received += count
    return received


def write_synced(path, data):
    start = time.perf_counter()
    with open(path, "wb", buffering=0) as file:
        file.write(data)
        os.fsync(file.fileno())
    return time.perf_counter() - start


def read_plain(path, buffer):
    start = time.perf_counter()
    with open(path, "rb", buffering=0) as file:
        received = fill(file, buffer)
    elapsed = time.perf_counter() - start
    if received != len(buffer):
        raise RuntimeError("plain file read %d bytes, expected %d" % (received, len(buffer)))
    return elapsed


def curl_cross_check(base, token, chat_id, message_id, plain, mib, samples=5):
    """The same upload and download with curl: a second client, so a slow Python client would show."""
    if shutil.which("curl") is None:
        return []
    auth = ["-H", "Authorization: Bearer " + token]
    # "Expect:" switches off curl's 100-continue round trip, which the Python client does not make either.
    up = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "-H", "Expect:", *auth,
          "-F", "role=user", "-F", "content=benchmark file", "-F",
          "files=@%s;filename=bench.bin;type=application/octet-stream" % plain,
          "%s/api/v1/chats/%s/messages" % (base, chat_id)]
    down = ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", *auth,
            "%s/api/v1/messages/%s/files/0" % (base, message_id)]
    rates = {"up": [], "down": []}
    for i in range(-1, samples):
        for name, command, status in (("up", up, "201"), ("down", down, "200")):
            code, seconds = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
            if code != status:
                raise RuntimeError("curl %s of %d MiB answered %s" % (name, mib, code))
            if i >= 0:
                rates[name].append(mib * 1024 * 1024 / MB / float(seconds))
    return ["| http-blobs | %d MiB with curl (cross-check of the Python client): upload \\| download MB/s | %s \\| %s"
            " | %s | — |" % (mib, stats(rates["up"], "%.0f"), stats(rates["down"], "%.0f"), GOAL)]


def row(what, mib, http_seconds, file_seconds, cpu_shares):
    size = mib * 1024 * 1024
    http_rates = [size / MB / s for s in http_seconds]
    file_rates = [size / MB / s for s in file_seconds]
    ratios = [h / f for h, f in zip(http_seconds, file_seconds)]  # HTTP time / plain time = plain MB/s / HTTP MB/s
    return "| http-blobs | %s MB/s; plain/HTTP time ratio; client CPU %% of request time | %s \\| %s; %s; %s | %s | — |" % (
        what, stats(http_rates, "%.0f"), stats(file_rates, "%.0f"), stats(ratios, "%.2f×"),
        stats([100 * share for share in cpu_shares], "%.0f%%"), GOAL)
