# Sourced by .ci/run and bench/run: a throwaway PostgreSQL server from the distribution's packages, in a temporary
# folder on 127.0.0.1 and a free port. postgres_start [CPUS] installs the server when missing, starts it (pinned to
# CPUS when given) and sets pg_port; postgres_stop stops it and removes its folder. initdb refuses root, so as root
# the server runs as the postgres user.

postgres_start() {
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; } || { echo "could not install postgresql"; return 1; }
  fi
  pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  pg_dir=$(mktemp -d)
  pg_port=55432
  while (echo >"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
    chown postgres:postgres "$pg_dir"
    as=(runuser -u postgres --)
  fi
  local pin=()
  [ -z "${1:-}" ] || pin=(taskset -c "$1")
  # fsync off: the server is thrown away at the end.
  "${as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --no-sync >/dev/null \
    && "${pin[@]}" "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c max_connections=300" start >/dev/null \
    || { echo "could not start PostgreSQL"; cat "$pg_dir/server.log" 2>/dev/null; return 1; }
}

postgres_stop() {
  [ -n "${pg_dir:-}" ] || return 0
  local as=()
  [ "$(id -u)" != 0 ] || as=(runuser -u postgres --)
  "${as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  pg_dir=""
}
