#!/usr/bin/env bash
# Promote dev to prod once dev is known to be good. GitHub cannot see your Minikube, so this runs on your
# machine: it checks that chatbot-dev is Synced and Healthy and runs the images environments/dev/values.yaml
# pins, then starts .github/workflows/promote.yml with that sha (which refuses if dev has moved on since).
#
# Usage: bootstrap/promote.sh [both|api|web]   (default both)
# Environment: MINIKUBE_PROFILE (default minikube), the kubectl context of the dev cluster.
# Needs kubectl; gh to start the workflow (without gh it prints the command to run).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

readonly USAGE="Usage: bootstrap/promote.sh [both|api|web]"

[ "$#" -le 1 ] || fail "$USAGE"
COMPONENT="${1:-both}"
case "$COMPONENT" in
  both | api | web) ;;
  *) fail "$USAGE" ;;
esac

# --- prerequisites -----------------------------------------------------------------------------------
require kubectl "install kubectl (https://kubernetes.io/docs/tasks/tools/)."
require_project_node
HAVE_GH=false
if command -v gh >/dev/null 2>&1; then HAVE_GH=true; fi

# --- what dev's values pin ---------------------------------------------------------------------------
API_TAG="$(values get dev api.image.tag)"
WEB_TAG="$(values get dev web.image.tag)"
# What the chart deploys: repository:tag, with @digest once CI pins one.
API_IMAGE="$(values deployed-image dev api)"
WEB_IMAGE="$(values deployed-image dev web)"
case "$COMPONENT" in
  api) DEV_SHA="$API_TAG" ;;
  web) DEV_SHA="$WEB_TAG" ;;
  *)
    [ "$API_TAG" = "$WEB_TAG" ] ||
      fail "dev pins api $API_TAG and web $WEB_TAG, so there is no single sha to promote: run bootstrap/promote.sh api, then bootstrap/promote.sh web."
    DEV_SHA="$API_TAG"
    ;;
esac
[[ "$DEV_SHA" =~ ^[0-9a-f]{40}$ ]] ||
  fail "dev pins $DEV_SHA, which is not a git sha: only images release.yml built can be promoted, so push to main, wait for its bump to reach dev, git pull, and re-run."

# --- what dev runs -----------------------------------------------------------------------------------
# Synced/Healthy alone ignores hooks: the last sync (migration and smoke test included) must have succeeded.
STATE="$(kc -n argocd get application chatbot-dev -o jsonpath='{.status.sync.status}/{.status.health.status}/{.status.operationState.phase}' 2>/dev/null)" ||
  fail "Cannot read Application chatbot-dev in namespace argocd on context $PROFILE: start the cluster (minikube -p $PROFILE start) or run bootstrap/minikube.sh."
[ "$STATE" = Synced/Healthy/Succeeded ] ||
  fail "chatbot-dev is $STATE (sync/health/last sync), not Synced/Healthy/Succeeded: fix dev first (kubectl --context $PROFILE -n argocd describe application chatbot-dev), then re-run."
RUNNING="$(kc -n argocd get application chatbot-dev -o jsonpath='{range .status.summary.images[*]}{@}{"\n"}{end}')"
for image in "$API_IMAGE" "$WEB_IMAGE"; do
  case $'\n'"$RUNNING"$'\n' in
    *$'\n'"$image"$'\n'*) ;;
    *) fail "chatbot-dev does not run $image, which environments/dev/values.yaml pins: git pull and wait for Argo CD to sync it (or check which images it runs with kubectl --context $PROFILE -n argocd get application chatbot-dev -o jsonpath='{.status.summary.images}'), then re-run." ;;
  esac
done
printf 'chatbot-dev is Synced and Healthy and runs %s and %s.\n' "$API_IMAGE" "$WEB_IMAGE"

# --- start the promotion -----------------------------------------------------------------------------
if [ "$HAVE_GH" = true ]; then
  gh workflow run promote.yml --ref main -f component="$COMPONENT" -f dev_sha="$DEV_SHA"
  printf 'Started promote.yml for %s at %s: follow it with gh run watch, then review and merge its pull request.\n' "$COMPONENT" "$DEV_SHA"
else
  printf 'gh is not installed (https://cli.github.com/): start the promotion with\n  gh workflow run promote.yml --ref main -f component=%s -f dev_sha=%s\nor GitHub -> Actions -> promote -> Run workflow with component %s and dev_sha %s.\n' \
    "$COMPONENT" "$DEV_SHA" "$COMPONENT" "$DEV_SHA"
fi
