#!/usr/bin/env bash
# Gets this machine ready for the container suite, idempotently: a Docker engine (Debian's docker.io),
# the compose plugin, stand-in base images when node:22-alpine cannot be pulled, and both app images
# built with BuildKit. Image names are exported to the suite through tools/containers/.cache/images.env.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
DOCKER=/usr/bin/docker # the Debian client: /usr/local/bin/docker here lacks buildx
CACHE=$PWD/.cache
mkdir -p "$CACHE"

install_packages() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

[ -x /usr/sbin/dockerd ] || install_packages docker.io
command -v debootstrap >/dev/null || install_packages debootstrap
command -v shellcheck >/dev/null || install_packages shellcheck

if ! "$DOCKER" info >/dev/null 2>&1; then
  echo "Starting a Docker engine."
  setsid /usr/sbin/dockerd >"$CACHE/dockerd.log" 2>&1 &
  for _ in $(seq 1 60); do "$DOCKER" info >/dev/null 2>&1 && break; sleep 1; done
  "$DOCKER" info >/dev/null 2>&1 || { echo "The Docker engine did not start: see $CACHE/dockerd.log." >&2; exit 1; }
fi

# Compose v2 is not in bookworm: take Debian sid's plugin package without installing it (its own apt lists).
PLUGINS=${DOCKER_CONFIG:-$HOME/.docker}/cli-plugins
if ! "$DOCKER" compose version >/dev/null 2>&1; then
  sid=$CACHE/sid
  mkdir -p "$sid/lists/partial" "$sid/debs"
  echo "deb http://deb.debian.org/debian sid main" >"$sid/sources.list"
  apt_sid=(-o Dir::Etc::sourcelist="$sid/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$sid/lists" -o Dir::Cache::archives="$sid/debs")
  apt-get "${apt_sid[@]}" update -qq
  (cd "$sid/debs" && apt-get "${apt_sid[@]}" download docker-compose)
  dpkg-deb -x "$sid"/debs/docker-compose_*.deb "$sid/x"
  mkdir -p "$PLUGINS" && cp "$sid/x/usr/libexec/docker/cli-plugins/docker-compose" "$PLUGINS/"
fi

# dockerlinter's install script downloads shellcheck (it cannot here): install it without scripts and
# lint RUN bodies with Debian's shellcheck instead.
[ -x "$CACHE/dockerlinter/node_modules/.bin/dockerlinter" ] ||
  npm install --no-save --no-audit --no-fund --ignore-scripts --prefix "$CACHE/dockerlinter" dockerlinter@2.0.0 >/dev/null

if "$DOCKER" image inspect node:22-alpine >/dev/null 2>&1 || "$DOCKER" pull -q node:22-alpine >/dev/null 2>&1; then
  NODE_IMAGE=node:22-alpine
  POSTGRES_IMAGE=postgres:17-alpine
  "$DOCKER" image inspect "$POSTGRES_IMAGE" >/dev/null 2>&1 || "$DOCKER" pull -q "$POSTGRES_IMAGE" >/dev/null
else
  echo "node:22-alpine cannot be pulled here: using local stand-in bases."
  DOCKER="$DOCKER" bash stand-in/build-bases.sh
  # shellcheck source=stand-in/names.sh
  source stand-in/names.sh
fi

# The registry CA of this machine, for npm inside the builds; a laptop builds without it.
secret=()
[ -f /etc/ssl/certs/ca-certificates.crt ] && secret=(--secret "id=ca,src=/etc/ssl/certs/ca-certificates.crt")
for app in api web; do
  echo "Building todo-chatbot-$app:test."
  DOCKER_BUILDKIT=1 "$DOCKER" build -q --target "$app" --build-arg "NODE_IMAGE=$NODE_IMAGE" \
    --build-arg "GIT_SHA=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)" \
    "${secret[@]}" -t "todo-chatbot-$app:test" "$ROOT" >/dev/null
done

cat >"$CACHE/images.env" <<ENV
API_IMAGE=todo-chatbot-api:test
WEB_IMAGE=todo-chatbot-web:test
NODE_IMAGE=$NODE_IMAGE
POSTGRES_IMAGE=$POSTGRES_IMAGE
ENV
echo "Images ready."
