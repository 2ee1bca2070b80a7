#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (if it is not running) and makes sure the test role and
# database exist. Used by the test command; the city server's PostgreSQL tests need it.
set -euo pipefail
if ! command -v pg_lsclusters >/dev/null; then
    echo "start-postgres: postgresql is not installed; PostgreSQL tests will be skipped" >&2
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
read -r ver cluster _ < <(pg_lsclusters --no-header | head -1) || true
if [ -z "${ver:-}" ]; then
    echo "start-postgres: no PostgreSQL cluster found" >&2
    exit 0
fi
if ! pg_lsclusters --no-header | head -1 | grep -q online; then
    $SUDO pg_ctlcluster "$ver" "$cluster" start
fi
for _ in $(seq 1 30); do
    if $SUDO -u postgres psql -qtAc 'select 1' >/dev/null 2>&1 || su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1; then break; fi
    sleep 0.5
done
as_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres bash -c "$1"; fi; }
as_pg "psql -qtAc \"select 1 from pg_roles where rolname='passerelle'\"" | grep -q 1 ||
    as_pg "psql -qc \"create role passerelle login password 'passerelle' createdb\""
as_pg "psql -qtAc \"select 1 from pg_database where datname='passerelle_test'\"" | grep -q 1 ||
    as_pg "psql -qc \"create database passerelle_test owner passerelle\""
echo "start-postgres: PostgreSQL $ver/$cluster is up (database passerelle_test)"
