import { defineConfig } from '@playwright/test';

// E2E_PORT lets several checkouts run the suite side by side.
const port = Number(process.env['E2E_PORT'] ?? 4322);

// Debian's Chromium, never a downloaded browser. The flags keep it from
// reaching out to Google's services, which this network refuses.
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
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
    },
  },
  webServer: {
    // --ignore-lock: a server started by `npm start` may be running already.
    command: `npx astro preview --ignore-lock --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
