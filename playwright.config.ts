import { defineConfig } from '@playwright/test'
import { chooseHost, E2E_PORT, WEB_ORIGIN } from './test/e2e/support/host'

const choice = chooseHost()
// Printed once by the runner, not again by every worker.
if (process.env.TEST_WORKER_INDEX === undefined) console.info(`[e2e] host: ${choice.host} (${choice.reason})`)

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: Number(process.env.STANDPOINT_E2E_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['./test/e2e/support/offlineReporter.ts']],
  use: { baseURL: WEB_ORIGIN, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  // The built renderer, served as a plain web page, when the suite runs on Chromium.
  ...(choice.host === 'chromium'
    ? {
        webServer: {
          command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${E2E_PORT} --strictPort`,
          url: `${WEB_ORIGIN}/`,
          reuseExistingServer: false,
          timeout: 60_000,
          stdout: 'ignore',
        },
      }
    : {}),
})
