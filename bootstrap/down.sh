#!/usr/bin/env bash
# Removes what bootstrap/minikube.sh created. Default: delete the Argo CD Applications (their workloads go
# with them) and stop Minikube, keeping the cluster for a fast restart. --delete removes the Minikube
# profile entirely, after backing up the sealing key (bootstrap/sealing-key.sh) so that the SealedSecrets
# in git still decrypt on the next cluster. Safe to re-run.
#
# Usage: bootstrap/down.sh [--delete]
# Environment: MINIKUBE_PROFILE (default minikube).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

DELETE_PROFILE=false
case "${1:-}" in
  "") ;;
  --delete) DELETE_PROFILE=true ;;
  *) fail "Usage: bootstrap/down.sh [--delete]" ;;
esac
require minikube "there is nothing to take down."
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."

if minikube -p "$PROFILE" status --format '{{.APIServer}}' 2>/dev/null | grep -q '^Running$'; then
  if [ "$DELETE_PROFILE" = true ] && [ -n "$(kc -n kube-system get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o name)" ]; then
    MINIKUBE_PROFILE="$PROFILE" "$REPO_ROOT/bootstrap/sealing-key.sh" backup
  fi
  # The root's finalizer cascades to chatbot-dev; chatbot-prod has none, so it is deleted explicitly.
  kc -n argocd delete application todo-chatbot-root chatbot-dev chatbot-prod --ignore-not-found --wait=true --timeout=300s
  kc delete namespace todo-dev todo-prod --ignore-not-found --wait=true --timeout=300s
fi

if [ "$DELETE_PROFILE" = true ]; then
  minikube -p "$PROFILE" delete
elif minikube -p "$PROFILE" status --format '{{.Host}}' 2>/dev/null | grep -q '^Running$'; then
  minikube -p "$PROFILE" stop
else
  printf 'Minikube profile %s is not running.\n' "$PROFILE"
fi
