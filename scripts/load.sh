#!/bin/bash
# Load benchmarks against a release build (cargo build --release), each
# beside nginx where a ratio is asked for. Needs wrk and nginx (Debian
# packages). SQLite always; PostgreSQL too when OVERSYN_BENCH_POSTGRES_URL
# is set (a server whose user may create databases: each run uses a fresh
# one). OVERSYN_BENCH_DATA=national loads the synthetic national set
# (`oversyn demo --synthetic national`: 300 tenants, about 300,000
# answers) and measures one of its tenants as a new editor of it.
#
#   scripts/load.sh [DURATION] [CONNECTIONS]        # three cached pages (default 10s, 64)
#   scripts/load.sh sweep [DURATION] [CONNECTIONS]  # every GET route, cache off and on (2s, 64)
#                                                    # SWEEP_ACCEPT='gzip, br' asks as a browser does
#   scripts/load.sh mixed [DURATION] [CONNECTIONS]  # tenant A reads while others write 20/s (10s, 64)
#   scripts/load.sh pair [DURATION] [CONNECTIONS]   # two instances behind nginx, one killed (PostgreSQL only; 15s, 64)
#
# The default run: the register page, a review's results page and the
# public API list, each beside nginx serving the same page's bytes; prints
# requests/s, p99, the ratio to nginx and the server's peak memory (the
# figure for the goal "under 150 MB with the national data").
set -euo pipefail
cd "$(dirname "$0")/.."

# A fresh PostgreSQL database on the server OVERSYN_BENCH_POSTGRES_URL names.
fresh_postgres() {
  local name="oversyn_bench_$$_$RANDOM"
  psql "$OVERSYN_BENCH_POSTGRES_URL" -qc "CREATE DATABASE $name" >/dev/null
  python3 -c 'import sys, urllib.parse as u; p = u.urlparse(sys.argv[1]); print(p._replace(path="/" + sys.argv[2]).geturl())' "$OVERSYN_BENCH_POSTGRES_URL" "$name"
}

case "${1:-}" in
  sweep|mixed)
    kind=$1
    d=${2:-$([ "$kind" = sweep ] && echo 2s || echo 10s)}
    c=${3:-64}
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    python3 "scripts/load/$kind.py" "sqlite://$scratch/bench.db" "$d" "$c" sqlite
    if [ -n "${OVERSYN_BENCH_POSTGRES_URL:-}" ]; then
      python3 "scripts/load/$kind.py" "$(fresh_postgres)" "$d" "$c" postgres
    fi
    exit 0
    ;;
  pair)
    shift
    [ -n "${OVERSYN_BENCH_POSTGRES_URL:-}" ] || { echo "pair needs OVERSYN_BENCH_POSTGRES_URL (two instances share one PostgreSQL)"; exit 1; }
    exec python3 scripts/load/pair.py "$(fresh_postgres)" "${1:-15s}" "${2:-64}"
    ;;
esac
duration=${1:-10s}
conns=${2:-64}
bin=target/release/oversyn
[ -x "$bin" ] || { echo "build first: cargo build --release"; exit 1; }
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || { echo "nginx is missing (apt-get install nginx-light)"; exit 1; }
work=$(mktemp -d)
# mktemp's directory is its owner's alone; nginx's workers (nobody) must
# read the pages in it, or they answer 403 and the yardstick is an error page.
chmod 755 "$work"
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One wrk run: prints "requests/s p99-ms".
bench() {
  local url=$1; shift
  wrk -t2 -c"$conns" -d"$duration" --latency "$@" "$url" > "$work/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  echo "$rps $p99"
}

run_backend() {
  local name=$1 url=$2
  local port; port=$(free_port)
  local tenant=stockholm login_email=demo@stockholm.example password
  if [ "${OVERSYN_BENCH_DATA:-demo}" = national ]; then
    tenant=synthetic-150
    login_email=bench-editor@$tenant.example
    "$bin" --database-url "$url" demo --synthetic national > "$work/demo.txt" 2>/dev/null
    "$bin" --database-url "$url" user add --tenant "$tenant" --email "$login_email" --role editor > "$work/editor.txt" 2>&1
    password=$(tail -1 "$work/editor.txt")
  else
    "$bin" --database-url "$url" demo > "$work/demo.txt"
    password=$(awk '/password/ {print $NF}' "$work/demo.txt")
  fi
  "$bin" --database-url "$url" user add --tenant "$tenant" --email "bench@$tenant.example" --role viewer > "$work/user.txt" 2>&1 || true
  local token; token=$("$bin" --database-url "$url" token create --tenant "$tenant" --email "bench@$tenant.example" 2>/dev/null)
  "$bin" --database-url "$url" serve --addr "127.0.0.1:$port" > "$work/serve.log" 2>&1 &
  local pid=$!
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  # Sign in once; wrk sends the session cookie.
  local jar=$work/jar.txt
  curl -s -c "$jar" "http://127.0.0.1:$port/login" > "$work/login.html"
  local csrf; csrf=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$work/login.html" | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null -H "Origin: http://127.0.0.1:$port" \
    --data-urlencode "csrf=$csrf" --data-urlencode "tenant=$tenant" --data-urlencode "email=$login_email" \
    --data-urlencode "password=$password" --data-urlencode "next=/" "http://127.0.0.1:$port/login"
  local cookie; cookie=$(awk '$6=="oversyn_session" {print $6"="$7}' "$jar")
  local review; review=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/reviews" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
  local nport; nport=$(free_port)
  mkdir -p "$work/www"
  curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/" > "$work/www/register.html"
  curl -s -H "Cookie: $cookie" "http://127.0.0.1:$port/reviews/$review/results" > "$work/www/results.html"
  curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/organisations" > "$work/www/organisations.json"
  cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
  nginx -c "$work/nginx.conf"
  sleep 0.5
  # nginx must serve the very bytes, or the ratio means nothing.
  for file in register.html results.html organisations.json; do
    cmp -s <(curl -s "http://127.0.0.1:$nport/$file") "$work/www/$file" \
      || { echo "nginx does not serve $file as saved (see $work/nginx-error.log)"; exit 1; }
  done
  printf "%-10s %-22s %12s %9s %12s %9s %7s\n" "database" "page" "oversyn r/s" "p99 ms" "nginx r/s" "p99 ms" "ratio"
  for page in "register|/|register.html|cookie" "results|/reviews/$review/results|results.html|cookie" "api list|/api/v1/organisations|organisations.json|token"; do
    IFS='|' read -r label path file auth <<<"$page"
    local header
    if [ "$auth" = cookie ]; then header="Cookie: $cookie"; else header="Authorization: Bearer $token"; fi
    read -r a_rps a_p99 < <(bench "http://127.0.0.1:$port$path" -H "$header")
    read -r n_rps n_p99 < <(bench "http://127.0.0.1:$nport/$file")
    printf "%-10s %-22s %12s %9s %12s %9s %7.2f\n" "$name" "$label" "$a_rps" "$a_p99" "$n_rps" "$n_p99" "$(python3 -c "print($a_rps/$n_rps)")"
  done
  local rss; rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  echo "$name: server peak memory ${rss} kB"
  kill "$(cat "$work/nginx.pid")"; rm -f "$work/nginx.pid"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run_backend sqlite "sqlite://$work/bench.db"
if [ -n "${OVERSYN_BENCH_POSTGRES_URL:-}" ]; then
  run_backend postgres "$OVERSYN_BENCH_POSTGRES_URL"
fi
