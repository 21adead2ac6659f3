#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server from the installed binaries, for tests.
#
#   source scripts/pg-temp.sh && pg_temp_start    # sets SALON_TEST_POSTGRES, PG_TEMP_DIR
#   ...                                           # run the tests
#   pg_temp_stop                                  # stops the server and removes its folder
#
# The cluster lives in a mktemp folder (data, socket, log), listens on a free loopback port, trusts
# local connections (it is throwaway and bound to 127.0.0.1 only) and uses a UTF-8 locale (C.UTF-8) so
# pg_trgm extracts trigrams from Japanese text. As root, the server runs as the 'postgres' user
# (PostgreSQL refuses to run as root). Binaries: $PG_BIN, else the newest /usr/lib/postgresql/*/bin,
# else whatever is on PATH; `apt-get install -y postgresql` only when none is found.

pg_temp_find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return 0; fi
  return 1
}

pg_temp_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

pg_temp_start() {
  local bin
  if ! bin=$(pg_temp_find_bin); then
    echo "PostgreSQL binaries not found; installing postgresql with apt-get" >&2
    if [ "$(id -u)" -eq 0 ]; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2 || return 1
    else
      sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-contrib >&2 || return 1
    fi
    bin=$(pg_temp_find_bin) || return 1
  fi

  PG_TEMP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/salon-pg.XXXXXX")
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || return 1
    chown postgres "$PG_TEMP_DIR"
    run=(runuser -u postgres --)
  fi

  local port
  port=$(pg_temp_free_port)
  "${run[@]}" "$bin/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$PG_TEMP_DIR/initdb.log" 2>&1 || { cat "$PG_TEMP_DIR/initdb.log" >&2; return 1; }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEMP_DIR -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$PG_TEMP_DIR/server.log" >&2; return 1; }
  PG_TEMP_BIN=$bin
  PG_TEMP_RUN="${run[*]}"
  export PG_TEMP_DIR PG_TEMP_BIN PG_TEMP_RUN
  export SALON_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  # The search needs pg_trgm (PostgreSQL's contrib); fail now rather than in every test.
  "${run[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
    -c "CREATE EXTENSION IF NOT EXISTS pg_trgm; DROP EXTENSION pg_trgm;" >&2 || { echo "pg_trgm is not available (install postgresql-contrib)" >&2; return 1; }
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($PG_TEMP_DIR)" >&2
}

pg_temp_stop() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR" ]; then
    # shellcheck disable=SC2086
    $PG_TEMP_RUN "$PG_TEMP_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEMP_DIR"
  fi
  PG_TEMP_DIR=
}
