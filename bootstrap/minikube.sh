#!/usr/bin/env bash
# From a clone of your fork with a filled-in .env to todo-chatbot running in Minikube, deployed by Argo CD
# from the fork. Safe to re-run: every step checks or converges. Runs on Linux and macOS (bash 3.2).
#
# Environment: MINIKUBE_PROFILE (minikube), MINIKUBE_CPUS (4), MINIKUBE_MEMORY (8g), MINIKUBE_CNI (calico:
# a CNI that enforces NetworkPolicies), WAIT_TIMEOUT_SECONDS (900) for chatbot-dev to become
# Synced/Healthy, GITOPS_REPO_URL (default: origin as an https URL) for the repository Argo CD reads.
set -euo pipefail

# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

readonly CPUS="${MINIKUBE_CPUS:-4}"
readonly MEMORY="${MINIKUBE_MEMORY:-8g}"
readonly CNI="${MINIKUBE_CNI:-calico}"
readonly WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-900}"
readonly DEV_NAMESPACE=todo-dev

# --- prerequisites: all checked before anything changes -------------------------------------------
require docker "install Docker (https://docs.docker.com/get-docker/) and start it."
require minikube "install Minikube (https://minikube.sigs.k8s.io/docs/start/)."
require kubectl "install kubectl (https://kubernetes.io/docs/tasks/tools/)."
require git "install git (https://git-scm.com/downloads)."
require node "install Node.js (https://nodejs.org/), then run npm ci."
require_project_node
docker info >/dev/null 2>&1 || fail "docker is installed but its daemon does not answer: start Docker (or Docker Desktop) and re-run."
[ -f .env ] || fail "There is no .env: run cp .env.example .env, fill in BETTER_AUTH_SECRET (and OPENAI_API_KEY if you have one), then re-run."
[ -n "$(env_value BETTER_AUTH_SECRET)" ] || fail "BETTER_AUTH_SECRET is empty in .env: set it (openssl rand -base64 32) and re-run."
ORIGIN_URL="$(git remote get-url origin 2>/dev/null)" ||
  fail "This clone has no git remote named origin: clone your fork (git clone https://github.com/<you>/todo-chatbot.git) so Argo CD has a repository to read."
# The CLI names a remote it cannot turn into a GitHub https URL in one sentence.
REPO_URL="$("$PROJECT_NODE" tools/delivery/src/point-at-fork.cli.ts --check "${GITOPS_REPO_URL:-$ORIGIN_URL}")" || exit 1
SECRET_MODE="$(values get dev secrets.mode)"
if [ "$SECRET_MODE" = sealed ] || [ -n "$(env_value OPENAI_API_KEY)" ]; then
  require kubeseal "install kubeseal (https://github.com/bitnami-labs/sealed-secrets#kubeseal): environments/dev holds sealed secrets, or .env has an OPENAI_API_KEY to seal."
fi

# --- Minikube ----------------------------------------------------------------------------------------
if minikube -p "$PROFILE" status --format '{{.Host}} {{.APIServer}}' 2>/dev/null | grep -q '^Running Running$'; then
  say "Minikube profile $PROFILE is already running."
else
  say "Starting Minikube ($CPUS CPUs, $MEMORY memory, CNI $CNI)."
  minikube -p "$PROFILE" start --cpus="$CPUS" --memory="$MEMORY" --cni="$CNI"
fi
if [ "$CNI" = calico ] && ! kc -n kube-system get daemonset calico-node >/dev/null 2>&1; then
  printf 'Note: profile %s runs without Calico, so the NetworkPolicies are not enforced (minikube delete, then re-run, to get it).\n' "$PROFILE"
fi
say "Enabling the metrics-server (HPA) and ingress addons."
minikube -p "$PROFILE" addons enable metrics-server
minikube -p "$PROFILE" addons enable ingress

# --- the sealing key, Argo CD and the sealed-secrets controller ------------------------------------
# A backed-up key goes in before the controller starts, so SealedSecrets committed for an earlier
# cluster of this profile still decrypt.
if [ -f "$KEY_BACKUP_DIR/sealing-key-$PROFILE.yaml" ] && [ -z "$(kc -n kube-system get secret -l sealedsecrets.bitnami.com/sealed-secrets-key -o name)" ]; then
  say "Restoring the sealing key backed up in $KEY_BACKUP_DIR."
  kc apply -f "$KEY_BACKUP_DIR/sealing-key-$PROFILE.yaml"
fi
install_gitops_controllers
MINIKUBE_PROFILE="$PROFILE" bootstrap/sealing-key.sh backup

# --- the dev Secret ----------------------------------------------------------------------------------
sealed_secret_valid() { # does this cluster's controller decrypt environments/dev's SealedSecret?
  values sealed-secret dev | kubeseal --validate --context "$PROFILE" \
    --controller-namespace kube-system --controller-name sealed-secrets-controller >/dev/null 2>&1
}
case "$SECRET_MODE" in
  existing)
    SECRET_NAME="$(values get dev secrets.existingSecret)"
    [ -n "$SECRET_NAME" ] || fail "environments/dev sets secrets.mode=existing without secrets.existingSecret: name the Secret there."
    say "Creating or updating Secret $SECRET_NAME in $DEV_NAMESPACE from .env."
    kc create namespace "$DEV_NAMESPACE" --dry-run=client -o yaml | kc apply -f -
    kc -n "$DEV_NAMESPACE" create secret generic "$SECRET_NAME" \
      --from-literal=DATABASE_URL="$(env_value DATABASE_URL)" \
      --from-literal=OPENAI_API_KEY="$(env_value OPENAI_API_KEY)" \
      --from-literal=BETTER_AUTH_SECRET="$(env_value BETTER_AUTH_SECRET)" \
      --dry-run=client -o yaml | kc apply -f -
    ;;
  sealed)
    if sealed_secret_valid; then
      say "The dev Secret comes from the SealedSecret in environments/dev/values.yaml (this cluster decrypts it)."
    else
      say "environments/dev's SealedSecret was sealed for another cluster's key: re-sealing .env for this one."
      MINIKUBE_PROFILE="$PROFILE" bootstrap/seal-secret.sh dev
    fi
    ;;
  *)
    # The chart renders a throwaway dev Secret (offline engine). A real key in .env must not be committed
    # in plain text: seal it instead (the commit below carries the ciphertext).
    if [ -n "$(env_value OPENAI_API_KEY)" ]; then
      say "Sealing .env's secrets into environments/dev/values.yaml (secrets.mode: sealed)."
      MINIKUBE_PROFILE="$PROFILE" bootstrap/seal-secret.sh dev
    else
      say "The dev Secret is rendered by the chart (no OPENAI_API_KEY in .env: the offline chat engine answers)."
    fi
    ;;
esac

# --- point Argo CD and the image repositories at this fork, pin a buildable dev tag ----------------
"$PROJECT_NODE" tools/delivery/src/point-at-fork.cli.ts "$REPO_URL"
# Every image tag names a commit: until CI pins its first sha, dev gets HEAD's. Images are built from
# that commit (never from the working tree), so a local build is what CI would push under that tag.
is_commit() { [[ "$1" =~ ^[0-9a-f]{40}$ ]] && git cat-file -e "$1^{commit}" 2>/dev/null; }
for component in api web; do
  if ! is_commit "$(values get dev "$component.image.tag")"; then
    "$PROJECT_NODE" tools/delivery/src/bump-image-tags.cli.ts --env dev --component "$component" --tag "$(git rev-parse HEAD)" >/dev/null
  fi
done
if ! git diff --quiet -- argocd environments; then
  say "Committing and pushing argocd/ and environments/ (Argo CD reads them from git, not from this clone)."
  git add argocd environments
  # [skip ci]: this commit changes no image; release.yml ignores these paths as well.
  git commit -q -m "Point Argo CD at ${REPO_URL} [skip ci]" -- argocd environments
  if ! git push -q origin HEAD; then
    git pull -q --rebase --autostash origin "$(git rev-parse --abbrev-ref HEAD)"
    git push -q origin HEAD
  fi
fi
[ "$(git rev-parse --abbrev-ref HEAD)" = main ] || printf 'Note: the Applications track branch main; you are on %s.\n' "$(git rev-parse --abbrev-ref HEAD)"

# --- images ------------------------------------------------------------------------------------------
# `minikube image build` works with every container runtime; the name:tag is the one dev deploys
# (pullPolicy IfNotPresent), so the first deploy needs no registry.
BUILT_IMAGES="$(minikube -p "$PROFILE" image ls)"
for component in api web; do
  image="$(values image dev "$component")"
  commit="${image##*:}"
  is_commit "$commit" || fail "environments/dev pins $image, but $commit is not a commit of this clone: git pull, then re-run."
  if printf '%s\n' "$BUILT_IMAGES" | grep -qxF -e "$image" -e "docker.io/$image"; then
    say "$image is already in Minikube."
    continue
  fi
  say "Building $image inside Minikube from commit $commit."
  CONTEXT_DIR="$(mktemp -d)"
  trap 'rm -rf "$CONTEXT_DIR"' EXIT
  git archive --format=tar "$commit" | tar -x -C "$CONTEXT_DIR"
  minikube -p "$PROFILE" image build -t "$image" --build-opt="target=$component" \
    --build-opt="build-arg=GIT_SHA=$commit" --build-opt="build-arg=VERSION=$commit" "$CONTEXT_DIR"
  rm -rf "$CONTEXT_DIR"
  # `minikube image build` exits 0 even when the build failed: believe the image list instead.
  minikube -p "$PROFILE" image ls | grep -qxF -e "$image" -e "docker.io/$image" ||
    fail "Building $image failed (see the build output above): fix it, then re-run bootstrap/minikube.sh."
done

# --- Argo CD objects ---------------------------------------------------------------------------------
say "Applying the AppProjects and the root Application."
kc apply -f argocd/projects.yaml
kc apply -f argocd/root.yaml
# Read the commit just pushed now rather than at the next poll (3 minutes).
kc -n argocd annotate application todo-chatbot-root argocd.argoproj.io/refresh=normal --overwrite

say "Waiting up to ${WAIT_TIMEOUT_SECONDS}s for chatbot-dev to be Synced and Healthy."
if ! (wait_for_app chatbot-dev "$WAIT_TIMEOUT_SECONDS"); then
  if kc -n "$DEV_NAMESPACE" get sealedsecrets -o jsonpath='{.items[*].status.conditions[*].message}' 2>/dev/null | grep -q 'no key could decrypt'; then
    fail "The sealed-secrets controller cannot decrypt environments/dev's SealedSecret: restore this cluster's key (bootstrap/sealing-key.sh restore <file>) or re-seal (bootstrap/seal-secret.sh dev), commit, push, re-run."
  fi
  exit 1
fi

# --- where to go next --------------------------------------------------------------------------------
WEB_SERVICE="$(kc -n "$DEV_NAMESPACE" get service -l app.kubernetes.io/component=web -o jsonpath='{.items[0].metadata.name}')"
PUBLIC_URL="$(values get dev publicUrl)"
WEB_SERVICE_PORT="$(values get dev web.service.port)"
ARGOCD_PASSWORD="$(kc -n argocd get secret argocd-initial-admin-secret -o jsonpath='{.data.password}' | base64 --decode)"
PORT_FORWARD="kubectl --context $PROFILE -n $DEV_NAMESPACE port-forward service/$WEB_SERVICE ${PUBLIC_URL##*:}:$WEB_SERVICE_PORT"
# On Linux the NodePort answers on the Minikube IP (a trusted sign-in origin in values-dev.yaml).
# Elsewhere (Docker Desktop) only a tunnel reaches it, on a random local port better-auth does not
# trust: the port-forward to the public URL is the way in.
if [ "$(uname -s)" = Linux ]; then
  APP_ACCESS="$(minikube -p "$PROFILE" service -n "$DEV_NAMESPACE" "$WEB_SERVICE" --url | head -n 1)
            or $PUBLIC_URL after: $PORT_FORWARD"
else
  APP_ACCESS="$PUBLIC_URL after: $PORT_FORWARD"
fi
ACTIONS_URL="${REPO_URL%.git}/actions"
cat <<EOF

todo-chatbot (dev) is Synced and Healthy, and its smoke test passed.
  App:      $APP_ACCESS
  Argo CD:  kubectl --context $PROFILE -n argocd port-forward service/argocd-server 8080:443, then https://localhost:8080
            user admin, password $ARGOCD_PASSWORD
            CLI: argocd login localhost:8080 --username admin --password '$ARGOCD_PASSWORD' --insecure
  Deploy:   git push to main: release.yml builds, scans, pushes and bumps environments/dev/values.yaml.
            GitHub disables Actions on new forks: enable them once at $ACTIONS_URL
            Then bootstrap/sync.sh deploys the bump without waiting for Argo CD's 3-minute poll.
  Backups:  the sealing key is in $KEY_BACKUP_DIR; bootstrap/db.sh backup saves the dev database.
EOF
