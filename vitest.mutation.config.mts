import { resolve } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'

// Stryker's Vitest config (stryker.config.mjs): the unit project of vitest.config.mts alone, the
// unit and integration tests, without the renderer, end-to-end and leak-scan projects.
const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }
// MUTATION_TESTS=unit leaves the integration tests out: a quicker run whose score is a lower bound
// (a mutant only they kill counts as survived), for pure rules on a loaded machine.
const unitOnly = process.env.MUTATION_TESTS === 'unit'
// MUTATION_EXTRA_TESTS adds comma-separated globs to the unit tests, e.g. the issuer's quick
// integration tests for the issuer's ledger and processors, which no unit test reaches alone.
const extra = (process.env.MUTATION_EXTRA_TESTS ?? '').split(',').filter((glob) => glob !== '')

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    include: unitOnly
      ? ['test/unit/**/*.test.ts', ...extra]
      : ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/unit/renderer/dom/**'],
    environment: 'node',
    // Stryker's instrumented code runs slower, beside other runs on 2 cores: the slowest unit
    // tests (1,000 wrong PINs) overran Vitest's 5 s default in the initial run.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
})
