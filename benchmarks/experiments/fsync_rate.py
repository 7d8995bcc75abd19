"""fsyncs per second of this file system, with 1, 4, 16 and 50 threads each appending 4 KiB and syncing its own
file (200 times): the ceiling for committed writes with synchronous=FULL (docs/benchmarks.md, log appends).
Run: python3 benchmarks/experiments/fsync_rate.py"""
import os, time, threading, tempfile
d = tempfile.mkdtemp(dir='/tmp')
def worker(i, n, out):
    fd = os.open(os.path.join(d, 'f%d' % i), os.O_WRONLY | os.O_CREAT)
    t = time.time()
    for _ in range(n):
        os.write(fd, b'x' * 4096); os.fsync(fd)
    out.append(n / (time.time() - t)); os.close(fd)
for threads in (1, 4, 16, 50):
    out = []; ts = [threading.Thread(target=worker, args=(i, 200, out)) for i in range(threads)]
    t = time.time(); [x.start() for x in ts]; [x.join() for x in ts]
    print("threads %d: %.0f fsyncs/s total" % (threads, threads * 200 / (time.time() - t)))
