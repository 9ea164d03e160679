#!/usr/bin/env bash
# Runs every test of JitBot against real servers: installs Redis and PostgreSQL if they are missing, starts a
# throwaway instance of each on a free loopback port, runs `dotnet test` on the solution, and stops them again.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[tests/run.sh] %s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

install_package() { # package
  log "installing $1"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  else
    sudo apt-get update -qq >/dev/null && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
  fi
}

ensure_package() { # command package
  command -v "$1" >/dev/null 2>&1 || install_package "$2"
}

# PostgreSQL's binaries: the folder initdb on PATH really lives in, else the newest /usr/lib/postgresql/*/bin.
postgres_bin() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
  else
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
  fi
}

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

workdir=$(mktemp -d /tmp/jitbot-tests.XXXXXX)
redis_pid=""
pgdir=""
pgbin=""
cleanup() {
  if [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null; then
    kill "$redis_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  if [ -n "$pgdir" ]; then
    if [ -f "$pgdir/data/postmaster.pid" ]; then
      as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pgdir"
  fi
  rm -rf "$workdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

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

# A throwaway PostgreSQL cluster: password (SCRAM) authentication on 127.0.0.1, so that tests can prove a
# generated password is what lets a login in; the socket and data live in a folder removed at exit.
pgbin=$(postgres_bin)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  install_package postgresql
  pgbin=$(postgres_bin)
fi
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || { log "PostgreSQL's initdb was not found"; exit 1; }
pgdir=$(mktemp -d /tmp/jitbot-pg.XXXXXX)
chmod 700 "$pgdir"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pgdir"; fi
pg_password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
as_postgres sh -c "umask 077; printf '%s\n' '$pg_password' > '$pgdir/pwfile'"
as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --pwfile="$pgdir/pwfile" \
  --auth-local=trust --auth-host=scram-sha-256 -E UTF8 >"$workdir/initdb.log" 2>&1 \
  || { log "initdb failed"; cat "$workdir/initdb.log" >&2; exit 1; }
pg_port=$(free_port)
as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/postgres.log" -w -t 60 \
  -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null \
  || { log "PostgreSQL did not start"; cat "$pgdir/postgres.log" >&2; exit 1; }
for _ in $(seq 1 100); do
  as_postgres "$pgbin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q && break
  sleep 0.1
done
as_postgres "$pgbin/pg_isready" -h 127.0.0.1 -p "$pg_port" -q || { log "PostgreSQL is not ready"; cat "$pgdir/postgres.log" >&2; exit 1; }
export JITBOT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$pg_password;Database=postgres"
log "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

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
