import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Runs after every other test (its project's group order is last) over everything the suite
 * wrote: databases, WAL files, key files, logs, exports, browser-mode servers' folders. PCI DSS
 * 3.3 and 3.5: no full card number and no security code may be found, in clear, anywhere.
 */
const TEST_CARD_NUMBERS = [
  '4242424242424242',
  '5555555555554444',
  '2223003122003222',
  '378282246310005',
  '4000000000000002',
  '4000000000009995',
  '4000000000009987',
  '4000000000009979',
  '4000000000000069',
  '4000000000000127',
  '4000000000000119',
]

function grouped(pan: string): string[] {
  return pan.length === 15
    ? [`${pan.slice(0, 4)} ${pan.slice(4, 10)} ${pan.slice(10)}`]
    : [pan.match(/.{4}/g)!.join(' '), pan.match(/.{4}/g)!.join('-')]
}

/**
 * tsx's compile cache holds the project's own transpiled source, whose issuer seed lists the
 * public test card numbers on purpose; it is code, not data the app wrote.
 */
const NOT_APP_DATA = /^tsx-\d+$/

const SECURITY_CODE_FIELD = /"?(?:securityCode|security_code|cvc|cvv|cvv2)"?\s*[:=]\s*"?\d{3,4}/i

function* filesBelow(folder: string): Generator<string> {
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    return
  }
  for (const entry of entries) {
    if (NOT_APP_DATA.test(entry)) continue
    const path = join(folder, entry)
    let stats
    try {
      stats = statSync(path)
    } catch {
      continue
    }
    if (stats.isDirectory()) yield* filesBelow(path)
    else if (stats.isFile() && stats.size < 64 * 1024 * 1024) yield path
  }
}

describe('card data leak scan over everything the test suite wrote', () => {
  const root = process.env.COMPTOIR_LEAK_SCAN_ROOT

  it('has a run folder to scan, full of what the suite wrote', () => {
    expect(root, 'the global setup sets COMPTOIR_LEAK_SCAN_ROOT').toBeTruthy()
    const files = [...filesBelow(root!)]
    expect(files.some((file) => file.endsWith('comptoir.sqlite'))).toBe(true)
    expect(files.some((file) => file.endsWith('.log'))).toBe(true)
  })

  it('finds no full test card number in any file, whatever its format', () => {
    const needles = TEST_CARD_NUMBERS.flatMap((pan) => [pan, ...grouped(pan)]).map((needle) => Buffer.from(needle))
    const utf16 = TEST_CARD_NUMBERS.map((pan) => Buffer.from(pan, 'utf16le'))
    const leaks: string[] = []
    for (const file of filesBelow(root!)) {
      const content = readFileSync(file)
      for (const needle of [...needles, ...utf16]) {
        if (content.includes(needle)) leaks.push(`${relative(root!, file)}: ${needle.toString().slice(0, 6)}…`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('finds no security code written next to its field name in any file', () => {
    const leaks: string[] = []
    for (const file of filesBelow(root!)) {
      const text = readFileSync(file).toString('latin1')
      const match = SECURITY_CODE_FIELD.exec(text)
      if (match) leaks.push(`${relative(root!, file)}: ${match[0].slice(0, 20)}`)
    }
    expect(leaks).toEqual([])
  })
})
