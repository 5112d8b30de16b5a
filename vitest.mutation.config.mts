import { resolve } from 'node:path'
import { configDefaults, defineConfig } from 'vitest/config'

// Stryker's Vitest config (stryker.config.mjs): the unit project of vitest.config.mts alone, the
// unit and integration tests, without the renderer, end-to-end and leak-scan projects.
const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') }

export default defineConfig({
  resolve: { alias },
  test: {
    globalSetup: ['./test/support/global-setup.ts'],
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/unit/renderer/dom/**'],
    environment: 'node',
  },
})
