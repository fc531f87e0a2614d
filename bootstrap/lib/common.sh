# Shared by the bootstrap scripts (sourced, not run). Portable to macOS's bash 3.2: no ${var,,},
# mapfile, associative arrays or empty-array expansion under set -u.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
# The project's own Node 22 (the npm package `node`, installed by npm ci): the helper CLIs are .ts files
# run by Node's type stripping, which the system node may lack (< 22.18).
readonly PROJECT_NODE="$REPO_ROOT/node_modules/.bin/node"
readonly PROFILE="${MINIKUBE_PROFILE:-minikube}"
# The kubectl context: Minikube names it after the profile; bootstrap/e2e.sh sets kind's.
readonly KUBE_CONTEXT="${KUBE_CONTEXT:-$PROFILE}"
# Where sealing-key backups live: outside the clone, so neither git nor `minikube delete` loses them.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly KEY_BACKUP_DIR="${TODO_CHATBOT_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/todo-chatbot}"

# Pinned releases (minikube.sh and e2e.sh install the same); their official manifests are applied as published.
readonly ARGOCD_VERSION=v3.1.9
readonly SEALED_SECRETS_VERSION=v0.36.6
readonly ARGOCD_MANIFEST="https://raw.githubusercontent.com/argoproj/argo-cd/${ARGOCD_VERSION}/manifests/install.yaml"
readonly SEALED_SECRETS_MANIFEST="https://github.com/bitnami-labs/sealed-secrets/releases/download/${SEALED_SECRETS_VERSION}/controller.yaml"

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }
kc() { kubectl --context "$KUBE_CONTEXT" "$@"; }

require() { # command, then how to get it
  command -v "$1" >/dev/null 2>&1 || fail "$1 is not installed: $2"
}
require_project_node() {
  if ! [ -x "$PROJECT_NODE" ] || ! [ -d "$REPO_ROOT/node_modules/yaml" ]; then
    fail "node_modules is missing: run npm ci in $REPO_ROOT first (it installs the project's Node 22 the helper scripts run on)."
  fi
}
values() { "$PROJECT_NODE" "$REPO_ROOT/tools/delivery/src/environment-values.cli.ts" "$@"; }

env_value() { # the value of KEY in .env ('' when absent), without sourcing the file
  sed -n "s/^$1=//p" "$REPO_ROOT/.env" | tail -n 1 | sed -e 's/^"\(.*\)"$/\1/' -e "s/^'\(.*\)'$/\1/"
}

install_gitops_controllers() { # Argo CD and the sealed-secrets controller, ready
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
}

app_state() { # Application -> sync/health/last operation's phase/the revision it synced ('' if absent)
  local state
  if state="$(kc -n argocd get application "$1" -o jsonpath='{.status.sync.status}/{.status.health.status}/{.status.operationState.phase}/{.status.operationState.syncResult.revisions[0]}' 2>/dev/null)"; then
    printf '%s' "$state"
  fi
}
# The repository Argo CD reads (bootstrap/e2e.sh points it at a local one).
remote_main() { git -C "$REPO_ROOT" ls-remote "${GITOPS_REMOTE:-origin}" refs/heads/main | cut -f1; }
start_sync() { # what `argocd app sync` asks for, without the CLI
  kc -n argocd patch application "$1" --type merge \
    -p '{"operation":{"initiatedBy":{"username":"bootstrap"},"sync":{"syncStrategy":{"hook":{}}}}}' >/dev/null
}

# Until the Application has synced what main on origin holds now (re-read each poll: CI may bump it
# meanwhile), its last sync operation succeeded (hooks included: the migration and the smoke test, which
# Synced/Healthy alone ignores) and it is Healthy. A failed sync is started once more (automated sync
# never retries a revision it gave up on); a second failure, or the timeout, fails naming the cause.
wait_for_app() { # Application name, timeout in seconds
  local deadline=$((SECONDS + $2)) state head sync health phase synced retried=false
  while :; do
    state="$(app_state "$1")"
    head="$(remote_main)"
    IFS=/ read -r sync health phase synced <<EOF
$state
EOF
    [ "$sync/$health/$phase/$synced" != "Synced/Healthy/Succeeded/$head" ] || return 0
    if [ "$synced" = "$head" ] && { [ "$phase" = Failed ] || [ "$phase" = Error ]; }; then
      kc -n argocd get application "$1" -o jsonpath='{.status.operationState.message}{"\n"}' >&2
      [ "$retried" = false ] ||
        fail "$1 failed to sync ${head:0:12} twice: see the message above and kubectl -n $(app_namespace "$1") get pods,jobs,events."
      printf '  %s: the sync of %s failed; starting it once more.\n' "$1" "${head:0:12}"
      start_sync "$1"
      retried=true
    fi
    ((SECONDS < deadline)) ||
      fail "$1 is ${sync:-not created}/${health:-?} (last sync ${phase:-none} at ${synced:0:12}, main at ${head:0:12}) after $2 s: see kubectl -n argocd describe application $1 and kubectl -n $(app_namespace "$1") get pods,events."
    printf '  %s: %s/%s, last sync %s\n' "$1" "${sync:-not created yet}" "${health:--}" "${phase:-none}"
    sleep "${POLL_SECONDS:-10}"
  done
}
app_namespace() { printf 'todo-%s' "${1#chatbot-}"; }
