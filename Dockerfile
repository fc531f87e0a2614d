# Both images, from one Dockerfile so they share the dependency stage; the target names the image.
# Build from the repository root:
#   docker build --target api -t todo-chatbot-api .
#   docker build --target web -t todo-chatbot-web .
# No API address is baked into the web image: API_URL and BETTER_AUTH_URL are read when its server starts.
# Behind a TLS-intercepting proxy, pass its CA as a build secret (never baked in):
#   --secret id=ca,src=/etc/ssl/certs/ca-certificates.crt
ARG NODE_IMAGE=node:22-alpine

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
# npm ci needs every workspace's manifest to match the lockfile.
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY apps/ops/package.json apps/ops/
COPY tools/containers/package.json tools/containers/
COPY tools/delivery/package.json tools/delivery/
COPY tools/testing/package.json tools/testing/
RUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=ca \
    if [ -f /run/secrets/ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/ca; fi \
 && npm ci -w apps/api -w apps/web --ignore-scripts --no-audit --no-fund

# The server and the migrate command, each bundled with its dependencies into one file: no node_modules ship.
FROM deps AS build-api
COPY tsconfig.base.json ./
COPY apps/api/tsconfig.json apps/api/tsconfig.build.json apps/api/
COPY apps/api/scripts apps/api/scripts
COPY apps/api/src apps/api/src
RUN npm run build -w apps/api && npm run bundle -w apps/api

FROM deps AS build-web
ENV NEXT_TELEMETRY_DISABLED=1
COPY tsconfig.base.json ./
# The web app bundles the api's contract and database client (apps/api/package.json exports them).
COPY apps/api/src apps/api/src
COPY apps/web apps/web
RUN npm run build -w apps/web

# What both images are: the official image's node user, files root-owned and read-only to it, OCI labels.
FROM ${NODE_IMAGE} AS runtime
ARG GIT_SHA=unknown
ARG VERSION=0.1.0
LABEL org.opencontainers.image.source="https://github.com/todo-chatbot/todo-chatbot" \
      org.opencontainers.image.revision="${GIT_SHA}" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
WORKDIR /app

FROM runtime AS api
LABEL org.opencontainers.image.title="todo-chatbot-api" \
      org.opencontainers.image.description="Todo chatbot api: tasks REST, MCP tools, agent chat"
ENV NODE_ENV=production PORT=8000
# package.json makes dist/*.js ES modules; the bundles are dist/main.js and dist/migrate.js.
COPY --chown=0:0 apps/api/package.json ./package.json
COPY --from=build-api --chown=0:0 /src/apps/api/dist/bundle ./dist
USER 1000:1000
EXPOSE ${PORT}
HEALTHCHECK --interval=30s --timeout=10s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations alone (the Helm hook Job): node dist/migrate.js
CMD ["node", "dist/main.js"]

FROM runtime AS web
LABEL org.opencontainers.image.title="todo-chatbot-web" \
      org.opencontainers.image.description="Todo chatbot web app: sign-in, chat and task view"
ENV NODE_ENV=production PORT=3000 HOSTNAME=0.0.0.0 NEXT_TELEMETRY_DISABLED=1
# The standalone server with its traced dependencies, static assets and public files.
COPY --from=build-web --chown=0:0 /src/apps/web/.next/standalone ./
USER 1000:1000
EXPOSE ${PORT}
# The linter counts HEALTHCHECK and CMD over the whole file, not per target: each target has one.
# linter ignore=EI0001
HEALTHCHECK --interval=30s --timeout=10s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# linter ignore=EI0001
CMD ["node", "apps/web/server.js"]
