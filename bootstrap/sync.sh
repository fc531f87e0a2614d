#!/usr/bin/env bash
# Deploys what git says now instead of at Argo CD's next poll (every 3 minutes): asks Argo CD to re-read
# the repository, starts a sync for prod (manual sync policy; dev syncs by itself), and waits until the
# Application has synced main's current commit successfully and is Healthy. Needs no argocd CLI login.
#
# Usage: bootstrap/sync.sh [dev|prod]   (default dev)
# Environment: MINIKUBE_PROFILE (default minikube), WAIT_TIMEOUT_SECONDS (600).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly ENVIRONMENT="${1:-dev}"
readonly APP="chatbot-$ENVIRONMENT"
case "$ENVIRONMENT" in dev | prod) ;; *) fail "Usage: bootstrap/sync.sh [dev|prod]" ;; esac
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."
[ -n "$(app_state "$APP")" ] || fail "Application $APP does not exist in context $PROFILE: run bootstrap/minikube.sh first."

say "Refreshing $APP from git."
kc -n argocd annotate application "$APP" argocd.argoproj.io/refresh=normal --overwrite
if [ "$ENVIRONMENT" = prod ]; then
  say "Starting a sync of $APP (what argocd app sync does)."
  start_sync "$APP"
fi
wait_for_app "$APP" "${WAIT_TIMEOUT_SECONDS:-600}"
printf '%s is Synced and Healthy at %s, its last sync (smoke test included) succeeded.\n' "$APP" "$(remote_main)"
