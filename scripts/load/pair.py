"""Two instances behind nginx as the load balancer, on one PostgreSQL:
first the pair's throughput on a read mix (beside one instance alone);
then reads and writes through the balancer while one instance is killed
with SIGKILL. Afterwards every write that was acknowledged must be in the
database, and no request may fail once the balancer has taken the dead
instance out (nginx marks it down at its first failed connection).

    python3 scripts/load/pair.py POSTGRES_URL [DURATION] [CONNECTIONS]
"""

import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from mixed import API, PAGES, lua_mix  # noqa: E402
from sweep import fill, ids  # noqa: E402

READERS = 16
WRITES_PER_SECOND = 20


def balancer(work, a, b):
    return common.Nginx(work, f"""
  upstream oversyn {{
    server 127.0.0.1:{a.port} max_fails=1 fail_timeout=60s;
    server 127.0.0.1:{b.port} max_fails=1 fail_timeout=60s;
    keepalive 64;
  }}
  server {{
    listen 127.0.0.1:PORT;
    location / {{
      proxy_pass http://oversyn;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_connect_timeout 1s;
      proxy_next_upstream error timeout http_502;
    }}
  }}""", name="balancer")


def main():
    url = sys.argv[1]
    duration = sys.argv[2] if len(sys.argv) > 2 else "10s"
    conns = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    seconds = float(duration.rstrip("s"))
    common.need_tools()
    work = common.workdir()
    national = os.environ.get("OVERSYN_BENCH_DATA") == "national"
    tenant, email, password, token = common.prepare(url, national)
    a = common.Server(url, work, name="a")
    b = common.Server(url, work, name="b")
    lb = balancer(work, a, b)
    base = f"http://127.0.0.1:{lb.port}"
    try:
        print(f"# Two instances behind nginx, one PostgreSQL ({common.redact(url)}); {common.machine()}")
        cookie = common.login(base, tenant, email, password)
        known = ids(base, token)
        mix = [(fill(p, known), "Cookie", cookie) for p in PAGES]
        mix += [(fill(p, known), "Authorization", f"Bearer {token}") for p in API]
        lua = lua_mix(work, [m for m in mix if m[0]])
        common.wrk(base + "/", {}, "3s", conns, lua=lua)  # warm up both
        one = common.wrk(a.base + "/", {}, duration, conns, lua=lua)
        pair = common.wrk(base + "/", {}, duration, conns, lua=lua)
        print(f"read mix, wrk -c{conns} -d{duration}: one instance {one['rps']:.0f} r/s (p99 {one['p99']:.1f} ms), "
              f"the pair through nginx {pair['rps']:.0f} r/s (p99 {pair['p99']:.1f} ms)")

        # Reads and writes through the balancer; one instance dies a third in.
        stop = threading.Event()
        log = []  # (time, kind, ok, detail)
        lock = threading.Lock()
        acknowledged = []

        def reader():
            while not stop.is_set():
                t = time.monotonic()
                status, _ = common.get(base, "/api/v1/persons", {"Authorization": f"Bearer {token}"})
                with lock:
                    log.append((t, "read", status == 200, status))

        def writer():
            n, start = 0, time.monotonic()
            while not stop.is_set():
                name = f"Skriven {n}"
                t = time.monotonic()
                status, body = common.send(base, "POST", "/api/v1/persons", token, {"name": name, "kind": "official"})
                with lock:
                    log.append((t, "write", status == 201, status))
                    if status == 201:
                        acknowledged.append((body["id"], name))
                n += 1
                wait = start + n / WRITES_PER_SECOND - time.monotonic()
                if wait > 0:
                    time.sleep(wait)

        threads = [threading.Thread(target=reader) for _ in range(READERS)] + [threading.Thread(target=writer)]
        for t in threads:
            t.start()
        time.sleep(seconds / 3)
        killed = time.monotonic()
        a.stop(kill=True)
        time.sleep(seconds * 2 / 3)
        stop.set()
        for t in threads:
            t.join()
        # Every acknowledged write is there, read back through the survivor.
        _, body = common.get(base, "/api/v1/persons", {"Authorization": f"Bearer {token}"})
        listed = json.loads(body)
        present = {p["id"] for p in listed.get("data", listed)}
        lost = [n for i, n in acknowledged if i not in present]
        failed = [(t - killed, kind, s) for t, kind, ok, s in log if not ok]
        late = [f for f in failed if f[0] > 1.0]
        reads = sum(1 for e in log if e[1] == "read")
        print(f"kill test, {seconds:.0f} s, {READERS} readers and {WRITES_PER_SECOND} writes/s; instance a killed with SIGKILL at {seconds / 3:.1f} s:")
        print(f"  requests {len(log)} ({reads} reads), failed {len(failed)}, failed later than 1 s after the kill {len(late)}")
        print(f"  writes acknowledged {len(acknowledged)}, missing afterwards {len(lost)}")
        for f in failed[:10]:
            print(f"  failed {f[1]} at {f[0]:+.3f} s from the kill: {f[2]}")
        if lost or late:
            print("  RESULT: FAILS (a lost write or a late failure)")
            sys.exit(1)
        print("  RESULT: no acknowledged write lost, no request failed after the balancer took the dead instance out")
    finally:
        lb.stop()
        a.stop(kill=True)
        b.stop()


if __name__ == "__main__":
    main()
