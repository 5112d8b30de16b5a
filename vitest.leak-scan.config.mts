import { defineConfig } from 'vitest/config'

/**
 * The card data leak scan, run by test/support/run-suite.mjs after every other test has
 * finished, over the run folder they all wrote below (COMPTOIR_SUITE_ROOT).
 */
export default defineConfig({
  test: {
    name: 'leak-scan',
    include: ['test/leak-scan/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 600_000,
  },
})
