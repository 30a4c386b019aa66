# PostgreSQL for the preview service's integration tests: SECURECART_TEST_POSTGRES when set, otherwise a
# throwaway cluster from the local server binaries on a free loopback port, stopped and removed on exit.

_pg_bindir() {
  local initdb
  initdb=$(command -v initdb 2>/dev/null) && [ -x "$(dirname "$initdb")/pg_ctl" ] && { dirname "$initdb"; return 0; }
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | while read -r d; do [ -x "$d/initdb" ] && echo "$d"; done | tail -1 | grep .
}

_pg_user=''
as_pg() { if [ -n "$_pg_user" ]; then runuser -u "$_pg_user" -- "$@"; else "$@"; fi; }

# True when nothing accepts connections on 127.0.0.1:$1.
_port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

setup_postgres() {
  if [ -n "${SECURECART_TEST_POSTGRES:-}" ]; then
    echo "   PostgreSQL: SECURECART_TEST_POSTGRES (started none)"
    return 0
  fi
  local bin
  if ! bin=$(_pg_bindir); then
    apt_install postgresql && bin=$(_pg_bindir) ||
      setup_fail "no PostgreSQL server found: install it (Debian: apt-get install postgresql) or set SECURECART_TEST_POSTGRES to an Npgsql connection string of a superuser"
  fi

  # The server refuses to run as root: as root it runs as the postgres account (created if the package did not).
  if [ "$(id -u)" -eq 0 ]; then
    _pg_user=postgres
    id "$_pg_user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$_pg_user" ||
      setup_fail "cannot create the postgres account to run the test server as; set SECURECART_TEST_POSTGRES instead"
  fi

  local data; data=$(mktemp -d "${TMPDIR:-/tmp}/securecart-pg.XXXXXX")
  [ "$(id -u)" -eq 0 ] && chown "$_pg_user" "$data"
  on_exit "as_pg '$bin/pg_ctl' -D '$data/db' -m immediate stop >/dev/null 2>&1; rm -rf '$data'"
  as_pg "$bin/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 >"$data/initdb.log" 2>&1 ||
    setup_fail "initdb failed (see below): $(tail -1 "$data/initdb.log")"

  local port attempt
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 40000))
    _port_free "$port" || continue
    if as_pg "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
        -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null 2>&1; then
      export SECURECART_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
      echo "   PostgreSQL: started a throwaway $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($data, removed on exit)"
      return 0
    fi
  done
  setup_fail "PostgreSQL did not start: $(tail -3 "$data/server.log" 2>/dev/null | tr '\n' ' ')"
}
