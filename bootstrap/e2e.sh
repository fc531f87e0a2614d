#!/usr/bin/env bash
# The GitOps path end to end on a throwaway kind cluster: what .github/workflows/e2e.yml runs on every push
# and pull request, and what you can run on a laptop (Docker, kind, kubectl, the argocd CLI, git, npm ci).
#   1. kind with Calico (NetworkPolicies enforced); Argo CD and sealed-secrets at minikube.sh's versions.
#   2. Both images built from the commit under test and loaded into kind.
#   3. That commit served to Argo CD by git daemon (a bare repository next to the cluster), with argocd/
#      and environments/ pointed at it, as bootstrap points them at a fork.
#   4. chatbot-dev synced, hooks included (migration, smoke Job); the smoke client through a port-forward.
#   5. A broken revision (a web image that was never pushed) turns Degraded; `git revert` heals it.
#   6. Broken again; `argocd app rollback` with automation paused the documented way heals it, and the
#      pause survives the root Application; automation restored. The data survives every step.
# On failure: Argo CD objects, events and logs in $ARTIFACTS_DIR. The cluster is deleted at the end.
#
# Usage: bootstrap/e2e.sh
# Environment: E2E_CLUSTER (todo-e2e), ARTIFACTS_DIR (./e2e-artifacts), KEEP_CLUSTER (false),
# WAIT_TIMEOUT_SECONDS (600), E2E_WEB_PORT (30080, the local end of the port-forward).
set -euo pipefail

readonly CLUSTER="${E2E_CLUSTER:-todo-e2e}"
export KUBE_CONTEXT="kind-$CLUSTER"
# shellcheck source-path=SCRIPTDIR source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
cd "$REPO_ROOT"

readonly CALICO_MANIFEST=https://raw.githubusercontent.com/projectcalico/calico/v3.29.3/manifests/calico.yaml
readonly GIT_IMAGE=alpine/git:v2.47.2
readonly WAIT_TIMEOUT_SECONDS="${WAIT_TIMEOUT_SECONDS:-600}"
readonly WEB_PORT="${E2E_WEB_PORT:-30080}"
ARTIFACTS_DIR="$(mkdir -p "${ARTIFACTS_DIR:-e2e-artifacts}" && cd "${ARTIFACTS_DIR:-e2e-artifacts}" && pwd)"
readonly ARTIFACTS_DIR
readonly IMAGE_OWNER=e2e
readonly GIT_CONTAINER="$CLUSTER-git"

require docker "install Docker (https://docs.docker.com/get-docker/) and start it."
require kind "install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation)."
require kubectl "install kubectl (https://kubernetes.io/docs/tasks/tools/)."
require argocd "install the argocd CLI (https://argo-cd.readthedocs.io/en/stable/cli_installation/)."
require git "install git (https://git-scm.com/downloads)."
require_project_node
docker info >/dev/null 2>&1 || fail "docker is installed but its daemon does not answer: start Docker and re-run."

WORK_DIR="$(mktemp -d)"
readonly WORK_DIR
export GITOPS_REMOTE="$WORK_DIR/git/todo-chatbot.git"
readonly CLONE="$WORK_DIR/clone"
PORT_FORWARD_PID=""

collect_artifacts() {
  say "Collecting Argo CD objects, events and logs in $ARTIFACTS_DIR."
  kc get applications,appprojects -n argocd -o yaml >"$ARTIFACTS_DIR/argocd-applications.yaml" 2>&1 || :
  kc get events -A --sort-by=.lastTimestamp >"$ARTIFACTS_DIR/events.txt" 2>&1 || :
  kc get all,jobs,sealedsecrets,networkpolicies -A -o wide >"$ARTIFACTS_DIR/resources.txt" 2>&1 || :
  kc -n todo-dev logs --all-containers --prefix --tail=500 -l app.kubernetes.io/part-of=todo-chatbot >"$ARTIFACTS_DIR/todo-dev-logs.txt" 2>&1 || :
  kc -n argocd logs --tail=500 statefulset/argocd-application-controller >"$ARTIFACTS_DIR/argocd-controller.log" 2>&1 || :
  docker logs "$GIT_CONTAINER" >"$ARTIFACTS_DIR/git-daemon.log" 2>&1 || :
}
finish() {
  local status=$?
  [ -z "$PORT_FORWARD_PID" ] || kill "$PORT_FORWARD_PID" 2>/dev/null || :
  [ "$status" -eq 0 ] || collect_artifacts
  if [ "${KEEP_CLUSTER:-false}" != true ]; then
    docker rm -f "$GIT_CONTAINER" >/dev/null 2>&1 || :
    kind delete cluster --name "$CLUSTER" || :
  fi
  rm -rf "$WORK_DIR"
  exit "$status"
}
trap finish EXIT

# --- 1. the cluster --------------------------------------------------------------------------------
if kind get clusters | grep -qxF "$CLUSTER"; then
  say "kind cluster $CLUSTER exists."
else
  say "Creating kind cluster $CLUSTER with Calico (kind's own CNI does not enforce NetworkPolicies)."
  printf 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  disableDefaultCNI: true\n  podSubnet: 192.168.0.0/16\n' >"$WORK_DIR/kind.yaml"
  kind create cluster --name "$CLUSTER" --config "$WORK_DIR/kind.yaml" --wait 0s
fi
kc apply -f "$CALICO_MANIFEST" >/dev/null
kc -n kube-system rollout status daemonset/calico-node --timeout=300s
kc wait --for=condition=Ready nodes --all --timeout=300s
install_gitops_controllers
# The argocd CLI in core mode talks to the cluster directly: no server login, namespace from the context.
kubectl config set-context "$KUBE_CONTEXT" --namespace argocd >/dev/null
argo() { argocd --core --kube-context "$KUBE_CONTEXT" "$@"; }

# --- 2. images of the commit under test ------------------------------------------------------------
COMMIT="$(git rev-parse HEAD)"
readonly COMMIT
mkdir -p "$WORK_DIR/context"
git archive --format=tar "$COMMIT" | tar -x -C "$WORK_DIR/context"
for component in api web; do
  image="ghcr.io/$IMAGE_OWNER/todo-chatbot-$component:$COMMIT"
  say "Building $image and loading it into kind."
  DOCKER_BUILDKIT=1 docker build -q -t "$image" --target "$component" \
    --build-arg "GIT_SHA=$COMMIT" --build-arg "VERSION=$COMMIT" "$WORK_DIR/context"
  kind load docker-image "$image" --name "$CLUSTER"
done

# --- 3. the commit, served to Argo CD ---------------------------------------------------------------
say "Serving $COMMIT to Argo CD with git daemon."
git init -q --bare -b main "$GITOPS_REMOTE"
git push -q "$GITOPS_REMOTE" "$COMMIT:refs/heads/main"
docker rm -f "$GIT_CONTAINER" >/dev/null 2>&1 || :
# As this user, so the repository's owner is the reader (git refuses repositories of other owners).
docker run -d --name "$GIT_CONTAINER" --network kind --user "$(id -u):$(id -g)" -v "$WORK_DIR/git:/srv/git:ro" \
  "$GIT_IMAGE" daemon --reuseaddr --export-all --base-path=/srv/git /srv/git >/dev/null
GIT_IP="$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$GIT_CONTAINER")"
readonly REPO_URL="git://$GIT_IP/todo-chatbot.git"
git clone -q "$GITOPS_REMOTE" "$CLONE"
gitc() { git -C "$CLONE" -c user.name=e2e -c user.email=e2e@example.invalid "$@"; }
push_and_refresh() { # push the clone to what Argo CD reads, and have it read now
  gitc push -q origin HEAD:main
  if [ -n "$(app_state chatbot-dev)" ]; then
    kc -n argocd annotate application chatbot-dev argocd.argoproj.io/refresh=normal --overwrite >/dev/null
  fi
}
commit_and_push() { gitc commit -q -am "$1" && push_and_refresh; }
e2e_values() { values --root "$CLONE" "$@" >/dev/null; }
"$PROJECT_NODE" tools/delivery/src/point-at-fork.cli.ts --root "$CLONE" --owner "$IMAGE_OWNER" "$REPO_URL"
"$PROJECT_NODE" tools/delivery/src/bump-image-tags.cli.ts --root "$CLONE" --env dev --tag "$COMMIT" >/dev/null
# A stuck rollout turns Degraded in minutes, not the default ten.
e2e_values set dev api.progressDeadlineSeconds 120
e2e_values set dev web.progressDeadlineSeconds 120
commit_and_push "e2e: point Argo CD at the repository under test"

# --- 4. deploy, smoke ---------------------------------------------------------------------------------
PUBLIC_URL="$(values --root "$CLONE" get dev publicUrl)"
readonly PUBLIC_URL
smoke() { # what: the smoke client through a fresh port-forward (a rollout replaces the pods it reached)
  say "Smoke test: $1."
  kc -n todo-dev port-forward service/chatbot-web "$WEB_PORT:80" >"$ARTIFACTS_DIR/port-forward.log" 2>&1 &
  PORT_FORWARD_PID=$!
  local tries=0
  until "$PROJECT_NODE" -e "fetch('http://localhost:$WEB_PORT/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; do
    tries=$((tries + 1))
    [ "$tries" -lt 30 ] || fail "The port-forward to chatbot-web did not answer within 30 s: see $ARTIFACTS_DIR/port-forward.log."
    sleep 1
  done
  "$PROJECT_NODE" tools/delivery/src/smoke.cli.ts --url "http://localhost:$WEB_PORT" --origin "$PUBLIC_URL" --state "$WORK_DIR/smoke-user.json"
  kill "$PORT_FORWARD_PID"
  PORT_FORWARD_PID=""
}
wait_for_health() { # Application, health: until it reports that health for main's current commit
  local deadline=$((SECONDS + WAIT_TIMEOUT_SECONDS)) sync health phase synced
  while :; do
    IFS=/ read -r sync health phase synced <<EOF
$(app_state "$1")
EOF
    [ "$health" != "$2" ] || return 0
    ((SECONDS < deadline)) || fail "$1 is not $2 after $WAIT_TIMEOUT_SECONDS s (it is $sync/$health, last sync $phase at ${synced:0:12})."
    printf '  %s: %s/%s, waiting for %s\n' "$1" "$sync" "$health" "$2"
    sleep "${POLL_SECONDS:-10}"
  done
}
stop_stuck_sync() { # a sync still waiting on the broken rollout would hold back the next revision
  if [ "$(kc -n argocd get application chatbot-dev -o jsonpath='{.status.operationState.phase}')" = Running ]; then
    argo app terminate-op chatbot-dev
  fi
}

say "Applying the AppProjects and the root Application; waiting for chatbot-dev."
kc apply -f "$CLONE/argocd/projects.yaml"
kc apply -f "$CLONE/argocd/root.yaml"
wait_for_app chatbot-dev "$WAIT_TIMEOUT_SECONDS"
smoke "a new user, a chat turn, the task listed"

# --- 5. a broken revision, rolled back through git --------------------------------------------------
say "Deploying a broken revision: a web image that was never pushed."
"$PROJECT_NODE" tools/delivery/src/bump-image-tags.cli.ts --root "$CLONE" --env dev --component web --tag "never-pushed-${COMMIT:0:12}" >/dev/null
commit_and_push "e2e: deploy a web image that does not exist"
wait_for_health chatbot-dev Degraded
say "Rolling back through git: git revert."
gitc revert --no-edit HEAD >/dev/null
push_and_refresh
stop_stuck_sync
wait_for_app chatbot-dev "$WAIT_TIMEOUT_SECONDS"
HEALTHY_REVISION="$(remote_main)"
readonly HEALTHY_REVISION
smoke "after git revert, the same user finds the earlier task"

# --- 6. broken again, rolled back in Argo CD ---------------------------------------------------------
say "Deploying the broken revision again (a revert of the revert)."
gitc revert --no-edit HEAD >/dev/null
push_and_refresh
wait_for_health chatbot-dev Degraded
say "Rolling back in Argo CD: pause automation, argocd app rollback to ${HEALTHY_REVISION:0:12}."
argo app set chatbot-dev --sync-policy none
stop_stuck_sync
# The root Application self-heals its children: the pause must outlive a refresh of the root.
kc -n argocd annotate application todo-chatbot-root argocd.argoproj.io/refresh=hard --overwrite >/dev/null
sleep "${POLL_SECONDS:-10}"
[ -z "$(kc -n argocd get application chatbot-dev -o jsonpath='{.spec.syncPolicy.automated}')" ] ||
  fail "The root Application re-enabled chatbot-dev's automated sync: a paused rollback would be undone."
HISTORY_ID="$(kc -n argocd get application chatbot-dev -o jsonpath='{range .status.history[*]}{.id} {.revisions[0]}{"\n"}{end}' | awk -v rev="$HEALTHY_REVISION" '$2 == rev { id = $1 } END { print id }')"
[ -n "$HISTORY_ID" ] || fail "chatbot-dev's history has no sync of $HEALTHY_REVISION to roll back to."
argo app rollback chatbot-dev "$HISTORY_ID"
wait_for_health chatbot-dev Healthy
smoke "after argocd app rollback, the same user finds the earlier tasks"
say "Restoring: git revert of the broken revision, then automation back on."
gitc revert --no-edit HEAD >/dev/null
push_and_refresh
argo app set chatbot-dev --sync-policy automated --self-heal --auto-prune
wait_for_app chatbot-dev "$WAIT_TIMEOUT_SECONDS"
smoke "back on automation"

printf '\ne2e passed in %s s: deploy, smoke, Degraded and healed by git revert, Degraded and healed by argocd app rollback, data kept.\n' "$SECONDS"
