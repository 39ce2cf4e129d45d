import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run the suite side by side.
const port = Number(process.env['E2E_PORT'] ?? 4322);

// Debian's Chromium, never a downloaded browser. The flags keep it from
// reaching out to Google's services, which this network refuses.
const launchOptions = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/**
 * The phone layout spec runs once per font setup, each a fontconfig of its
 * own (e2e/fonts/), so that whether a page fits a phone cannot depend on
 * which fonts the machine happens to have: DejaVu (wide, Debian's default)
 * and Liberation Sans Narrow (narrow). The spec checks the page title
 * renders in `fontFamily`. Everything else runs on the machine's fonts.
 */
const fontSetups = [
  { name: 'phone-dejavu', conf: 'e2e/fonts/dejavu.conf', fontFamily: 'DejaVu Sans' },
  { name: 'phone-narrow', conf: 'e2e/fonts/narrow.conf', fontFamily: 'Liberation Sans Narrow' },
];
const phoneSpec = /phone-layout\.spec\.ts/;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions,
  },
  projects: [
    { name: 'chromium', testIgnore: phoneSpec },
    ...fontSetups.map(({ name, conf, fontFamily }) => ({
      name,
      testMatch: phoneSpec,
      metadata: { fontFamily },
      use: { launchOptions: { ...launchOptions, env: { ...process.env, FONTCONFIG_FILE: resolve(conf) } } },
    })),
  ],
  webServer: {
    // --ignore-lock: a server started by `npm start` may be running already.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
