import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    // Builds the dashboard into dist/app once when it is missing or stale.
    globalSetup: ['test/browser/build-app.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every JSON answer of a documented route is checked against its OpenAPI schema (src/http/openapi/check-responses.ts).
    env: { ATRIUM_CHECK_RESPONSES: '1' },
    fileParallelism: false,
  },
});
