/**
 * Preloaded with `node --require` into a browser-mode server by a test that needs a day to pass:
 * the whole process's clock reads COMPTOIR_TEST_CLOCK_SHIFT_MS later (earlier when negative), as a
 * machine whose system clock says so would. Nothing in the app reads this: the app keeps asking
 * `new Date()`, and the test plays the calendar, not the code.
 */
const shift = Number(process.env.COMPTOIR_TEST_CLOCK_SHIFT_MS ?? 0)
if (Number.isFinite(shift) && shift !== 0) {
  const RealDate = Date
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + shift)
      else super(...args)
    }
    static now() {
      return RealDate.now() + shift
    }
  }
  globalThis.Date = ShiftedDate
}
