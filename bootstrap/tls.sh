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
# A config file rather than -addext, which macOS's LibreSSL lacks.
printf '[req]\ndistinguished_name=dn\nx509_extensions=san\nprompt=no\n[dn]\nCN=%s\n[san]\nsubjectAltName=DNS:%s\n' "$HOST" "$HOST" >"$WORK_DIR/openssl.cnf"
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -config "$WORK_DIR/openssl.cnf" \
  -keyout "$WORK_DIR/tls.key" -out "$WORK_DIR/tls.crt" >/dev/null 2>&1 ||
  fail "openssl could not make a certificate for $HOST: run the openssl req command in bootstrap/tls.sh by hand to see why."
kc create namespace "$NAMESPACE" --dry-run=client -o yaml | kc apply -f -
kc -n "$NAMESPACE" create secret tls "$TLS_SECRET" --cert="$WORK_DIR/tls.crt" --key="$WORK_DIR/tls.key" \
  --dry-run=client -o yaml | kc apply -f -

# With the docker driver outside Linux the node's IP is unreachable: `minikube tunnel` serves the
# ingress on 127.0.0.1 instead.
if [ "$(uname -s)" = Linux ]; then
  RESOLVE="echo \"$(minikube -p "$PROFILE" ip) $HOST\" | sudo tee -a /etc/hosts"
else
  RESOLVE="echo \"127.0.0.1 $HOST\" | sudo tee -a /etc/hosts, and keep minikube -p $PROFILE tunnel running"
fi
cat <<EOT
Secret $NAMESPACE/$TLS_SECRET holds a self-signed certificate for $HOST (your browser will ask to trust it).
1. Resolve the name: $RESOLVE
2. Add to environments/dev/values.yaml, commit and push (then bootstrap/sync.sh):
     publicUrl: "https://$HOST"
     ingress:
       enabled: true
       host: $HOST
       tls:
         enabled: true
         secretName: $TLS_SECRET
EOT
