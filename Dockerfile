# peptalk as a container. tree-sitter 0.25 compiles from source on install, so the build tools
# live only in the build stage; the runtime image has node, the compiled app and production
# dependencies, and runs as a non-root user.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 g++ make \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Install scripts are skipped here: `prepare` builds from sources that are not copied yet.
RUN npm ci --no-audit --no-fund --ignore-scripts \
  && npm rebuild tree-sitter tree-sitter-python
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY checks ./checks
COPY test ./test
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json app.yml ./
USER node
EXPOSE 3000
# Probot reads APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, REDIS_URL, PEPTALK_ROLE, ... from the environment.
CMD ["npx", "--no-install", "probot", "run", "./dist/src/index.js"]
