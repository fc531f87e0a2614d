#!/usr/bin/env bash
# Initialises the cluster on first start like the official image, then runs postgres in the foreground.
set -euo pipefail
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  initdb --username="${POSTGRES_USER:-postgres}" --pwfile=<(printf '%s' "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}") \
    --auth-host=scram-sha-256 --auth-local=trust -D "$PGDATA" >/dev/null
  printf "listen_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >>"$PGDATA/pg_hba.conf"
  if [ -n "${POSTGRES_DB:-}" ] && [ "${POSTGRES_DB}" != "${POSTGRES_USER:-postgres}" ]; then
    postgres --single -D "$PGDATA" -j postgres <<<"CREATE DATABASE \"${POSTGRES_DB}\";" >/dev/null
  fi
fi
exec "$@" -D "$PGDATA" -k /var/run/postgresql
