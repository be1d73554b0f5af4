#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on loopback for the store tests and prints its URL.
# Used by `make test` when CI=true (a clean CI machine has no server running); a developer
# can run it too. Installs Debian's postgresql if missing. Prints nothing and exits 0 when
# PostgreSQL cannot be set up, so the suite still runs on SQLite alone.
set -u
log=/tmp/eventcoder-ci-postgres.log
{
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql \
        || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql; }
    fi
  fi
  command -v pg_ctlcluster >/dev/null 2>&1 || exit 0
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main
  pg_ctlcluster "$version" main start || true
  for _ in $(seq 1 20); do
    su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break
    sleep 0.5
  done
  su postgres -c "psql -qc \"DO \\\$\\\$BEGIN CREATE ROLE eventcoder_ci LOGIN SUPERUSER PASSWORD 'eventcoder_ci'; EXCEPTION WHEN duplicate_object THEN NULL; END\\\$\\\$\"" \
    && su postgres -c "dropdb --if-exists eventcoder_ci_test" \
    && su postgres -c "createdb -O eventcoder_ci eventcoder_ci_test"
} >"$log" 2>&1 || exit 0
port=$(su postgres -c "psql -qAtc 'show port'" 2>/dev/null) || exit 0
echo "postgresql+psycopg://eventcoder_ci:eventcoder_ci@127.0.0.1:${port}/eventcoder_ci_test"
