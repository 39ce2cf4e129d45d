/**
 * The closing line of `npm test`: every unit, property and end-to-end test
 * counted in one plain "N passed, N failed" line, from the JSON reports
 * Vitest and Playwright wrote under .test-reports/.
 */
import { readFileSync } from 'node:fs';

const vitest = JSON.parse(readFileSync('.test-reports/vitest.json', 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
const playwright = JSON.parse(readFileSync('.test-reports/playwright.json', 'utf8')) as {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
};
const passed = vitest.numPassedTests + playwright.stats.expected + playwright.stats.flaky;
const failed = vitest.numFailedTests + playwright.stats.unexpected;
const skipped = vitest.numPendingTests + playwright.stats.skipped;
console.log(`npm test: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 ? 0 : 1;
