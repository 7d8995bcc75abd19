"""What the HTTP benchmark scripts share: a keep-alive client with a bearer token, login, and statistics."""
import http.client
import json
import sys
from urllib.parse import urlsplit

PASSWORD = "bench-password-1"


def progress(text):
    print(text, file=sys.stderr, flush=True)


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def stats(values, fmt):
    """'median (min–max)' with the given number format, like Stats.show in the Java benchmarks."""
    if len(values) == 1:
        return fmt % values[0]
    return (fmt + " (" + fmt + "–" + fmt + ")") % (median(values), min(values), max(values))


class HttpError(Exception):
    """An unexpected answer: its status and the problem's error code, never its body."""

    def __init__(self, method, path, status, body):
        code = ""
        try:
            code = json.loads(body).get("code", "")
        except (ValueError, AttributeError):
            pass
        super().__init__("%s %s answered %d %s" % (method, path.split("?")[0], status, code))
        self.status = status


class Client:
    """One keep-alive connection (http.client sets TCP_NODELAY) with the caller's bearer token."""

    def __init__(self, base, token=None):
        address = urlsplit(base)
        self.connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        self.token = token

    def send(self, method, path, body=None, content_type="application/json"):
        """Sends one request and returns the answer with its headers read, its body not yet."""
        headers = {}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = content_type
        self.connection.request(method, path, body=body, headers=headers)
        return self.connection.getresponse()

    def call(self, method, path, payload=None, expect=(200, 201, 204)):
        """A JSON call; returns the parsed answer (None when empty), raises HttpError on another status."""
        body = None if payload is None else json.dumps(payload).encode()
        answer = self.send(method, path, body)
        text = answer.read()
        if answer.status not in expect:
            raise HttpError(method, path, answer.status, text)
        return json.loads(text) if text else None

    def close(self):
        """Closes the connection; the next request opens a new one."""
        self.connection.close()


def login(base, username):
    """Registers the user and returns a bearer token."""
    client = Client(base)
    client.call("POST", "/api/v1/auth/register", {"username": username, "password": PASSWORD})
    token = client.call("POST", "/api/v1/auth/login", {"username": username, "password": PASSWORD})["token"]
    client.close()
    return token
