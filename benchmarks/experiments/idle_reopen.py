#!/usr/bin/env python3
"""What closing idle connections costs the next request: one user's GET /api/v1/research?size=1, warm (the
previous request 0.2 s before) against after an idle pause longer than vault.close-idle-connections-after (the
vault still open, its connection closed). Run against a started server (benchmarks/server.sh), once with the
default and once with -Dvault.close-idle-connections-after=0s, side by side.
Usage: idle_reopen.py PORT [pauses, default 8] [pause seconds, default 12]"""
import http.client
import json
import statistics
import sys
import time
import uuid


def request(port, method, path, body=None, token=None):
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    headers = {'Content-Type': 'application/json'}
    if token:
        headers['Authorization'] = 'Bearer ' + token
    started = time.perf_counter()
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    data = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, data, elapsed


def main():
    port = int(sys.argv[1])
    pauses = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    pause_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 12
    name = 'idle-' + uuid.uuid4().hex[:8]
    assert request(port, 'POST', '/api/v1/auth/register', {'username': name, 'password': 'idle reopen password'})[0] == 201
    status, body, _ = request(port, 'POST', '/api/v1/auth/login', {'username': name, 'password': 'idle reopen password'})
    assert status == 200, status
    token = json.loads(body)['token']
    warm, after_idle = [], []
    for _ in range(pauses):
        for _ in range(10):
            status, _, ms = request(port, 'GET', '/api/v1/research?size=1', token=token)
            assert status == 200, status
            warm.append(ms)
            time.sleep(0.2)
        time.sleep(pause_seconds)
        status, _, ms = request(port, 'GET', '/api/v1/research?size=1', token=token)
        assert status == 200, status
        after_idle.append(ms)
    print(f'warm: median {statistics.median(warm):.2f} ms ({len(warm)} requests); after {pause_seconds:.0f} s idle: '
          f'median {statistics.median(after_idle):.2f} ms, max {max(after_idle):.2f} ms ({len(after_idle)} requests)')


if __name__ == '__main__':
    main()
