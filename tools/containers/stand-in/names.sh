#!/usr/bin/env bash
# The stand-in images' names, tagged with a hash of their recipes so a changed recipe builds a new image.
STAND_IN_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
STAND_IN_REV=$(cat "$STAND_IN_DIR"/*.Dockerfile "$STAND_IN_DIR"/*.sh | sha256sum | cut -c1-12)
export DEBIAN_IMAGE=local/debian:bookworm-slim
export NODE_IMAGE=local/node:22-standin-$STAND_IN_REV
export POSTGRES_IMAGE=local/postgres:standin-$STAND_IN_REV
