# Shared by the bootstrap scripts (sourced, not run). Portable to macOS's bash 3.2: no ${var,,},
# mapfile, associative arrays or empty-array expansion under set -u.
# shellcheck shell=bash

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
# The project's own Node 22 (the npm package `node`, installed by npm ci): the helper CLIs are .ts files
# run by Node's type stripping, which the system node may lack (< 22.18).
readonly PROJECT_NODE="$REPO_ROOT/node_modules/.bin/node"
readonly PROFILE="${MINIKUBE_PROFILE:-minikube}"
# Where sealing-key backups live: outside the clone, so neither git nor `minikube delete` loses them.
# shellcheck disable=SC2034 # used by the scripts that source this file
readonly KEY_BACKUP_DIR="${TODO_CHATBOT_CONFIG_DIR:-${XDG_CONFIG_HOME:-$HOME/.config}/todo-chatbot}"

say() { printf '\n==> %s\n' "$*"; }
fail() { printf '%s\n' "$*" >&2; exit 1; }
kc() { kubectl --context "$PROFILE" "$@"; }
lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }

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

app_status() { # Application name -> "<sync>/<health>", empty when it does not exist yet
  local status
  if status="$(kc -n argocd get application "$1" -o jsonpath='{.status.sync.status}/{.status.health.status}' 2>/dev/null)"; then
    printf '%s' "$status"
  fi
}

wait_for_app() { # Application name, timeout in seconds: until Synced/Healthy, or fail naming the cause
  local deadline=$((SECONDS + $2)) status
  while status="$(app_status "$1")" && [ "$status" != "Synced/Healthy" ]; do
    if ((SECONDS >= deadline)); then
      if ! kc -n argocd get application "$1" -o jsonpath='{range .status.conditions[*]}{.type}: {.message}{"\n"}{end}{.status.operationState.message}{"\n"}' >&2; then
        printf 'Application %s does not exist.\n' "$1" >&2
      fi
      fail "$1 is ${status:-not created} after $2 s: see the messages above, kubectl -n argocd describe application $1 and kubectl -n $(app_namespace "$1") get pods,events."
    fi
    printf '  %s: %s\n' "$1" "${status:-not created yet}"
    sleep "${POLL_SECONDS:-10}"
  done
}
app_namespace() { printf 'todo-%s' "${1#chatbot-}"; }
