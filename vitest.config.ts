import { defineConfig } from 'vitest/config';

// Unit and property tests sit beside the code (`src/**/*.test.ts`); the
// Playwright specs in e2e/ run under Playwright, never under Vitest.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // CLI tests spawn Node processes; on a loaded 2-core machine one spawn
    // can take several seconds, so the 5 s default fails for no reason.
    testTimeout: 30_000,
  },
});
