#!/usr/bin/env bash
# From a clone with a filled-in .env to todo-chatbot running in Minikube, deployed by Argo CD from your fork.
# Safe to re-run: every step checks or converges (start, addons, installs, Secret, repo URL, apply).
#
# Environment: MINIKUBE_PROFILE (default minikube), MINIKUBE_CPUS (4), MINIKUBE_MEMORY (8g),
# WAIT_TIMEOUT_SECONDS (900) for chatbot-dev to become Synced/Healthy.
set -euo pipefail

# Pinned releases; their official install manifests are applied as published.
readonly ARGOCD_VERSION=v3.1.9
readonly SEALED_SECRETS_VERSION=v0.36.6
readonly ARGOCD_MANIFEST="https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml"
readonly SEALED_SECRETS_MANIFEST="https://github.com/bitnami-labs/sealed-secrets/releases/download/${SEALED_SECRETS_VERSION}/controller.yaml"

readonly PROFILE="${MINIKUBE_PROFILE:-minikube}"
readonly CPUS="${MINIKUBE_CPUS:-4}"
readonly MEMORY="${MINIKUBE_MEMORY:-8g}"
readonly WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-900}"
readonly DEV_NAMESPACE=todo-dev

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
cd "$REPO_ROOT"

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }
kc() { kubectl --context "$PROFILE" "$@"; }
values() { node tools/delivery/src/environment-values.cli.ts "$@"; }

require() {
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed: $2"
}

# --- prerequisites -----------------------------------------------------------------------------------
require docker "install Docker (https://docs.docker.com/get-docker/) and start it."
require minikube "install Minikube (https://minikube.sigs.k8s.io/docs/start/)."
require kubectl "install kubectl (https://kubernetes.io/docs/tasks/tools/)."
require helm "install Helm 3.8+ (https://helm.sh/docs/intro/install/)."
require git "install git (https://git-scm.com/downloads)."
require node "install Node.js 22 (https://nodejs.org/) and run npm ci."
docker info >/dev/null 2>&1 || fail "docker is installed but its daemon does not answer: start Docker (or Docker Desktop) and re-run."
[ -d node_modules/yaml ] || fail "node_modules is missing: run npm ci in $REPO_ROOT first."
[ -f .env ] || fail "There is no .env: run cp .env.example .env, fill in BETTER_AUTH_SECRET (and OPENAI_API_KEY if you have one), then re-run."
ORIGIN_URL="$(git remote get-url origin 2>/dev/null)" || fail "This clone has no git remote named origin: clone your fork (git clone https://github.com/<you>/todo-chatbot.git) so Argo CD has a repository to read."

# --- Minikube ----------------------------------------------------------------------------------------
if minikube -p "$PROFILE" status --format '{{.Host}} {{.APIServer}}' 2>/dev/null | grep -q '^Running Running$'; then
  say "Minikube profile $PROFILE is already running."
else
  say "Starting Minikube ($CPUS CPUs, $MEMORY memory)."
  minikube -p "$PROFILE" start --cpus="$CPUS" --memory="$MEMORY"
fi
say "Enabling the metrics-server (HPA) and ingress addons."
minikube -p "$PROFILE" addons enable metrics-server
minikube -p "$PROFILE" addons enable ingress

# --- Argo CD and the sealed-secrets controller -------------------------------------------------------
say "Installing Argo CD $ARGOCD_VERSION."
kc create namespace argocd --dry-run=client -o yaml | kc apply -f -
# Server-side apply: the ApplicationSet CRD is too large for client-side apply's annotation.
kc apply -n argocd --server-side --force-conflicts -f "$ARGOCD_MANIFEST"
say "Installing the sealed-secrets controller $SEALED_SECRETS_VERSION."
kc apply --server-side --force-conflicts -f "$SEALED_SECRETS_MANIFEST"
kc -n argocd rollout status deployment/argocd-server --timeout=300s
kc -n argocd rollout status deployment/argocd-repo-server --timeout=300s
kc -n argocd rollout status statefulset/argocd-application-controller --timeout=300s
kc -n kube-system rollout status deployment/sealed-secrets-controller --timeout=300s

# --- the dev Secret ----------------------------------------------------------------------------------
env_value() { # the value of KEY in .env ('' when absent), without sourcing the file
  sed -n "s/^$1=//p" .env | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}
SECRET_MODE="$(values get dev secrets.mode)"
case "$SECRET_MODE" in
  existing)
    SECRET_NAME="$(values get dev secrets.existingSecret)"
    [ -n "$SECRET_NAME" ] || fail "environments/dev sets secrets.mode=existing without secrets.existingSecret: name the Secret there."
    [ -n "$(env_value BETTER_AUTH_SECRET)" ] || fail "BETTER_AUTH_SECRET is empty in .env: set it (openssl rand -base64 32) and re-run."
    say "Creating or updating Secret $SECRET_NAME in $DEV_NAMESPACE from .env."
    kc create namespace "$DEV_NAMESPACE" --dry-run=client -o yaml | kc apply -f -
    kc -n "$DEV_NAMESPACE" create secret generic "$SECRET_NAME" \
      --from-literal=DATABASE_URL="$(env_value DATABASE_URL)" \
      --from-literal=OPENAI_API_KEY="$(env_value OPENAI_API_KEY)" \
      --from-literal=BETTER_AUTH_SECRET="$(env_value BETTER_AUTH_SECRET)" \
      --dry-run=client -o yaml | kc apply -f -
    ;;
  sealed)
    [ "$(values get dev secrets.encryptedData)" != "{}" ] ||
      fail "environments/dev uses secrets.mode=sealed but has no encryptedData: run bootstrap/seal-secret.sh dev and re-run."
    say "The dev Secret comes from the SealedSecret in environments/dev/values.yaml."
    ;;
  *)
    # The chart renders a throwaway dev Secret (offline engine). A real key in .env must not be committed
    # in plain text: seal it instead (the commit below carries the ciphertext).
    if [ -n "$(env_value OPENAI_API_KEY)" ]; then
      command -v kubeseal >/dev/null 2>&1 ||
        fail "kubeseal is not installed and .env has an OPENAI_API_KEY to seal: install kubeseal (https://github.com/bitnami-labs/sealed-secrets#kubeseal), or empty the key to use the offline engine."
      say "Sealing .env's secrets into environments/dev/values.yaml (secrets.mode: sealed)."
      MINIKUBE_PROFILE="$PROFILE" bootstrap/seal-secret.sh dev
    else
      say "The dev Secret is rendered by the chart (no OPENAI_API_KEY in .env: the offline chat engine answers)."
    fi
    ;;
esac

# --- point Argo CD and the image repositories at this fork -------------------------------------------
# git@github.com:you/todo-chatbot.git -> https://github.com/you/todo-chatbot.git (Argo CD reads public
# repositories over https without credentials).
REPO_URL="$ORIGIN_URL"
if [[ "$REPO_URL" =~ ^git@([^:]+):(.+)$ ]]; then
  REPO_URL="https://${BASH_REMATCH[1]}/${BASH_REMATCH[2]}"
fi
REPO_URL="${REPO_URL%.git}.git"
CURRENT_REPO_URL="$(sed -n 's/^ *repoURL: *//p' argocd/root.yaml | head -n 1)"

replace_literal() { # file old new: exact string replacement, no regex, so URLs need no escaping
  local content
  content="$(<"$1")"
  printf '%s\n' "${content//"$2"/"$3"}" >"$1"
}
if [ "$CURRENT_REPO_URL" != "$REPO_URL" ]; then
  say "Pointing the Argo CD Applications at $REPO_URL."
  for file in argocd/*.yaml argocd/apps/*.yaml; do replace_literal "$file" "$CURRENT_REPO_URL" "$REPO_URL"; done
fi
# The image repositories follow the fork's owner too (release.yml pushes to ghcr.io/<owner>/…).
if [[ "$REPO_URL" =~ ^https://github\.com/([^/]+)/ ]]; then
  OWNER="${BASH_REMATCH[1],,}"
  for file in environments/*/values.yaml; do replace_literal "$file" "ghcr.io/OWNER/" "ghcr.io/${OWNER}/"; done
fi
if ! git diff --quiet -- argocd environments; then
  say "Committing and pushing argocd/ and environments/ (Argo CD reads them from git, not from this clone)."
  git add argocd environments
  git commit -m "Point Argo CD at ${REPO_URL}" -- argocd environments
  git push origin HEAD
fi
[ "$(git rev-parse --abbrev-ref HEAD)" = main ] || printf 'Note: the Applications track branch main; you are on %s.\n' "$(git rev-parse --abbrev-ref HEAD)"

# --- images ------------------------------------------------------------------------------------------
# Built by Minikube's own Docker daemon (docker-env; the client still honours .dockerignore) under the
# exact name:tag the dev values deploy (pullPolicy IfNotPresent), so the first deploy needs no registry.
GIT_SHA="$(git rev-parse HEAD)"
for component in api web; do
  image="$(values image dev "$component")"
  say "Building $image inside Minikube."
  (
    eval "$(minikube -p "$PROFILE" docker-env --shell bash)"
    DOCKER_BUILDKIT=1 docker build -t "$image" -f "apps/$component/Dockerfile" \
      --build-arg "GIT_SHA=$GIT_SHA" --build-arg "VERSION=${image##*:}" .
  )
done

# --- Argo CD objects ---------------------------------------------------------------------------------
say "Applying the AppProjects and the root Application."
kc apply -f argocd/projects.yaml
kc apply -f argocd/root.yaml

say "Waiting up to ${WAIT_TIMEOUT_SECONDS}s for chatbot-dev to be Synced and Healthy."
deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS))
until [ "$(kc -n argocd get application chatbot-dev -o jsonpath='{.status.sync.status}/{.status.health.status}' 2>/dev/null)" = "Synced/Healthy" ]; do
  if ((SECONDS >= deadline)); then
    kc -n argocd get applications
    fail "chatbot-dev is not Synced/Healthy after ${WAIT_TIMEOUT_SECONDS}s: see kubectl -n argocd describe application chatbot-dev and kubectl -n $DEV_NAMESPACE get pods."
  fi
  printf '  %s\n' "$(kc -n argocd get application chatbot-dev -o jsonpath='{.status.sync.status}/{.status.health.status}' 2>/dev/null || printf 'not created yet')"
  sleep 10
done

# --- where to go next --------------------------------------------------------------------------------
WEB_SERVICE="$(kc -n "$DEV_NAMESPACE" get service -l app.kubernetes.io/component=web -o jsonpath='{.items[0].metadata.name}')"
PUBLIC_URL="$(values get dev publicUrl)"
PUBLIC_PORT="${PUBLIC_URL##*:}"
WEB_SERVICE_PORT="$(values get dev web.service.port)"
ARGOCD_PASSWORD="$(kc -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 --decode)"
# On Linux the NodePort answers on the Minikube IP; elsewhere `minikube service --url` holds a tunnel open.
if [ "$(uname -s)" = Linux ]; then
  NODE_URL="$(minikube -p "$PROFILE" service -n "$DEV_NAMESPACE" "$WEB_SERVICE" --url | head -n 1)"
else
  NODE_URL="run: minikube -p $PROFILE service -n $DEV_NAMESPACE $WEB_SERVICE --url (keeps a tunnel open)"
fi
cat <<EOF

todo-chatbot (dev) is Synced and Healthy.
  App:      $PUBLIC_URL  (the sign-in origin) after:
              kubectl --context $PROFILE -n $DEV_NAMESPACE port-forward service/$WEB_SERVICE $PUBLIC_PORT:$WEB_SERVICE_PORT
            NodePort: $NODE_URL
  Argo CD:  kubectl --context $PROFILE -n argocd port-forward service/argocd-server 8080:443, then https://localhost:8080
            user admin, password $ARGOCD_PASSWORD
            (CLI: argocd login localhost:8080 --username admin --password '$ARGOCD_PASSWORD' --insecure)
  Deploy:   git push to main: release.yml builds, scans, pushes and bumps environments/dev/values.yaml.
  Load:     bootstrap/load.sh  (watch the api HPA scale)
EOF
