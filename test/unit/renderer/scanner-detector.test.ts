import { describe, expect, it } from 'vitest'
import { createScannerDetector } from '@renderer/scanner/scanner-detector'

/** Feeds keys at the given times (ms) and returns the last outcome. */
function press(keys: string[], times: number[]) {
  const detector = createScannerDetector()
  return keys.map((key, index) => detector.key(key, times[index] ?? 0)).at(-1)
}

const EAN = '3760123456789'
function burst(code: string, start: number, gapMs: number) {
  const keys = [...code.split(''), 'Enter']
  return { keys, times: keys.map((_, index) => start + index * gapMs) }
}

describe('barcode scanner detection', () => {
  it('recognises thirteen digits and Enter typed 10 ms apart as a scan', () => {
    const { keys, times } = burst(EAN, 1000, 10)
    expect(press(keys, times)).toEqual({ kind: 'scan', barcode: EAN })
  })

  it('takes the same digits typed by a person, 120 ms apart, as typing', () => {
    const { keys, times } = burst(EAN, 1000, 120)
    expect(press(keys, times)).toEqual({ kind: 'other' })
  })

  it('still recognises a scan when a busy machine delays one key by 120 ms', () => {
    const { keys, times } = burst(EAN, 1000, 8)
    const delayed = times.map((time, index) => (index >= 6 ? time + 120 : time))
    expect(press(keys, delayed)).toEqual({ kind: 'scan', barcode: EAN })
  })

  it('accepts an average of exactly 40 ms between keys and refuses 41 ms', () => {
    const atLimit = burst(EAN, 0, 40)
    const overLimit = burst(EAN, 0, 41)
    expect(press(atLimit.keys, atLimit.times)).toMatchObject({ kind: 'scan' })
    expect(press(overLimit.keys, overLimit.times)).toMatchObject({ kind: 'other' })
  })

  it('does not count slow digits typed before the scan as part of it', () => {
    const detector = createScannerDetector()
    detector.key('4', 0)
    detector.key('2', 500)
    let outcome = detector.key('9', 1500)
    expect(outcome).toEqual({ kind: 'digit', startsBurst: true })
    const { keys, times } = burst(EAN, 3000, 8)
    for (const [index, key] of keys.entries()) outcome = detector.key(key, times[index] ?? 0)
    expect(outcome).toEqual({ kind: 'scan', barcode: EAN })
  })

  it('ignores a short fast burst such as a quantity typed quickly', () => {
    const { keys, times } = burst('12', 0, 15)
    expect(press(keys, times)).toEqual({ kind: 'other' })
  })

  it('ignores bursts longer than any barcode', () => {
    const { keys, times } = burst('123456789012345', 0, 5)
    expect(press(keys, times)).toEqual({ kind: 'other' })
  })

  it('drops a burst interrupted by a letter', () => {
    const detector = createScannerDetector()
    const keys = ['3', '7', '6', '0', 'a', '1', '2', '3', '4', '5', '6', '7', 'Enter']
    const outcomes = keys.map((key, index) => detector.key(key, index * 5))
    expect(outcomes.at(-1)).toEqual({ kind: 'other' })
  })

  it('needs Enter to follow the last digit quickly', () => {
    const detector = createScannerDetector()
    EAN.split('').forEach((digit, index) => detector.key(digit, index * 5))
    expect(detector.key('Enter', 12 * 5 + 400)).toEqual({ kind: 'other' })
  })

  it('marks the first digit of each burst so a focused field can be restored', () => {
    const detector = createScannerDetector()
    expect(detector.key('3', 0)).toEqual({ kind: 'digit', startsBurst: true })
    expect(detector.key('7', 10)).toEqual({ kind: 'digit', startsBurst: false })
    expect(detector.key('6', 200)).toEqual({ kind: 'digit', startsBurst: true })
  })

  it('starts afresh after a scan', () => {
    const detector = createScannerDetector()
    const first = burst(EAN, 0, 5)
    first.keys.forEach((key, index) => detector.key(key, first.times[index] ?? 0))
    const second = burst('40063813', 70, 5)
    const outcomes = second.keys.map((key, index) => detector.key(key, second.times[index] ?? 0))
    expect(outcomes.at(-1)).toEqual({ kind: 'scan', barcode: '40063813' })
  })
})
