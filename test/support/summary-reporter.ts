import { appendFileSync } from 'node:fs'
import type { SerializedError } from 'vitest'
import type { Reporter, TestModule } from 'vitest/node'

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line that any CI log reader
 * understands, after Vitest's own summary. A file that failed outside its tests (a `beforeAll`
 * that threw, an import error) counts as one failure, and so does an unhandled error: otherwise
 * a run whose browser never started would read "0 failed". Under `npm test` the counts go to
 * COMPTOIR_SUMMARY_FILE instead, and test/support/run-suite.mjs ends the run with the line for
 * both of its steps (the tests, then the leak scan).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of testModules) {
      let failedInModule = 0
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failedInModule++
        else skipped++
      }
      if (module.state() === 'failed' && failedInModule === 0) failedInModule = 1
      failed += failedInModule
    }
    failed += unhandledErrors.length
    const summaryFile = process.env.COMPTOIR_SUMMARY_FILE
    if (summaryFile) appendFileSync(summaryFile, `${JSON.stringify({ passed, failed, skipped })}\n`)
    else process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
