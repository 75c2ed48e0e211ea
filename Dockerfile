# One image for the four services; SERVICE picks which one runs (api, scheduler, collector, projection).
FROM node:20-bookworm-slim AS build
WORKDIR /yard
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/scheduler/package.json apps/scheduler/
COPY apps/collector/package.json apps/collector/
COPY apps/projection/package.json apps/projection/
COPY libs/contracts/package.json libs/contracts/
COPY libs/config/package.json libs/config/
COPY libs/job-sdk/package.json libs/job-sdk/
COPY libs/workflows/package.json libs/workflows/
COPY libs/messaging/package.json libs/messaging/
COPY libs/read-models/package.json libs/read-models/
COPY libs/identity/package.json libs/identity/
COPY libs/inventory/package.json libs/inventory/
COPY libs/testing/package.json libs/testing/
COPY test/package.json test/
RUN npm install --no-audit --no-fund
COPY . .
RUN npx tsc -b tsconfig.build.json

FROM node:20-bookworm-slim
WORKDIR /yard
COPY --from=build /yard /yard
ENV NODE_ENV=production
CMD ["sh", "-c", "exec node apps/${SERVICE:?set SERVICE to api, scheduler, collector or projection}/dist/main.js"]
