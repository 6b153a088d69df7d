#!/bin/bash
# API schema test: schemathesis (PyPI) against /api/openapi.json of a
# running `oversyn serve --demo` on a scratch database, with an admin's API
# token. Checks: no 5xx, responses match their schema, status codes and
# content types are the documented ones. Prints one PASS/FAIL line per
# database; exits non-zero on any failure.
#
#   scripts/schemathesis.sh [--postgres URL] [--examples N] [--release]
#
# SQLite always; PostgreSQL as well with --postgres URL or
# OVERSYN_BENCH_POSTGRES_URL (a server URL: a scratch database is created on
# it and dropped afterwards). --examples bounds the cases per operation
# (default 25, a few minutes in all); the seed is fixed so a run repeats.
set -euo pipefail
cd "$(dirname "$0")/.."
examples=25
profile=debug
postgres=${OVERSYN_BENCH_POSTGRES_URL:-}
while [ $# -gt 0 ]; do
  case $1 in
    --postgres) postgres=$2; shift 2 ;;
    --examples) examples=$2; shift 2 ;;
    --release) profile=release; shift ;;
    *) echo "unknown option $1 (see the comment at the top)"; exit 2 ;;
  esac
done
python3 -c "import schemathesis" 2>/dev/null || python3 -m pip install --quiet schemathesis
# Its command from where pip put it: a fresh install may not be on PATH yet
# (pyenv's shims, a user site).
st=$(python3 -c 'import os, sysconfig; print(os.path.join(sysconfig.get_path("scripts"), "st"))')
[ -x "$st" ] || st=$(command -v st)
if [ $profile = release ]; then cargo build --release -p oversyn; else cargo build -p oversyn; fi
bin=${CARGO_TARGET_DIR:-target}/$profile/oversyn
work=$(mktemp -d)
server=
scratch_db=
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ -n "$scratch_db" ] && psql -q "$postgres" -c "DROP DATABASE IF EXISTS $scratch_db" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
export RUST_BACKTRACE=0

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# One database: start the server, run schemathesis, print PASS or FAIL.
run_backend() {
  local name=$1 url=$2 port
  port=$(free_port)
  "$bin" --database-url "$url" serve --demo --addr "127.0.0.1:$port" > "$work/serve-$name.log" 2>&1 &
  server=$!
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  local token
  token=$("$bin" --database-url "$url" token create --tenant stockholm --email demo@stockholm.example --label schemathesis 2>/dev/null)
  local rc=0
  # One worker: Python 3.11's ast module is not safe across the threads
  # that more workers use, and hypothesis parses lambdas with it.
  "$st" run "http://127.0.0.1:$port/api/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
    --max-examples "$examples" --seed 1 --workers 1 --no-color \
    --report junit --report-dir "$work/report-$name" \
    > "$work/st-$name.txt" 2>&1 || rc=$?
  kill "$server"; wait "$server" 2>/dev/null || true; server=
  local summary
  summary=$(grep -E "^=+ .* in [0-9.]+s =+$" "$work/st-$name.txt" | tail -1 | tr -d '=' | xargs)
  local cases panics
  cases=$(grep -E "^  [0-9]+ generated" "$work/st-$name.txt" | xargs || true)
  panics=$(grep -c "panicked" "$work/serve-$name.log" || true)
  mkdir -p target
  cp "$work/st-$name.txt" "target/schemathesis-$name.txt"
  if [ $rc -eq 0 ] && [ "$panics" = 0 ]; then
    echo "schemathesis ($name): PASS — $cases; $summary (output: target/schemathesis-$name.txt)"
  else
    sed -n '/FAILURES\|ERRORS/,$p' "$work/st-$name.txt" | head -200
    echo "schemathesis ($name): FAIL — $cases; $summary; server panics: $panics (output: target/schemathesis-$name.txt)"
    status=1
  fi
}

status=0
run_backend sqlite "sqlite://$work/schemathesis.db"
if [ -n "$postgres" ]; then
  scratch_db="oversyn_schemathesis_$$"
  psql -q "$postgres" -c "CREATE DATABASE $scratch_db" >/dev/null
  run_backend postgres "$(python3 -c 'import sys, urllib.parse as u; p=u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/"+sys.argv[2])))' "$postgres" "$scratch_db")"
else
  echo "schemathesis (postgres): SKIPPED — set OVERSYN_BENCH_POSTGRES_URL or pass --postgres URL"
fi
exit $status
