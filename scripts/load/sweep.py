"""Route sweep: every GET route a signed-in admin or the API can reach
(read from the routers' sources and the OpenAPI document), against one
server with the response cache off and one with it on, each beside nginx
serving the same bytes as a static file. Prints a table with the SQL
statements one request runs once what it keeps is kept (counted on a third
server that logs them), the time of the first request on the server without
the cache (which pays for what is then kept), requests/s, p99 and the ratio to nginx; ends with the routes under the goal (0.25 of
nginx, p99 under 20 ms, cache off).

    python3 scripts/load/sweep.py DATABASE_URL [DURATION] [CONNECTIONS]

OVERSYN_BENCH_DATA=national loads the national data set; SWEEP_ONLY=REGEX
keeps only matching routes; SWEEP_ACCEPT sends that Accept-Encoding with
every request, as a browser does (e.g. "gzip, deflate, br, zstd"), and
nginx then serves the very compressed bytes Översyn answered."""

import json
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

# Secret links and what is not a signed-in user's page.
SKIP = re.compile(r"\{token\}|^/healthz$|^/login$|^/public/|/new$|/edit$|^/api/openapi\.json$")


def ids(base, token):
    """The first id of each of the tenant's lists, by the path segment that names them."""
    out = {}
    auth = {"Authorization": f"Bearer {token}"}
    for seg in ["organisations", "memberships", "persons", "bodies", "seats", "reviews", "cases", "actions", "events"]:
        status, body = common.get(base, f"/api/v1/{seg}", auth)
        if status == 200:
            data = json.loads(body)
            data = data.get("data", data) if isinstance(data, dict) else data
            if data:
                out[seg] = str(data[0]["id"])
    return out


def fill(path, known):
    """The path with its parameters filled, or None where nothing fits."""
    parts = path.split("/")
    for i, p in enumerate(parts):
        if not (p.startswith("{") and p.endswith("}")):
            continue
        name = p[1:-1]
        before = parts[i - 1] if i else ""
        if name == "n":
            parts[i] = "1"
        elif name == "membership":
            parts[i] = known.get("memberships")
        elif name == "resource" or name == "kind":
            parts[i] = "organizations"
        elif name == "body":
            parts[i] = known.get("slug")
        elif name == "key" and "bodies" in known:
            # The OParl id of the tenant's first body among its organizations.
            parts[i] = "body-" + known["bodies"]
        elif before in known:
            parts[i] = known[before]
        else:
            return None
        if parts[i] is None:
            return None
    return "/".join(parts)


def main():
    url = sys.argv[1]
    duration = sys.argv[2] if len(sys.argv) > 2 else "2s"
    conns = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    only = re.compile(os.environ.get("SWEEP_ONLY", ".*"))
    common.need_tools()
    work = common.workdir()
    national = os.environ.get("OVERSYN_BENCH_DATA") == "national"
    tenant, email, password, token = common.prepare(url, national, role="admin")
    cached = common.Server(url, work, name="cached")
    uncached = common.Server(url, work, "--no-cache", name="uncached")
    # A third server, only to count each route's SQL statements: logging
    # them would slow the measured ones.
    counted = common.Server(url, work, "--no-cache", name="counted", log="warn,sqlx::query=debug")
    www = os.path.join(work, "www")
    os.makedirs(www)
    nginx = common.Nginx(work, f"  server {{ listen 127.0.0.1:PORT; root {www}; default_type text/html; }}")
    try:
        cookie = {"Cookie": common.login(cached.base, tenant, email, password)}
        cookie_off = {"Cookie": common.login(uncached.base, tenant, email, password)}
        cookie_counted = {"Cookie": common.login(counted.base, tenant, email, password)}
        bearer = {"Authorization": f"Bearer {token}"}
        accept = os.environ.get("SWEEP_ACCEPT")
        coded = {"Accept-Encoding": accept} if accept else {}
        cookie, cookie_off, cookie_counted, bearer = ({**h, **coded} for h in (cookie, cookie_off, cookie_counted, bearer))
        known = ids(cached.base, token)
        known["slug"] = tenant
        routes = [r for r in common.page_routes() + common.api_routes(cached.base, token) if not SKIP.search(r)]
        print(f"# Route sweep, {'national data set, tenant ' + tenant if national else 'Stockholm demo'}, "
              f"{common.redact(url)}, wrk -c{conns} -d{duration}"
              f"{', Accept-Encoding: ' + accept if accept else ''}; {common.machine()}")
        print(f"{'route':58} {'bytes':>8} {'queries':>7} {'first ms':>8} {'off r/s':>9} {'p99':>7} {'on r/s':>9} {'p99':>7} {'nginx r/s':>10} {'p99':>6} {'off/ngx':>7} {'on/ngx':>7}")
        short = []
        for n, route in enumerate(routes):
            if not only.search(route):
                continue
            path = fill(route, known)
            if path is None:
                print(f"{route:58} skipped: no record to name")
                continue
            api = route.startswith("/api/")
            status, body = common.get(cached.base, path, bearer if api else cookie)
            if status != 200:
                print(f"{route:58} skipped: {status}")
                continue
            name = f"r{n}"
            with open(os.path.join(www, name), "wb") as f:
                f.write(body)
            # The first request pays for what is then kept (a review's
            # analysis, a report's PDF); it is timed on its own, so that a
            # second-long first rendering does not fill the whole cell.
            started = time.monotonic()
            common.get(uncached.base, path, bearer if api else cookie_off)
            first_ms = (time.monotonic() - started) * 1000
            queries = counted.queries(path, bearer if api else cookie_counted)
            off = common.wrk(uncached.base + path, bearer if api else cookie_off, duration, conns)
            on = common.wrk(cached.base + path, bearer if api else cookie, duration, conns)
            # nginx must serve the very bytes, or the ratio means nothing.
            served = common.get(f"http://127.0.0.1:{nginx.port}", f"/{name}", coded)
            if served != (200, body):
                sys.exit(f"nginx answered {served[0]} with {len(served[1])} bytes for {route}, not the saved page")
            ngx = common.wrk(f"http://127.0.0.1:{nginx.port}/{name}", coded, duration, conns)
            if ngx["errors"]:
                sys.exit(f"nginx failed {ngx['errors']} requests for {route}")
            r_off, r_on = off["rps"] / ngx["rps"], on["rps"] / ngx["rps"]
            errs = f"  errors {off['errors']}/{on['errors']}" if off["errors"] or on["errors"] else ""
            print(f"{route:58} {len(body):>8} {queries:>7} {first_ms:>8.0f} {off['rps']:>9.0f} {off['p99']:>7.1f} {on['rps']:>9.0f} {on['p99']:>7.1f} "
                  f"{ngx['rps']:>10.0f} {ngx['p99']:>6.1f} {r_off:>7.2f} {r_on:>7.2f}{errs}", flush=True)
            if r_off < 0.25 or off["p99"] >= 20:
                short.append((route, r_off, off["p99"]))
        print(f"# under the goal with the cache off (0.25 x nginx, p99 < 20 ms): {len(short)}")
        for route, r, p in short:
            print(f"#   {route}: {r:.2f} x nginx, p99 {p:.1f} ms")
    finally:
        nginx.stop()
        cached.stop()
        uncached.stop()
        counted.stop()


if __name__ == "__main__":
    main()
