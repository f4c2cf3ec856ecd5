# syntax=docker/dockerfile:1
#
# One image for the four services. SERVICE (build arg, overridable at run time) selects which
# app's main.js runs: ingest-gateway, correlation, notification or ops-monitor.
#
#   docker build --build-arg SERVICE=correlation -t border-intel/correlation:dev .
#   docker run --rm -e SERVICE=notification -e DATABASE_URL=... -e KAFKA_BROKERS=... border-intel/correlation:dev
#
# Node 24 is the LTS line the project runs on everywhere: the same version as .nvmrc and the `node`
# devDependency (engines: >=24.11). Bump NODE_IMAGE, .nvmrc and that devDependency together;
# keep a full version tag (never `latest`) so rebuilds are reproducible.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# ---------------------------------------------------------------------------------------------
# build: all dependencies, compile the four services and the operator CLI
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true

# Dependencies first so the layer is cached until the lockfile changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
# npm run build = nest build of the four services -> dist/apps/<app>/apps/<app>/src/main.js.
# intelctl is compiled too (bin/intelctl.js runs the build when present), because the runtime
# stage has no ts-node to run it from source.
RUN npm run build \
 && npx nest build --path apps/intelctl/tsconfig.app.json \
 && test -f dist/apps/intelctl/apps/intelctl/src/main.js

# ---------------------------------------------------------------------------------------------
# runtime: production dependencies only, compiled code, seed and policy files, non-root
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime

# tini as PID 1: forwards SIGTERM to node and reaps zombies (node is not written to be PID 1).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*

ENV NODE_ENV=production
WORKDIR /app

COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund \
 && npm cache clean --force

COPY --from=build /app/dist ./dist
COPY bin ./bin
# Read relative to the working directory (AGENCY_SEED_FILE, SHARING_POLICY_FILE defaults).
COPY deploy/seed ./deploy/seed
COPY deploy/policy ./deploy/policy

# Files stay owned by root and read-only for the service user; nothing is written under /app.
# Numeric uid:gid so Kubernetes can verify runAsNonRoot (uid 1000 is the image's `node` user).
USER 1000:1000

EXPOSE 3000 3001 3002 3003
STOPSIGNAL SIGTERM

# Liveness of whichever service runs, on its own port variable (slim images have no curl).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const [v,d]=({'ingest-gateway':['INGEST_PORT',3000],correlation:['CORRELATION_PORT',3001],notification:['NOTIFICATION_PORT',3002],'ops-monitor':['OPS_PORT',3003]})[process.env.SERVICE]||['PORT',0];fetch('http://127.0.0.1:'+(process.env[v]||d)+'/health/live',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["/bin/sh", "-c", "main=\"dist/apps/${SERVICE}/apps/${SERVICE}/src/main.js\"; if [ ! -f \"$main\" ]; then echo \"SERVICE='${SERVICE}' must be one of: ingest-gateway correlation notification ops-monitor\" >&2; exit 64; fi; exec node --max-semi-space-size=32 --enable-source-maps \"$main\""]

# Last, so the four images built from this file share every layer above.
ARG SERVICE=ingest-gateway
ENV SERVICE=${SERVICE}

LABEL org.opencontainers.image.title="border-intel" \
      org.opencontainers.image.description="Border Intel service (ingest-gateway, correlation, notification or ops-monitor, chosen by SERVICE)" \
      org.opencontainers.image.licenses="Apache-2.0"
