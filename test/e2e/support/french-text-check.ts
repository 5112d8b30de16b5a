import type { Page } from 'playwright-core'
import {
  AUTHORIZATION_STATES,
  DIGITAL_DELIVERY_KINDS,
  ORDER_STATUSES,
  PAYMENT_ATTEMPT_OUTCOMES,
  PAYMENT_METHODS,
  PRODUCT_KINDS,
  PROMOTION_TYPES,
  VAT_CATEGORIES,
} from '@shared/domain'
import { ERRORS } from '@shared/contract/errors'
import { fr } from '../../../src/renderer/src/i18n/fr'
import type { TourStop } from './screen-tour'

/** Words that are the same in French (or brand-like) and so prove nothing when shown. */
const SHARED_WORDS = new Set(['standard', 'express', 'promotion', 'digital', 'special'])

/** The domain's enum values and the error codes, as they would read if shown raw. */
const RAW_WORDS = [
  ...ORDER_STATUSES,
  ...PAYMENT_ATTEMPT_OUTCOMES,
  ...AUTHORIZATION_STATES,
  ...PAYMENT_METHODS,
  ...PRODUCT_KINDS,
  ...DIGITAL_DELIVERY_KINDS,
  ...PROMOTION_TYPES,
  ...VAT_CATEGORIES,
  ...Object.keys(ERRORS),
  'TIMEOUT',
].filter((word) => !SHARED_WORDS.has(word))
const RAW_WORD = new RegExp(`(?<![\\w-])(${RAW_WORDS.map((word) => word.replace(/[-_]/g, '[-_]')).join('|')})(?![\\w-])`)

const KEY_ROOTS = Object.keys(fr).join('|')
/** A vue-i18n key left as is: "backOffice.detail.title", "till.cart.title". */
const RAW_KEY = new RegExp(`(?<![\\w@/.-])(?:${KEY_ROOTS})(?:\\.[A-Za-z0-9]+)+(?![\\w.-]*@)`)
/** A money field followed by a bare integer: "amount : 2050", "montant: 1490". */
const RAW_AMOUNT = /\b(?:amount|montant|total\w*|fee|frais|tendered|re(?:ç|c)u|refunded|rembours\w*|value|valeur|minBasket|price|prix)\s*:\s*-?\d{3,}(?![\d\s,.]*(?:€|EUR|%))/i
/** "1 articles", "1 lignes": a plural after one (words whose singular ends in s are left out). */
const PLURAL_AFTER_ONE = /(?<![\d,.])\b1\s(?!(?:mois|fois|refus|prix|colis|jours?)\b)[a-zàâçéèêëîïôûùüœ]{2,}s\b/
const AGREEMENT = [/Frais de livraison\s*:?\s*offerte\b/, /\bLivraison\s*:?\s*offerts\b/]
/** English left on a French screen: words no French sentence uses. */
const ENGLISH = /\b(?:the|and|with|from|Cancelled|Partial refund|Declined|Approved|Gave up|waiting|Refund)\b/
/** The simulated issuer's test cardholders are named in English ("Test lost card"): data, not interface. */
const TEST_HOLDER = /^Test [a-z ]+$/

/** vue-i18n's warnings on the page's console (a missing key, a fallback), to fail on once the walk is over. */
export function watchTranslationWarnings(page: Page): string[] {
  const warnings: string[] = []
  page.on('console', (message) => {
    if (/intlify|Not found '.*' key|fall back to translate/i.test(message.text())) warnings.push(message.text())
  })
  return warnings
}

/** The text a cashier reads, dialogs and all, with the document shown in the approval's frame. */
async function screenText(page: Page): Promise<string> {
  const texts = [await page.locator('body').innerText()]
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue
    texts.push(await frame.locator('body').innerText().catch(() => ''))
  }
  return texts.join('\n')
}

/** Order numbers split over two lines, and « » with a breakable space inside. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      if (/ [»:;!?](?=\s|$)|« /.test(text) && / »|« /.test(text)) problems.push(`breakable space at a guillemet in "${text.trim().slice(0, 60)}"`)
      for (const match of text.matchAll(/[A-Z]\d{2}-\d{4}-\d{6}/g)) {
        const range = document.createRange()
        range.setStart(node, match.index)
        range.setEnd(node, match.index + match[0].length)
        const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)))
        if (tops.size > 1) problems.push(`order number ${match[0]} broken over ${tops.size} lines`)
      }
    }
    return problems
  })
}

/**
 * What reads wrong in French at one stop of the screen tour, each line naming the stop and quoting
 * the line: an untranslated key, a raw enum value or error code, English, a raw minor-unit amount,
 * a plural after 1, an agreement error; then order numbers broken over lines, breakable spaces at
 * guillemets.
 */
export async function frenchTextFailures(page: Page, stop: TourStop): Promise<string[]> {
  const failures: string[] = []
  const lines = (await screenText(page)).split('\n').map((line) => line.trim()).filter(Boolean)
  const seen = new Set<string>()
  const fail = (what: string, line: string): void => {
    const entry = `${stop.name}: ${what} in "${line.slice(0, 120)}"`
    if (!seen.has(entry)) failures.push(entry)
    seen.add(entry)
  }
  for (const line of lines) {
    if (RAW_KEY.test(line)) fail('an untranslated key', line)
    if (TEST_HOLDER.test(line)) continue
    const word = RAW_WORD.exec(line)
    if (word) fail(`a raw value (${word[1]})`, line)
    const english = ENGLISH.exec(line)
    if (english) fail(`English (${english[0]})`, line)
    if (RAW_AMOUNT.test(line)) fail('a raw minor-unit amount', line)
    if (PLURAL_AFTER_ONE.test(line)) fail('a plural after 1', line)
    for (const pattern of AGREEMENT) if (pattern.test(line)) fail('an agreement error', line)
  }
  for (const problem of await layoutProblems(page)) failures.push(`${stop.name}: ${problem}`)
  return failures
}
