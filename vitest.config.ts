import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Every JSON answer of a documented route is checked against its OpenAPI schema (src/http/openapi/check-responses.ts).
    env: { ATRIUM_CHECK_RESPONSES: '1' },
  },
});
