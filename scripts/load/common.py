"""Shared parts of the load benchmarks (scripts/load.sh): start Översyn and
nginx, sign in, find every GET route, and run wrk. Standard library only."""

import glob
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "target", "release", "oversyn")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def run(*args):
    """An `oversyn` command; returns its standard output."""
    return subprocess.run([BIN, *args], check=True, capture_output=True, text=True).stdout


class Server:
    """`oversyn serve` on a free port."""

    def __init__(self, url, work, *extra, name="serve", log=None):
        self.port = free_port()
        self.log_path = os.path.join(work, f"{name}-{self.port}.log")
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [BIN, "--database-url", url, "serve", "--addr", f"127.0.0.1:{self.port}", *extra],
            stdout=self.log, stderr=subprocess.STDOUT,
            env={**os.environ, "RUST_LOG": log or os.environ.get("RUST_LOG", "warn")},
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise SystemExit(f"oversyn serve did not come up on {self.port}")

    def queries(self, path, headers):
        """How many SQL statements one request for `path` runs once what it
        keeps is kept (the server must log sqlx's statements): asked twice,
        the second counted."""
        get(self.base, path, headers)
        time.sleep(0.05)
        before = os.path.getsize(self.log_path)
        get(self.base, path, headers)
        time.sleep(0.05)
        with open(self.log_path, "rb") as f:
            f.seek(before)
            return f.read().count(b"sqlx::query")

    def stop(self, kill=False):
        if self.proc.poll() is None:
            (self.proc.kill if kill else self.proc.terminate)()
            self.proc.wait()


def prepare(url, national, role="editor"):
    """Loads the data set; returns (tenant slug, the new user's e-mail, password, API token)."""
    if national:
        tenant = "synthetic-150"
        run("--database-url", url, "demo", "--synthetic", "national")
    else:
        tenant = "stockholm"
        run("--database-url", url, "demo")
    email = f"bench-{role}@{tenant}.example"
    out = subprocess.run(
        [BIN, "--database-url", url, "user", "add", "--tenant", tenant, "--email", email, "--role", role],
        capture_output=True, text=True, check=True,
    )
    password = (out.stdout + out.stderr).strip().splitlines()[-1].split()[-1]
    token = run("--database-url", url, "token", "create", "--tenant", tenant, "--email", email).strip()
    return tenant, email, password, token


def login(base, tenant, email, password):
    """Signs in through the form; returns the Cookie header value."""
    jar = urllib.request.HTTPCookieProcessor()
    opener = urllib.request.build_opener(jar, NoRedirect())
    page = opener.open(base + "/login").read().decode()
    csrf = re.search(r'name="csrf" value="([^"]*)"', page).group(1)
    form = urllib.parse.urlencode(
        {"csrf": csrf, "tenant": tenant, "email": email, "password": password, "next": "/"}
    ).encode()
    req = urllib.request.Request(base + "/login", data=form, headers={"Origin": base})
    try:
        opener.open(req)
    except urllib.error.HTTPError as e:
        if e.code != 303:
            raise
    for c in jar.cookiejar:
        if c.name == "oversyn_session":
            return f"oversyn_session={c.value}"
    raise SystemExit("signing in failed")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(base, path, headers):
    """(status, body bytes) of one GET."""
    req = urllib.request.Request(base + path, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def send(base, method, path, token, body):
    req = urllib.request.Request(
        base + path, method=method, data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read() or b"null")
    except urllib.error.HTTPError as e:
        return e.code, None


def page_routes():
    """GET paths of the pages, read from the routers' sources as the
    security matrix reads them."""
    out = set()
    for f in glob.glob(os.path.join(ROOT, "crates/web/src/**/*.rs"), recursive=True):
        if os.sep + "api" + os.sep in f:
            continue
        src = open(f, encoding="utf-8").read()
        for m in re.finditer(r'\.route\(\s*"([^"]+)",\s*([^;]*?)\)\s*(?=\n\s*\.|\n\s*\}|;)', src):
            if re.search(r"(^|[^\w])get\(", m.group(2)):
                out.add(m.group(1))
    return sorted(out)


def api_routes(base, token):
    _, doc = get(base, "/api/openapi.json", {"Authorization": f"Bearer {token}"})
    doc = json.loads(doc)
    return sorted(p for p, item in doc["paths"].items() if "get" in item)


def wrk(url, headers, duration, conns, lua=None, threads=2):
    """One wrk run: dict with rps, p99 (ms), errors (non-2xx/3xx and socket errors)."""
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    if lua:
        cmd += ["-s", lua]
    out = subprocess.run(cmd + [url], capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}
    p99 = float(p99.group(1)) * scale[p99.group(2)] if p99 else float("nan")
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(x) for x in m.groups())
    return {"rps": rps, "p99": p99, "errors": errors, "raw": out}


class Nginx:
    """nginx with the given `http` block contents, on its own port."""

    def __init__(self, work, server_block, name="nginx"):
        self.dir = os.path.join(work, name)
        os.makedirs(self.dir, exist_ok=True)
        self.port = free_port()
        conf = os.path.join(self.dir, "nginx.conf")
        with open(conf, "w") as f:
            f.write(
                f"worker_processes 2;\npid {self.dir}/nginx.pid;\nerror_log {self.dir}/error.log;\n"
                "events { worker_connections 4096; }\n"
                f"http {{\n  access_log off;\n{server_block.replace('PORT', str(self.port))}\n}}\n"
            )
        subprocess.run(["nginx", "-c", conf], check=True)
        time.sleep(0.3)

    def stop(self):
        pid = os.path.join(self.dir, "nginx.pid")
        if os.path.exists(pid):
            subprocess.run(["kill", open(pid).read().strip()])


def machine():
    cpu = "unknown CPU"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return f"{cpu}, {os.cpu_count()} cores"


def workdir():
    d = tempfile.mkdtemp(prefix="oversyn-load-")
    # mkdtemp makes it its owner's alone; nginx's workers (nobody) must read
    # the pages in it, or they answer 403 and the yardstick is an error page.
    os.chmod(d, 0o755)
    return d


def need_tools():
    for tool in ("wrk", "nginx"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode:
            sys.exit(f"{tool} is missing (apt-get install {tool})")
    if not os.access(BIN, os.X_OK):
        sys.exit("build first: cargo build --release")


def redact(url):
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)
