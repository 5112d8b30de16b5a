/**
 * During `npm test` every data folder is kept until the end of the run, so that the leak scan
 * can read what the whole suite wrote; the global teardown removes them all.
 */
export function keepTestData(): boolean {
  return process.env.COMPTOIR_KEEP_TEST_DATA === '1'
}
