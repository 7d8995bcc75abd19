"""Where a raw upload's thread spends its time: 200 MiB uploads in a loop while jstack samples the server every
~50 ms; each sample that catches the thread serving POST /api/v1/uploads is put down to waiting for the body,
inserting a chunk (SQLite), hashing, or other. Load-independent in a way MB/s is not: it shows whether receiving
overlaps inserting (docs/benchmarks.md, "Streamed files: reading the body ahead").
Run: python3 benchmarks/experiments/upload_waits.py BASE_URL SERVER_PID [UPLOADS]  (after start_server)"""
import os, subprocess, sys, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "http"))
from vault_client import Client, login

base, pid = sys.argv[1], sys.argv[2]
uploads = int(sys.argv[3]) if len(sys.argv) > 3 else 4
client = Client(base, login(base, "bench-waits"))
data = os.urandom(200 * 1024 * 1024)
client.send("POST", "/api/v1/uploads?name=w.bin", data, "application/octet-stream").read()  # warm-up
done = threading.Event()

def run():
    for _ in range(uploads):
        client.send("POST", "/api/v1/uploads?name=w.bin", data, "application/octet-stream").read()
    done.set()

threading.Thread(target=run).start()
others = {}
counts = {"waiting for the body": 0, "inserting a chunk": 0, "hashing": 0, "other": 0}
while not done.is_set():
    dump = subprocess.run(["jstack", pid], capture_output=True, text=True).stdout
    for thread in dump.split("\n\n"):
        if "UploadController.upload" not in thread:
            continue
        frames = [line.strip() for line in thread.splitlines() if line.strip().startswith("at ")]
        top = "\n".join(frames[:12])
        if "ReadAheadBody.take" in top or "PublisherAsBlocking.take" in top:
            counts["waiting for the body"] += 1
        elif "org.sqlite" in top or "Chunks.insert" in top:
            counts["inserting a chunk"] += 1
        elif "MessageDigest" in top or "BlobDigest" in top or "sun.security" in top:
            counts["hashing"] += 1
        else:
            counts["other"] += 1
            others[frames[0] if frames else "?"] = others.get(frames[0] if frames else "?", 0) + 1
    time.sleep(0.05)
total = sum(counts.values()) or 1
print("; ".join("%s %d (%.0f %%)" % (k, v, 100.0 * v / total) for k, v in counts.items()))
print("other, by top frame: " + "; ".join("%s %d" % kv for kv in sorted(others.items(), key=lambda kv: -kv[1])[:5]))
