# syntax=docker/dockerfile:1
# One image for the api, the worker, the backbone, the migrate step and the witness; the compose
# file and the Helm chart pick the entry point (ADR 0032). test/deploy/image.spec.ts runs these
# same steps, in this order, outside Docker: keep every step a plain command it can parse.

# What `npm ci` reads, alone: its installs below are layers reused while these files are unchanged.
FROM node:20-bookworm-slim AS manifests
WORKDIR /app
COPY . .
RUN node scripts/build-runtime.cjs --manifests build/manifests

# Build: every dependency (patch-package applies patches/ on `npm ci`), the console, the workflow
# bundle, then the runtime tree: the TypeScript compiled to JavaScript by swc (scripts/build-runtime.cjs).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY --from=manifests /app/build/manifests ./
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund --prefer-offline
COPY . .
RUN npm run web:build
RUN node scripts/run.cjs apps/worker/src/bundle.ts
RUN node scripts/build-runtime.cjs build/runtime

# Runtime: production dependencies only (the same lockfile, so the same versions, and
# patch-package applies the same postgres.js patch), the compiled tree, run as the unprivileged `node`.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=manifests /app/build/manifests ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund --prefer-offline
COPY --from=build /app/build/runtime ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 CMD ["node", "scripts/healthcheck.cjs", "http://127.0.0.1:3000/health"]
CMD ["node", "apps/api/src/main.js"]
