#!/usr/bin/env python3
"""Registers and logs in N users on a running server, gives each a setting override and a research task,
and writes one line per user, "<token> <researchId>", for the wrk scripts. Usage: seed.py BASE_URL N OUT"""
import json
import sys
import urllib.request


def call(base, method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as answer:
        text = answer.read()
        return json.loads(text) if text else None


def main():
    base, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    password = "bench-password-1"
    lines = []
    for i in range(count):
        name = "bench-user-%d" % i
        call(base, "POST", "/api/v1/auth/register", {"username": name, "password": password})
        token = call(base, "POST", "/api/v1/auth/login", {"username": name, "password": password})["token"]
        call(base, "PUT", "/api/v1/settings/llm.model", {"value": "bench-model-%d" % i}, token)
        research = call(base, "POST", "/api/v1/research", {"query": "seeded question %d" % i, "mode": "quick"}, token)
        lines.append("%s %s" % (token, research["id"]))
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
