"""One user's research and chat lists through HTTP as the user grows: ms per page of 20, first and middle page."""
import http.client
import itertools
import threading
import time

from vault_client import Client, HttpError, login, median, progress, stats

PAGE_SIZE = 20
LISTS = (("research", "/api/v1/research"), ("chat", "/api/v1/chats"))


class Seeder:
    """Grows one user's research and chats with concurrent keep-alive connections; counts POSTs and time."""

    def __init__(self, base, token, connections):
        self.base, self.token, self.connections = base, token, connections
        self.rows = 0
        self.posts = 0
        self.retries = 0
        self.seconds = 0.0

    def grow_to(self, target):
        """Adds research and chats until the user has target of each."""
        counter = itertools.count(self.rows)  # shared by the threads: next() on it is atomic under the GIL
        failures = []
        threads = [threading.Thread(target=self._worker, args=(counter, target, failures))
                   for _ in range(self.connections)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        if failures:
            raise failures[0]
        added = 2 * (target - self.rows)
        progress("growth: %d → %d rows of each in %.1f s (%.0f POST/s)" % (self.rows, target, elapsed, added / elapsed))
        self.posts += added
        self.seconds += elapsed
        self.rows = target

    def _worker(self, counter, target, failures):
        client = Client(self.base, self.token)
        try:
            for i in counter:
                if i >= target or failures:
                    break
                self._post(client, "/api/v1/research", {"query": "growth question %d" % i, "mode": "quick"})
                self._post(client, "/api/v1/chats", {"title": "growth chat %d" % i})
        except Exception as failure:  # handed to grow_to, which raises it
            failures.append(failure)
        finally:
            client.close()

    def _post(self, client, path, payload):
        for attempt in range(3):
            try:
                client.call("POST", path, payload, expect=(201,))
                return
            except (HttpError, OSError, http.client.HTTPException) as failure:
                # A 4xx other than 429 is a bug of this script: only transient failures are retried (and counted).
                if attempt == 2 or (isinstance(failure, HttpError) and failure.status < 500 and failure.status != 429):
                    raise
                self.retries += 1
                client.close()


def list_millis(client, path, samples, warmups=20):
    """Milliseconds per GET of path on one keep-alive connection, after unrecorded warm-ups."""
    millis = []
    for i in range(-warmups, samples):
        start = time.perf_counter()
        answer = client.send("GET", path)
        text = answer.read()
        elapsed = time.perf_counter() - start
        if answer.status != 200:
            raise HttpError("GET", path, answer.status, text)
        if i >= 0:
            millis.append(elapsed * 1000)
    return millis


def check_total(client, path, expected):
    total = client.call("GET", path + "?page=0&size=1")["total"]
    if total != expected:
        raise RuntimeError("%s has %d rows, expected %d" % (path, total, expected))


def growth(base, sizes, samples, connections):
    """Table rows, the curve [(rows, {list: (first ms, middle ms)})] and the seeder with its counts."""
    token = login(base, "bench-files-growth")
    seeder = Seeder(base, token, connections)
    client = Client(base, token)
    rows, curve = [], []
    for target in sizes:
        seeder.grow_to(target)
        middle = target // 2 // PAGE_SIZE
        point = {}
        for name, path in LISTS:
            check_total(client, path, target)
            first = list_millis(client, "%s?page=0&size=%d" % (path, PAGE_SIZE), samples)
            mid = list_millis(client, "%s?page=%d&size=%d" % (path, middle, PAGE_SIZE), samples)
            cursor = middle_cursor(client, path, middle, target)
            by_cursor = list_millis(client, "%s?size=%d&after=%s" % (path, PAGE_SIZE, cursor), samples)
            point[name] = (median(first), median(mid), median(by_cursor))
            rows.append("| http-growth | %s list at %s rows: first page \\| middle page (page %d) \\| same page by"
                        " cursor, ms | %s \\| %s \\| %s | flat | see curve |"
                        % (name, format(target, ","), middle, stats(first, "%.2f"), stats(mid, "%.2f"),
                           stats(by_cursor, "%.2f")))
        curve.append((target, point))
        progress("growth: measured at %d rows" % target)
    client.close()
    return rows, curve, seeder


def middle_cursor(client, path, middle, target):
    """The cursor of the middle page: the `next` of the page before it (read once, not timed). A list shorter
    than two pages has no page before its middle: then the cursor after its first half."""
    if middle == 0:
        answer = client.call("GET", "%s?page=0&size=%d" % (path, max(1, target // 2)))
    else:
        answer = client.call("GET", "%s?page=%d&size=%d" % (path, middle - 1, PAGE_SIZE))
    if not answer.get("next"):
        raise RuntimeError("no cursor after the first half of %s" % path)
    return answer["next"]


def curve_table(curve):
    lines = ["Growth through HTTP (median ms per list request of 20, first page | middle page by number |"
             " same page by cursor):", "", "| rows | research | chats |", "|---|---|---|"]
    for target, point in curve:
        lines.append("| %s | %.2f \\| %.2f \\| %.2f | %.2f \\| %.2f \\| %.2f |"
                     % (format(target, ","), *point["research"], *point["chat"]))
    return lines
