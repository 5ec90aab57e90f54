# Plaudit's image: one image for every role (API, worker, migrations, CLI), chosen by the command.
#   docker build -t plaudit .
#   docker run --rm -p 8080:8080 -v plaudit-data:/app/data plaudit            # embedded SQLite, like `npm start`
#   docker run --rm plaudit doctor                                             # see the README's production section
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused while only sources change.
COPY package.json package-lock.json tsconfig.base.json ./
COPY packages/review-view/package.json packages/review-view/
COPY packages/server/package.json packages/server/
COPY packages/sdk/package.json packages/sdk/
COPY packages/widget/package.json packages/widget/
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY packages packages
COPY scripts scripts
# Native modules (better-sqlite3, argon2, sharp) install their prebuilt binaries; then build everything.
RUN npm rebuild --no-audit --no-fund && npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 8080
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "packages/server/bin/plaudit.js"]
CMD ["serve"]
