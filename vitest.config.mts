import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { configDefaults, defineConfig } from 'vitest/config'

const alias = {
  '@shared': resolve(import.meta.dirname, 'src/shared'),
  '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
}

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    // The card data leak scan is not a project here: it runs after this whole run, as its own
    // step (test/support/run-suite.mjs, vitest.leak-scan.config.mts), whatever the number of cores.
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/unit/renderer/dom/**'],
          environment: 'node',
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Stores and components as the renderer runs them: Pinia, Vue Test Utils, a DOM.
        plugins: [vue()],
        resolve: { alias },
        test: {
          name: 'renderer',
          include: ['test/unit/renderer/dom/**/*.test.ts'],
          environment: 'happy-dom',
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // The README's screenshots are made on demand (README_SHOTS names their folder), not by the
          // suite: a run without it would only report them skipped.
          exclude: [...configDefaults.exclude, ...(process.env.README_SHOTS ? [] : ['test/e2e/readme-screenshots.test.ts'])],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium and one server at a time on a 2-core machine.
          fileParallelism: false,
          // A busy CI machine may take more than a second to render what a cashier waits for.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
