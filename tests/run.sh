#!/usr/bin/env bash
# Runs every test of JitBot against real servers: installs Redis if it is missing, starts a throwaway
# instance on a free loopback port, runs `dotnet test` on the solution, and stops the server again.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[tests/run.sh] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

ensure_package() { # command package
  command -v "$1" >/dev/null 2>&1 && return 0
  log "installing $2"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  fi
}

workdir=$(mktemp -d /tmp/jitbot-tests.XXXXXX)
redis_pid=""
cleanup() {
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill "$redis_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT

ensure_package redis-server redis-server
redis_port=$(free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$workdir" --save "" --appendonly no \
  --daemonize no --logfile "$workdir/redis.log" &
redis_pid=$!
for _ in $(seq 1 100); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$redis_port" ping >/dev/null || { log "Redis did not start"; cat "$workdir/redis.log" >&2; exit 1; }
export JITBOT_TEST_REDIS="127.0.0.1:$redis_port"
log "Redis on $JITBOT_TEST_REDIS"

set +e
dotnet test JitBot.sln -c Release --nologo "$@" 2>&1 | tee "$workdir/test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)!  *- *Failed: / {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1));
         if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$workdir/test.log"
exit "$status"
