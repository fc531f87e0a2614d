#!/usr/bin/env bash
# Seals DATABASE_URL, OPENAI_API_KEY and BETTER_AUTH_SECRET from .env with the cluster's sealed-secrets key
# and writes the ciphertexts into secrets.encryptedData (and secrets.mode: sealed) of
# environments/<env>/values.yaml through the yaml Document API (not sed), then prints the diff. Commit and
# push the file; Argo CD renders the SealedSecret and the controller unseals it in todo-<env>.
#
# Usage: bootstrap/seal-secret.sh dev|prod
# Environment: MINIKUBE_PROFILE (default minikube; the kubectl context kubeseal talks to),
# KUBECONTEXT (overrides it, e.g. for a real prod cluster).
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

readonly SEALED_SECRETS_NAMESPACE=kube-system
readonly SEALED_SECRETS_CONTROLLER=sealed-secrets-controller
readonly CONTEXT="${KUBECONTEXT:-$PROFILE}"

[ $# -eq 1 ] || fail "Usage: bootstrap/seal-secret.sh dev|prod"
readonly ENVIRONMENT="$1"
[ -f "environments/$ENVIRONMENT/values.yaml" ] || fail "environments/$ENVIRONMENT/values.yaml does not exist: pass dev or prod."
require kubeseal "install it (https://github.com/bitnami-labs/sealed-secrets#kubeseal)."
require kubectl "install it (https://kubernetes.io/docs/tasks/tools/)."
require_project_node
[ -f .env ] || fail "There is no .env: run cp .env.example .env and fill it in."

# The SealedSecret is strictly scoped: the ciphertext only decrypts under this name in this namespace,
# which must be the Secret name the chart renders (release "chatbot": existingSecret or chatbot-secrets).
NAMESPACE="todo-$ENVIRONMENT"
SECRET_NAME="$(values get "$ENVIRONMENT" secrets.existingSecret)"
SECRET_NAME="${SECRET_NAME:-chatbot-secrets}"

[ -n "$(env_value BETTER_AUTH_SECRET)" ] || fail "BETTER_AUTH_SECRET is empty in .env: set it (openssl rand -base64 32) and re-run."

seal() { # KEY -> the base64 ciphertext of the value of KEY in .env
  env_value "$1" | tr -d '\n' | kubeseal --raw --context "$CONTEXT" \
    --controller-namespace "$SEALED_SECRETS_NAMESPACE" --controller-name "$SEALED_SECRETS_CONTROLLER" \
    --namespace "$NAMESPACE" --name "$SECRET_NAME" --from-file=/dev/stdin
}

printf 'Sealing .env for Secret %s/%s with the controller in context %s.\n' "$NAMESPACE" "$SECRET_NAME" "$CONTEXT"
# Assignments, not inline substitutions, so a kubeseal failure stops the script (set -e).
SEALED_DATABASE_URL="$(seal DATABASE_URL)"
SEALED_OPENAI_API_KEY="$(seal OPENAI_API_KEY)"
SEALED_BETTER_AUTH_SECRET="$(seal BETTER_AUTH_SECRET)"
printf '{"DATABASE_URL":"%s","OPENAI_API_KEY":"%s","BETTER_AUTH_SECRET":"%s"}' \
  "$SEALED_DATABASE_URL" "$SEALED_OPENAI_API_KEY" "$SEALED_BETTER_AUTH_SECRET" |
  values set-encrypted-data "$ENVIRONMENT"

printf 'Review, then: git add environments/%s/values.yaml && git commit -m "Seal %s secrets" && git push\n' "$ENVIRONMENT" "$ENVIRONMENT"
