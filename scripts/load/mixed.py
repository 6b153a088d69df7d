"""Mixed national workload: tenant A's users read its pages and API (a mix
of the pages an officer opens and the lists a script fetches) while five
other municipalities write through the API at 20 writes a second in all.
Prints A's throughput and p99 read-only and under the writes; the goal is
at least 0.9 of the read-only figure with p99 under 10 ms.

    python3 scripts/load/mixed.py DATABASE_URL [DURATION] [CONNECTIONS]
"""

import json
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from sweep import fill, ids  # noqa: E402

WRITES_PER_SECOND = 20
WRITERS = 5

PAGES = ["/", "/reviews/{id}/results", "/memberships/{id}", "/organisations/{id}", "/cases",
         "/actions", "/calendar", "/persons", "/reviews/{id}/analysis"]
API = ["/api/v1/organisations", "/api/v1/persons", "/api/v1/memberships", "/api/v1/cases",
       "/api/v1/reviews/{id}/results", "/api/v1/reviews/{id}/analysis", "/api/v1/actions"]


def lua_mix(work, requests):
    """A wrk script that cycles through (path, header name, header value)."""
    rows = ",\n".join(
        f'  {{{json.dumps(p)}, {json.dumps(h)}, {json.dumps(v)}}}' for p, h, v in requests
    )
    path = os.path.join(work, "mix.lua")
    with open(path, "w") as f:
        f.write(f"""local mix = {{
{rows}
}}
local n = 0
request = function()
  n = n + 1
  local r = mix[(n % #mix) + 1]
  return wrk.format("GET", r[1], {{[r[2]] = r[3]}})
end
""")
    return path


def writers(url, base, stop, done, failed):
    tokens = []
    for i in range(WRITERS):
        slug = f"writer-{i}"
        common.run("--database-url", url, "tenant", "add", slug)
        email = f"api@{slug}.example"
        common.run("--database-url", url, "user", "add", "--tenant", slug, "--email", email, "--role", "editor")
        tokens.append(common.run("--database-url", url, "token", "create", "--tenant", slug, "--email", email).strip())

    def write():
        n = 0
        start = time.monotonic()
        while not stop.is_set():
            token = tokens[n % WRITERS]
            status, _ = common.send(base, "POST", "/api/v1/persons", token,
                                    {"name": f"Person {n}", "kind": "official"})
            (done if status == 201 else failed).append(n)
            n += 1
            wait = start + n / WRITES_PER_SECOND - time.monotonic()
            if wait > 0:
                time.sleep(wait)
    return write


def bench(name, url, duration, conns, work):
    national = os.environ.get("OVERSYN_BENCH_DATA") == "national"
    tenant, email, password, token = common.prepare(url, national)
    server = common.Server(url, work, name=name)
    try:
        cookie = common.login(server.base, tenant, email, password)
        known = ids(server.base, token)
        mix = [(fill(p, known), "Cookie", cookie) for p in PAGES]
        mix += [(fill(p, known), "Authorization", f"Bearer {token}") for p in API]
        mix = [m for m in mix if m[0]]
        lua = lua_mix(work, mix)
        # Warm up: the first reads after start load what is then kept.
        common.wrk(server.base + "/", {}, "3s", conns, lua=lua)
        alone = common.wrk(server.base + "/", {}, duration, conns, lua=lua)
        stop, done, failed = threading.Event(), [], []
        write = writers(url, server.base, stop, done, failed)
        t = threading.Thread(target=write)
        started = time.monotonic()
        t.start()
        mixed = common.wrk(server.base + "/", {}, duration, conns, lua=lua)
        stop.set()
        t.join()
        rate = len(done) / (time.monotonic() - started)
        ratio = mixed["rps"] / alone["rps"]
        ok = ratio >= 0.9 and mixed["p99"] < 10
        print(f"{name:9} {alone['rps']:>10.0f} {alone['p99']:>7.1f} {mixed['rps']:>10.0f} {mixed['p99']:>7.1f} "
              f"{ratio:>6.2f} {rate:>8.1f} {len(failed):>7} {alone['errors'] + mixed['errors']:>7}  {'meets' if ok else 'MISSES'} the goal",
              flush=True)
    finally:
        server.stop()


def main():
    url = sys.argv[1]
    duration = sys.argv[2] if len(sys.argv) > 2 else "10s"
    conns = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    common.need_tools()
    work = common.workdir()
    data = "national data set" if os.environ.get("OVERSYN_BENCH_DATA") == "national" else "Stockholm demo"
    print(f"# Mixed workload, {data}: tenant A reads a mix of {len(PAGES)} pages and {len(API)} API paths "
          f"(wrk -c{conns} -d{duration}) while {WRITERS} other tenants write {WRITES_PER_SECOND}/s; {common.machine()}")
    print(f"{'database':9} {'alone r/s':>10} {'p99':>7} {'mixed r/s':>10} {'p99':>7} {'ratio':>6} {'writes/s':>8} {'w fail':>7} {'r err':>7}")
    bench(sys.argv[4] if len(sys.argv) > 4 else "database", url, duration, conns, work)


if __name__ == "__main__":
    main()
