#!/usr/bin/env bash
# Backs up or restores the dev environment's in-cluster PostgreSQL with pg_dump / pg_restore inside its
# pod (through kubectl exec; nothing to install on the laptop). A restore replaces the database's contents.
#
# Usage: bootstrap/db.sh backup [file] | restore <file>   (backup default: todo-dev-<UTC time>.dump)
# Environment: MINIKUBE_PROFILE (default minikube), NAMESPACE (todo-dev).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly NAMESPACE="${NAMESPACE:-todo-dev}"
readonly USAGE="Usage: bootstrap/db.sh backup [file] | restore <file>"
case $# in 1 | 2) ;; *) fail "$USAGE" ;; esac
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."
POD="$(kc -n "$NAMESPACE" get pod -l app.kubernetes.io/component=postgresql -o jsonpath='{.items[0].metadata.name}' 2>/dev/null)" || POD=""
[ -n "$POD" ] || fail "No in-cluster PostgreSQL pod in $NAMESPACE (context $PROFILE): is dev deployed with postgresql.enabled?"
# The image's own environment names the user and database.
# shellcheck disable=SC2016 # expanded by the pod's shell
pg() { kc -n "$NAMESPACE" exec -i "$POD" -c postgresql -- sh -c "$1"' -U "$POSTGRES_USER" -d "$POSTGRES_DB"'; }

case "$1" in
  backup)
    FILE="${2:-todo-dev-$(date -u +%Y%m%dT%H%M%SZ).dump}"
    (umask 077 && pg 'pg_dump --format=custom --no-owner' >"$FILE.tmp")
    mv "$FILE.tmp" "$FILE"
    printf 'Saved %s (%s bytes) from %s/%s.\n' "$FILE" "$(wc -c <"$FILE" | tr -d ' ')" "$NAMESPACE" "$POD"
    ;;
  restore)
    [ $# -eq 2 ] || fail "$USAGE"
    [ -s "$2" ] || fail "$2 does not exist or is empty: pass a file made by bootstrap/db.sh backup."
    pg 'pg_restore --clean --if-exists --no-owner --single-transaction' <"$2"
    printf 'Restored %s into %s/%s.\n' "$2" "$NAMESPACE" "$POD"
    ;;
  *) fail "$USAGE" ;;
esac
