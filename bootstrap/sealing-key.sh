#!/usr/bin/env bash
# Backs up or restores the sealed-secrets controller's private keys. `minikube delete` destroys them, and
# a new cluster's controller cannot decrypt SealedSecrets committed for the old one; with the backup it can.
# minikube.sh restores the backup before installing the controller and backs up after; down.sh --delete
# backs up before deleting. The file is a Kubernetes Secret list holding PRIVATE KEYS: mode 600, outside
# the clone, never committed.
#
# Usage: bootstrap/sealing-key.sh backup [file] | restore [file]
#   (file default: ~/.config/todo-chatbot/sealing-key-<profile>.yaml)
# Environment: MINIKUBE_PROFILE (default minikube), TODO_CHATBOT_CONFIG_DIR (the folder of the default file).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly KEY_LABEL=sealedsecrets.bitnami.com/sealed-secrets-key
case $# in 1 | 2) ;; *) fail "Usage: bootstrap/sealing-key.sh backup|restore [file]" ;; esac
readonly ACTION="$1"
readonly FILE="${2:-$KEY_BACKUP_DIR/sealing-key-$PROFILE.yaml}"
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."

case "$ACTION" in
  backup)
    KEYS="$(kc -n kube-system get secret -l "$KEY_LABEL" -o yaml)"
    printf '%s\n' "$KEYS" | grep -q "$KEY_LABEL" ||
      fail "The cluster of context $PROFILE has no sealing key yet: install the sealed-secrets controller first (bootstrap/minikube.sh)."
    mkdir -p "$(dirname "$FILE")"
    (umask 077 && printf '%s\n' "$KEYS" >"$FILE.tmp")
    mv "$FILE.tmp" "$FILE"
    printf 'Sealing keys of context %s saved to %s (keep it private; restore with bootstrap/sealing-key.sh restore).\n' "$PROFILE" "$FILE"
    ;;
  restore)
    [ -f "$FILE" ] || fail "There is no sealing-key backup at $FILE: pass the file as the second argument."
    kc apply -f "$FILE"
    # The controller reads its keys at start.
    if kc -n kube-system get deployment sealed-secrets-controller >/dev/null 2>&1; then
      kc -n kube-system rollout restart deployment/sealed-secrets-controller
      kc -n kube-system rollout status deployment/sealed-secrets-controller --timeout=300s
    fi
    printf 'Sealing keys restored into context %s from %s.\n' "$PROFILE" "$FILE"
    ;;
  *) fail "Usage: bootstrap/sealing-key.sh backup|restore [file]" ;;
esac
