# One image for the api and the worker (the compose file picks the entry point).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY . .
# Runtime dependencies only; TypeScript is compiled at load time by swc (ADR 0004).
RUN npm install --omit=dev --no-audit --no-fund \
 && node scripts/run.cjs apps/worker/src/bundle.ts
USER node
EXPOSE 3000
CMD ["node", "scripts/run.cjs", "apps/api/src/main.ts"]
