#!/usr/bin/env bash
# Drives concurrent chat turns at the dev deployment through the web app (the way a browser does) so the
# api's CPU climbs past the HPA target and it scales out (SC-015: 2 -> 5 replicas within 2 minutes).
# Bounded: CONCURRENCY workers, each stopping after DURATION_SECONDS or MAX_TURNS_PER_WORKER turns;
# the script prints `kubectl get hpa` every 15 s, then a summary, and exits on its own.
#
# Usage: bootstrap/load.sh [web-url]   (default: the NodePort URL Minikube reports, Linux)
# Environment: MINIKUBE_PROFILE (minikube), CONCURRENCY (24), DURATION_SECONDS (180),
# MAX_TURNS_PER_WORKER (2000), NAMESPACE (todo-dev).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

readonly NAMESPACE="${NAMESPACE:-todo-dev}"
readonly CONCURRENCY="${CONCURRENCY:-24}"
readonly DURATION_SECONDS="${DURATION_SECONDS:-180}"
readonly MAX_TURNS_PER_WORKER="${MAX_TURNS_PER_WORKER:-2000}"

require curl "install it (https://curl.se/download.html)."
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."
require_project_node
[[ "$CONCURRENCY" =~ ^[1-9][0-9]*$ && "$CONCURRENCY" -le 200 ]] || fail "CONCURRENCY must be a whole number from 1 to 200."
[[ "$DURATION_SECONDS" =~ ^[1-9][0-9]*$ && "$DURATION_SECONDS" -le 1800 ]] || fail "DURATION_SECONDS must be a whole number from 1 to 1800."
[[ "$MAX_TURNS_PER_WORKER" =~ ^[1-9][0-9]*$ ]] || fail "MAX_TURNS_PER_WORKER must be a positive whole number."

WEB_SERVICE="$(kc -n "$NAMESPACE" get service -l app.kubernetes.io/component=web -o jsonpath='{.items[0].metadata.name}')" ||
  fail "No web Service in $NAMESPACE: run bootstrap/minikube.sh first."
if [ $# -ge 1 ]; then
  WEB_URL="${1%/}"
else
  command -v minikube >/dev/null 2>&1 || fail "minikube is not installed: pass the web URL as the first argument."
  [ "$(uname -s)" = Linux ] || fail "Pass the web URL: run minikube -p $PROFILE service -n $NAMESPACE $WEB_SERVICE --url in another terminal and use what it prints."
  WEB_URL="$(minikube -p "$PROFILE" service -n "$NAMESPACE" "$WEB_SERVICE" --url | head -n 1)"
fi
# better-auth accepts requests whose Origin is its own public URL.
ORIGIN="$(values get dev publicUrl)"

WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT
COOKIES="$WORK_DIR/cookies.txt"

printf 'Signing up a load-test user at %s.\n' "$WEB_URL"
EMAIL="load-$(date +%s)-$$@example.com"
curl --fail --silent --show-error --cookie-jar "$COOKIES" -H 'Content-Type: application/json' -H "Origin: $ORIGIN" \
  --data "{\"email\":\"$EMAIL\",\"password\":\"load-test-password\",\"name\":\"load test\"}" \
  "$WEB_URL/api/auth/sign-up/email" >/dev/null

worker() { # id: chat turns until the deadline or the turn limit, one HTTP status per line
  local id="$1" turn=0
  while ((SECONDS < DEADLINE && turn < MAX_TURNS_PER_WORKER)); do
    turn=$((turn + 1))
    curl --silent --output /dev/null --write-out '%{http_code}\n' --max-time 30 --cookie "$COOKIES" \
      -H 'Content-Type: application/json' -H "Origin: $ORIGIN" \
      --data "{\"message\":\"show my high priority tasks\",\"client_message_id\":\"load-$$-$id-$turn\"}" \
      "$WEB_URL/api/chat" >>"$WORK_DIR/status-$id.txt" || printf 'curl-error\n' >>"$WORK_DIR/status-$id.txt"
  done
}

readonly DEADLINE=$((SECONDS + DURATION_SECONDS))
printf 'Starting %s workers for %ss (at most %s turns each).\n' "$CONCURRENCY" "$DURATION_SECONDS" "$MAX_TURNS_PER_WORKER"
WORKERS=()
for id in $(seq 1 "$CONCURRENCY"); do
  worker "$id" &
  WORKERS+=("$!")
done
# Stop the workers (this script's own children, by id) if the script is interrupted.
trap 'kill "${WORKERS[@]}" 2>/dev/null; rm -rf "$WORK_DIR"' EXIT

while ((SECONDS < DEADLINE)); do
  printf '\n[%3ss] ' "$((DURATION_SECONDS - DEADLINE + SECONDS))"
  kc -n "$NAMESPACE" get hpa
  sleep 15
done
wait "${WORKERS[@]}"
trap 'rm -rf "$WORK_DIR"' EXIT

printf '\nFinal state:\n'
kc -n "$NAMESPACE" get hpa
kc -n "$NAMESPACE" get pods -l app.kubernetes.io/component=api
printf '\nChat turns by HTTP status:\n'
cat "$WORK_DIR"/status-*.txt | sort | uniq -c
