"""Fixed per-request cost of a raw upload: median ms of N sequential 1-byte uploads (POST /api/v1/uploads), against
GET /api/v1/uploads/{id} (same session check and vault scope, one read) and GET /health/live (Micronaut alone), and
10 MiB uploads, on one connection (docs/benchmarks.md, "Reading ahead: uploads and downloads").
Run: python3 benchmarks/experiments/upload_fixed_cost.py BASE_URL [N]   (after start_server)"""
import json, os, sys, time
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "http"))
from vault_client import Client, login, median

base = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 100
client = Client(base, login(base, "bench-fixed"))

def timed(method, path, body=None, kind="application/octet-stream"):
    start = time.perf_counter()
    answer = client.send(method, path, body, kind)
    text = answer.read()
    return (time.perf_counter() - start) * 1000, answer.status, text

upload_id = json.loads(timed("POST", "/api/v1/uploads?name=a", b"x")[2])["uploadId"]
ten = os.urandom(10 * 1024 * 1024)
rows = {"GET /health/live": lambda: timed("GET", "/health/live"),
        "GET /api/v1/uploads/{id}": lambda: timed("GET", "/api/v1/uploads/" + upload_id),
        "POST 1-byte upload": lambda: timed("POST", "/api/v1/uploads?name=a", b"x"),
        "POST 10 MiB upload": lambda: timed("POST", "/api/v1/uploads?name=a", ten)}
for name, call in rows.items():
    for _ in range(5):
        call()  # warm-up
    times = [call()[0] for _ in range(n if "10 MiB" not in name else max(5, n // 10))]
    print("%s: median %.2f ms (min %.2f)" % (name, median(times), min(times)))
