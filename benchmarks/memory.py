#!/usr/bin/env python3
"""Memory with many users: heap and RSS of the server process as 1,000 users log in one after another
(open-vault cache bound in force), again once the open vaults' connections have been idle long enough to be
closed (vault.close-idle-connections-after, 10 s) while the vaults stay open, and again after the vaults
themselves have gone idle and been closed.

Usage: benchmarks/memory.sh [users, default 1000]  (starts its own server; prints table rows)."""
import http.client
import json
import os
import subprocess
import sys
import time


# vault.max-open-vaults, left at its default by memory.sh.
OPEN_VAULT_BOUND = 256
# Seconds between the last logout and the last sample (see where it is used).
AFTER_LOGOUT_SECONDS = 16


def request(port, method, path, body=None, token=None):
    connection = http.client.HTTPConnection('127.0.0.1', port, timeout=60)
    headers = {'Content-Type': 'application/json'}
    if token:
        headers['Authorization'] = 'Bearer ' + token
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data


def rss_kib(pid):
    with open(f'/proc/{pid}/status') as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    return 0


def heap_used_kib(pid):
    """Used heap after a full GC, from jcmd (what is really retained, not garbage waiting for collection)."""
    subprocess.run(['jcmd', str(pid), 'GC.run'], capture_output=True, check=False)
    time.sleep(1)
    out = subprocess.run(['jcmd', str(pid), 'GC.heap_info'], capture_output=True, text=True).stdout
    for line in out.splitlines():
        words = line.replace(',', ' ').split()
        if 'used' in words and ('heap' in line.lower()):
            return int(words[words.index('used') + 1].rstrip('K'))
    return -1


def open_vault_files(pid):
    """How many of the server's file descriptors point at a vault file (vault.db, blobs.db and their WAL and
    shared-memory files): shows whether vaults are really open or closed at the moment of a sample."""
    count = 0
    for fd in os.listdir(f'/proc/{pid}/fd'):
        try:
            if '/users/' in os.readlink(f'/proc/{pid}/fd/{fd}'):
                count += 1
        except OSError:
            pass  # closed between listing and reading
    return count


def jvm_committed_kib(pid):
    """Memory the JVM itself has committed (heap, metaspace, threads, code...), from Native Memory Tracking.
    RSS minus this is, roughly, what native libraries (SQLite/SQLCipher) hold through malloc."""
    out = subprocess.run(['jcmd', str(pid), 'VM.native_memory', 'summary'], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if line.strip().startswith('Total:'):
            for part in line.replace(',', ' ').split():
                if part.startswith('committed='):
                    return int(part.split('=')[1].rstrip('KB'))
    return -1


def main():
    port, pid, users, idle_seconds = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    # Seconds after the touch below at which the connections are sampled idle: past the 10 s of
    # vault.close-idle-connections-after and the native heap trim that follows (every second at most), and well
    # before vault.close-idle-vaults-after.
    connections_idle_seconds = int(sys.argv[5]) if len(sys.argv) > 5 else 0
    samples = []
    def sample(label):
        samples.append((label, heap_used_kib(pid), rss_kib(pid), jvm_committed_kib(pid), open_vault_files(pid)))

    sample('baseline (server started, no user)')
    tokens = []
    started = time.time()
    for i in range(users):
        name = f'mem-{i}'
        status, _ = request(port, 'POST', '/api/v1/auth/register', {'username': name, 'password': 'memory test password'})
        assert status == 201, status
        status, body = request(port, 'POST', '/api/v1/auth/login', {'username': name, 'password': 'memory test password'})
        assert status == 200, status
        token = json.loads(body)['token']
        status, _ = request(port, 'GET', '/api/v1/settings/llm.model', token=token)
        assert status == 200, status
        tokens.append(token)
    elapsed = time.time() - started
    # Vaults idle for 60 s close during a slow login phase, so the number still open at the end would depend
    # on the machine's speed. Touching the last OPEN_VAULT_BOUND users again right before sampling makes it
    # exactly the cache bound (older vaults are evicted by it), whatever the speed.
    # A list read, not a setting: settings may be answered from the per-user cache without opening the vault.
    # Each of them logs in again (a second session, logged out below too) before the read: a vault just logged
    # into, with whatever the login's background upkeep opened, as a user gets it; without the login the sample
    # showed it only when the machine was fast enough for the first logins to be recent (under 10 s).
    touched = list(range(users - min(OPEN_VAULT_BOUND, users), users))
    for i in touched:
        status, body = request(port, 'POST', '/api/v1/auth/login', {'username': f'mem-{i}', 'password': 'memory test password'})
        assert status == 200, status
        token = json.loads(body)['token']
        tokens.append(token)
        status, _ = request(port, 'GET', '/api/v1/research?size=1', token=token)
        assert status == 200, status
    touched_at = time.time()
    sample(f'{users} users logged in one after another ({elapsed:.0f} s), the last {len(touched)} logged in again and '
           f'read their list: {len(touched)} vaults open')
    if connections_idle_seconds:
        time.sleep(max(0.0, connections_idle_seconds - (time.time() - touched_at)))
        sample(f'after {connections_idle_seconds} s idle (idle connections closed, the {len(touched)} vaults still open)')
    time.sleep(max(0.0, idle_seconds - (time.time() - touched_at)))
    sample(f'after {idle_seconds} s idle (idle vaults closed, sessions alive)')
    for token in tokens:
        request(port, 'POST', '/api/v1/auth/logout', token=token)
    # Long enough for the native heap trim that the sessions' end leads to (polled every second, at most every
    # vault.native-heap-trim-interval, 1 s; 5 s and 10 s until stop 20): the sample then shows what stays, not what
    # glibc has yet to give back.
    time.sleep(AFTER_LOGOUT_SECONDS)
    sample(f'{AFTER_LOGOUT_SECONDS} s after every user logged out')
    base_heap, base_rss, base_jvm = samples[0][1], samples[0][2], samples[0][3]
    print('| moment | open vault files | heap used after GC (KiB) | RSS (KiB) | JVM committed (KiB) | RSS − JVM = native libs (KiB) | heap Δ | RSS Δ | native Δ |')
    print('|---|---|---|---|---|---|---|---|---|')
    for label, heap, rss, jvm, files in samples:
        native = rss - jvm
        print(f'| {label} | {files} | {heap} | {rss} | {jvm} | {native} | {heap - base_heap:+d} | {rss - base_rss:+d} | {native - (base_rss - base_jvm):+d} |')


if __name__ == '__main__':
    main()
