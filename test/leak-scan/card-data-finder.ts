import { closeSync, lstatSync, openSync, readdirSync, readSync } from 'node:fs'
import { join } from 'node:path'

/**
 * What the leak scan looks for, in any file of any size: a full card number (PCI DSS 3.3), that is
 * a Luhn-valid run of 13 to 19 digits with a card brand's prefix and one of its lengths, whether
 * written plain, grouped with spaces or hyphens, or in UTF-16; and a security code (PCI DSS 3.2)
 * written after its field name or in prose ("security code 123").
 */

/** Prefixes and lengths of the brands a shop may meet, wider than the networks Comptoir routes. */
const BRANDS: ReadonlyArray<{ prefix: RegExp; lengths: readonly number[] }> = [
  { prefix: /^4/, lengths: [13, 16, 19] }, // Visa (and CB co-badged)
  { prefix: /^(?:5[1-5]|222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, lengths: [16] }, // Mastercard
  { prefix: /^3[47]/, lengths: [15] }, // American Express
  { prefix: /^(?:30[0-5]|3[689])/, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { prefix: /^35(?:2[89]|[3-8]\d)/, lengths: [16, 17, 18, 19] }, // JCB
  { prefix: /^(?:6011|64[4-9]|65)/, lengths: [16, 17, 18, 19] }, // Discover
  { prefix: /^62/, lengths: [16, 17, 18, 19] }, // UnionPay
  { prefix: /^(?:5018|5020|5038|5[6-8]|6304|639|67)/, lengths: [13, 14, 15, 16, 17, 18, 19] }, // Maestro
]

export function isLuhnValid(digits: string): boolean {
  let sum = 0
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2
    sum += digit
  }
  return sum % 10 === 0
}

function isValidEan13(digits: string): boolean {
  if (digits.length !== 13) return false
  let sum = 0
  for (let index = 0; index < 12; index++) sum += (digits.charCodeAt(index) - 48) * (index % 2 === 0 ? 1 : 3)
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(12) - 48
}

/**
 * The issuer identification numbers (first six digits) of every card the suite and the demo type,
 * test cards of DOMAIN.md and the numbers the tests make up. Any number from these ranges is
 * caught, whatever its last digits; a number from another range is not looked for, because SQLite
 * writes a row's text columns side by side and digits of neighbouring columns (codes, dates,
 * references) then make, now and then, a Luhn-valid run with some brand's prefix: about one full
 * run in three reported such a run when every brand's range was searched.
 */
const TEST_CARD_BINS: ReadonlySet<string> = new Set([
  '222300', '222400', '345678', '378282', '400000', '400005', '400638', '411111', '422222', '424242',
  '455673', '469746', '473935', '491761', '497010', '513100', '555555',
])

/**
 * A full card number: one of the test cards' ranges, a brand's prefix and length, and the Luhn check. A 13-digit run that is also
 * a valid EAN-13 barcode is a product's code, not a card: products and till scans are written
 * everywhere (the demo catalogue's 376… codes cannot match a brand; a German 400–440 code can),
 * no test card is 13 digits long, and 13-digit Visa numbers have not been issued for decades.
 */
export function isCardNumber(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false
  if (!TEST_CARD_BINS.has(digits.slice(0, 6))) return false
  if (!BRANDS.some((brand) => brand.prefix.test(digits) && brand.lengths.includes(digits.length))) return false
  return isLuhnValid(digits) && !isValidEan13(digits)
}

/**
 * Runs of digits, with NULs between them (UTF-16) and single spaces or hyphens between groups.
 * A plain run counts whole: SQLite writes a row's text columns side by side, so a longer run is
 * several columns, not a card. A grouped run counts when its groups are laid out as a card number
 * is written (4-4-4-4, 4-4-4-4-3, 4-6-5 for Amex, 4-6-4 for Diners), alone or at the end of a
 * longer run ("n° 12 4242 4242 4242 4242"); a day (2026-12-07) or a phone number is not.
 */
const DIGIT_RUN = /\d(?:\x00?(?:[ -]\x00?)?\d)*/g
const CARD_LAYOUTS = [/^\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,4})?$/, /^\d{4}[ -]\d{6}[ -]\d{4,5}$/]

/**
 * The demo catalogue's barcodes (376012345…), which a row writes right after a quantity or a
 * price: "2" followed by a barcode can pass a brand's prefix and the Luhn check by chance.
 */
const CATALOGUE_BARCODE = /376012345\d{4}/

/**
 * Digits that are not a card wherever they stand: a run inside a hash or a key written in hex (the
 * audit chain's digests: 32 hex characters or more), and a JSON number (`"minBasket":6077…,`): a
 * card number is a string in every message and record of the app, never a number.
 */
function isInsideHexDigest(text: string, start: number, end: number): boolean {
  let from = start
  let to = end
  while (from > 0 && start - from < 128 && /[0-9a-f]/.test(text[from - 1]!)) from--
  while (to < text.length && to - end < 128 && /[0-9a-f]/.test(text[to]!)) to++
  return to - from >= 32 && /[a-f]/.test(text.slice(from, to))
}

function isJsonNumber(text: string, start: number, end: number): boolean {
  return /":\s*$/.test(text.slice(Math.max(0, start - 4), start)) && /^\s*[,}\]]/.test(text.slice(end, end + 2))
}

export function cardNumbersIn(text: string): string[] {
  const found = new Set<string>()
  for (const match of text.matchAll(DIGIT_RUN)) {
    const start = match.index
    const end = start + match[0].length
    if (isInsideHexDigest(text, start, end) || isJsonNumber(text, start, end)) continue
    const run = match[0].replaceAll('\x00', '')
    if (!/[ -]/.test(run)) {
      if (isCardNumber(run) && !CATALOGUE_BARCODE.test(run)) found.add(run)
      continue
    }
    // A card laid out in groups stands alone in its run, or beside short numbers (a "n° 12"
    // before it); next to groups of four digits or more it is part of a list of numbers, not a
    // card (SQLite's statistics: "1 1 1 1 14697 4697 4697 4697 4697").
    const groups = run.split(/[ -]/)
    const tokens = run.split(/(?<=[ -])|(?=[ -])/)
    for (let first = 0; first < groups.length; first++) {
      for (let last = first + 2; last < groups.length; last++) {
        if ((groups[first - 1]?.length ?? 0) >= 4 || (groups[last + 1]?.length ?? 0) >= 4) continue
        const written = tokens.slice(first * 2, last * 2 + 1).join('')
        const digits = groups.slice(first, last + 1).join('')
        if (CARD_LAYOUTS.some((layout) => layout.test(written)) && isCardNumber(digits)) found.add(digits)
      }
    }
  }
  return [...found]
}

// The field's name starts a word, and a bare abbreviation (cvv, cvc, csc) is followed by something
// other than a letter or digit: random identifiers and hashes in SQLite pages hold runs such as
// "…cSc2026" (letters, then the next column's date), which are no field at all.
const SECURITY_CODE =
  /(?<![a-z0-9])(?:security[\s_-]*code|card[\s_-]*verification(?:[\s_-]*(?:value|code))?|(?:cvc2?|cvv2?|csc)(?![a-z0-9])|cryptogramme(?:\s+visuel)?|code\s+de\s+s[ée]curit[ée])["'`]?\s*(?:[:=]|is|was|est|of)?\s*["'`]?\s*\d{3,4}(?!\d)/i

/** A security code after its field name (`"securityCode":"123"`, `cvv=123`) or in prose. */
export function securityCodeIn(text: string): string | null {
  return SECURITY_CODE.exec(text.replaceAll('\x00', ''))?.[0] ?? null
}

export interface Finding {
  file: string
  what: string
}

/**
 * Reads one file of any size in chunks, each overlapping the last by enough bytes that a number
 * or a field written across a chunk boundary is still whole in one of them.
 */
export function scanFile(path: string, chunkBytes = 16 * 1024 * 1024): Finding[] {
  const overlap = 256
  const findings = new Map<string, Finding>()
  const buffer = Buffer.alloc(chunkBytes + overlap)
  const fd = openSync(path, 'r')
  try {
    let kept = 0
    for (;;) {
      const read = readSync(fd, buffer, kept, chunkBytes, null)
      if (read === 0) break
      const total = kept + read
      const text = buffer.toString('latin1', 0, total)
      for (const pan of cardNumbersIn(text)) {
        const what = `card number ${pan.slice(0, 6)}…${pan.slice(-4)} (${pan.length} digits)`
        findings.set(what, { file: path, what })
      }
      const code = securityCodeIn(text)
      if (code) findings.set(`code ${code}`, { file: path, what: `security code "${code.slice(0, 40)}"` })
      kept = Math.min(overlap, total)
      buffer.copyWithin(0, total - kept, total)
    }
  } finally {
    closeSync(fd)
  }
  return [...findings.values()]
}

/** Every regular file below a folder, whatever its size or name; symbolic links are not followed. */
export function* filesBelow(folder: string): Generator<string> {
  let entries: string[]
  try {
    entries = readdirSync(folder)
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(folder, entry)
    let stats
    try {
      stats = lstatSync(path)
    } catch {
      continue
    }
    if (stats.isDirectory()) yield* filesBelow(path)
    else if (stats.isFile()) yield path
  }
}
