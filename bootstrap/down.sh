#!/usr/bin/env bash
# Removes what bootstrap/minikube.sh created. Default: delete the Argo CD Applications (their workloads go
# with them) and stop Minikube, keeping the cluster for a fast restart. --delete removes the Minikube
# profile entirely. Safe to re-run.
#
# Usage: bootstrap/down.sh [--delete]
# Environment: MINIKUBE_PROFILE (default minikube).
set -euo pipefail

readonly PROFILE="${MINIKUBE_PROFILE:-minikube}"
fail() { printf '%s\n' "$*" >&2; exit 1; }

DELETE_PROFILE=false
case "${1:-}" in
  "") ;;
  --delete) DELETE_PROFILE=true ;;
  *) fail "Usage: bootstrap/down.sh [--delete]" ;;
esac
command -v minikube >/dev/null 2>&1 || fail "minikube is not installed: there is nothing to take down."
command -v kubectl >/dev/null 2>&1 || fail "kubectl is not installed: install it (https://kubernetes.io/docs/tasks/tools/)."

if minikube -p "$PROFILE" status --format '{{.APIServer}}' 2>/dev/null | grep -q '^Running$'; then
  # The root's finalizer cascades to chatbot-dev; chatbot-prod has none, so it is deleted explicitly.
  kubectl --context "$PROFILE" -n argocd delete application todo-chatbot-root chatbot-dev chatbot-prod --ignore-not-found --wait=true --timeout=300s
  kubectl --context "$PROFILE" delete namespace todo-dev todo-prod --ignore-not-found --wait=true --timeout=300s
fi

if [ "$DELETE_PROFILE" = true ]; then
  minikube -p "$PROFILE" delete
elif minikube -p "$PROFILE" status --format '{{.Host}}' 2>/dev/null | grep -q '^Running$'; then
  minikube -p "$PROFILE" stop
else
  printf 'Minikube profile %s is not running.\n' "$PROFILE"
fi
