#!/usr/bin/env bash
# Serves dev over https on a real hostname through the Minikube ingress addon: a self-signed certificate
# for HOST in the TLS Secret the chart's Ingress names, then the values to commit. (With cert-manager,
# set ingress.tls.clusterIssuer instead and skip this script.)
#
# Usage: bootstrap/tls.sh <host>   e.g. bootstrap/tls.sh todo.local
# Environment: MINIKUBE_PROFILE (default minikube), NAMESPACE (todo-dev), TLS_SECRET (chatbot-tls).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

readonly NAMESPACE="${NAMESPACE:-todo-dev}"
readonly TLS_SECRET="${TLS_SECRET:-chatbot-tls}"
if [ $# -ne 1 ] || ! [[ "$1" =~ ^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$ ]]; then
  fail "Usage: bootstrap/tls.sh <host> (a DNS name such as todo.local)"
fi
readonly HOST="$1"
require openssl "install OpenSSL (your package manager's openssl)."
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."
require minikube "install Minikube (https://minikube.sigs.k8s.io/docs/start/)."

WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/CN=$HOST" -addext "subjectAltName=DNS:$HOST" \
  -keyout "$WORK_DIR/tls.key" -out "$WORK_DIR/tls.crt" 2>/dev/null
kc create namespace "$NAMESPACE" --dry-run=client -o yaml | kc apply -f -
kc -n "$NAMESPACE" create secret tls "$TLS_SECRET" --cert="$WORK_DIR/tls.crt" --key="$WORK_DIR/tls.key" \
  --dry-run=client -o yaml | kc apply -f -

cat <<EOT
Secret $NAMESPACE/$TLS_SECRET holds a self-signed certificate for $HOST (your browser will ask to trust it).
1. Resolve the name: echo "$(minikube -p "$PROFILE" ip) $HOST" | sudo tee -a /etc/hosts
2. Add to environments/dev/values.yaml, commit and push (then bootstrap/sync.sh):
     publicUrl: "https://$HOST"
     ingress:
       enabled: true
       host: $HOST
       tls:
         enabled: true
         secretName: $TLS_SECRET
EOT
