import { roundHalfAwayFromZero } from '../money'
import { refundByRate } from '../domain/refund-vat'

/**
 * What a refund gives back, by name: lines and quantities, the delivery, or a free amount. Pure,
 * so the refund dialog previews exactly what main will record.
 */

/** The parts of a quote a refund reads (the order's frozen quote). */
export interface RefundableQuote {
  priceMode: 'TTC' | 'HT'
  lines: ReadonlyArray<{ lineId: number; name: { fr: string; en: string }; quantity: number; vatRateBasisPoints: number; lineTotal: number }>
  rates: ReadonlyArray<{ rateBasisPoints: number; shipping: number; ht: number; vat: number; ttc: number }>
}

/** A refund asked by name: these quantities of these lines, and/or the delivery. */
export interface RefundItemsRequest {
  lines: ReadonlyArray<{ lineId: number; quantity: number }>
  delivery: boolean
}

/** One refund as the order's history keeps it. */
export interface RefundRecord {
  /** TTC given back, minor units. */
  amount: number
  lines: Array<{ lineId: number; name: { fr: string; en: string }; quantity: number; ttc: number }>
  /** TTC of the delivery given back (0 when not). */
  delivery: number
  /** A free amount, named by nothing (an old refund, or a goodwill gesture). */
  free: number
  /** The refund's TTC per VAT rate: the lines' rates, the delivery's split, a free amount pro rata. */
  byRate: Array<{ rateBasisPoints: number; ttc: number }>
  method: 'card' | 'cash'
  reason: string | null
}

/** A price in the shop's price mode as TTC (HT prices get their VAT, rounded half away from zero). */
function asTtc(amount: number, rateBasisPoints: number, priceMode: 'TTC' | 'HT'): number {
  return priceMode === 'TTC' ? amount : amount + roundHalfAwayFromZero(amount * rateBasisPoints, 10_000)
}

/** The TTC of `quantity` more units of a line after `before` units were refunded: the parts add up to the line's TTC exactly. */
function unitsTtc(lineTtc: number, lineQuantity: number, before: number, quantity: number): number {
  return roundHalfAwayFromZero(lineTtc * (before + quantity), lineQuantity) - roundHalfAwayFromZero(lineTtc * before, lineQuantity)
}

/** The delivery's TTC per rate, from each rate's shipping part. */
export function deliveryTtcByRate(quote: RefundableQuote): Array<{ rateBasisPoints: number; ttc: number }> {
  return quote.rates
    .filter((rate) => rate.shipping > 0)
    .map((rate) => ({ rateBasisPoints: rate.rateBasisPoints, ttc: asTtc(rate.shipping, rate.rateBasisPoints, quote.priceMode) }))
}

/** What the earlier refunds of an order already gave back by name: quantities per line, the delivery. */
export function refundedSoFar(records: readonly RefundRecord[]): { lines: Map<number, number>; delivery: boolean } {
  const lines = new Map<number, number>()
  let delivery = false
  for (const record of records) {
    for (const line of record.lines) lines.set(line.lineId, (lines.get(line.lineId) ?? 0) + line.quantity)
    if (record.delivery > 0) delivery = true
  }
  return { lines, delivery }
}

export type RefundItemsProblem =
  | { problem: 'unknown-line'; lineId: number }
  | { problem: 'too-many'; lineId: number; left: number }
  | { problem: 'delivery-refunded' }
  | { problem: 'no-delivery' }
  | { problem: 'empty' }

/**
 * The refund of named items, priced from the frozen quote: each line's share of its TTC after its
 * discounts (the whole line gives back exactly its TTC, even over several refunds), the delivery
 * fee's TTC per rate. Refuses a quantity above what is left of a line after earlier refunds
 * (pending ones included), a delivery refunded twice, or nothing at all.
 */
export function priceRefundItems(
  quote: RefundableQuote,
  request: RefundItemsRequest,
  earlier: readonly RefundRecord[],
): { ok: true; value: Omit<RefundRecord, 'method' | 'reason'> } | { ok: false; error: RefundItemsProblem } {
  const so = refundedSoFar(earlier)
  const byRate = new Map<number, number>()
  const add = (rate: number, ttc: number) => byRate.set(rate, (byRate.get(rate) ?? 0) + ttc)
  const lines: RefundRecord['lines'] = []
  for (const asked of request.lines) {
    if (asked.quantity === 0) continue
    const line = quote.lines.find((candidate) => candidate.lineId === asked.lineId)
    if (!line) return { ok: false, error: { problem: 'unknown-line', lineId: asked.lineId } }
    const before = so.lines.get(line.lineId) ?? 0
    const left = line.quantity - before
    if (asked.quantity > left) return { ok: false, error: { problem: 'too-many', lineId: line.lineId, left } }
    const ttc = unitsTtc(asTtc(line.lineTotal, line.vatRateBasisPoints, quote.priceMode), line.quantity, before, asked.quantity)
    lines.push({ lineId: line.lineId, name: line.name, quantity: asked.quantity, ttc })
    add(line.vatRateBasisPoints, ttc)
  }
  let delivery = 0
  if (request.delivery) {
    if (so.delivery) return { ok: false, error: { problem: 'delivery-refunded' } }
    const parts = deliveryTtcByRate(quote)
    if (parts.length === 0) return { ok: false, error: { problem: 'no-delivery' } }
    for (const part of parts) {
      delivery += part.ttc
      add(part.rateBasisPoints, part.ttc)
    }
  }
  const amount = lines.reduce((sum, line) => sum + line.ttc, 0) + delivery
  if (amount <= 0) return { ok: false, error: { problem: 'empty' } }
  return { ok: true, value: { amount, lines, delivery, free: 0, byRate: sortedRates(byRate) } }
}

/** A free amount, spread over the order's rates in proportion to their TTC (as refunds always were). */
export function freeRefund(quote: RefundableQuote, amount: number): Omit<RefundRecord, 'method' | 'reason'> {
  const parts = refundByRate(quote.rates.map((rate) => ({ rateBasisPoints: rate.rateBasisPoints, ht: rate.ht, vat: rate.vat, ttc: rate.ttc })), amount)
  return { amount, lines: [], delivery: 0, free: amount, byRate: parts.map((part) => ({ rateBasisPoints: part.rateBasisPoints, ttc: part.ttc })) }
}

function sortedRates(byRate: Map<number, number>): Array<{ rateBasisPoints: number; ttc: number }> {
  return [...byRate].map(([rateBasisPoints, ttc]) => ({ rateBasisPoints, ttc })).sort((a, b) => b.rateBasisPoints - a.rateBasisPoints)
}

/**
 * A refund is kept in the order's history as the note of its event, in JSON after this marker, so
 * that the history names what was refunded. Notes written before (plain text, "Partial refund
 * 20.50 EUR") stay as they are and read as free amounts.
 */
const MARKER = 'refund:'

export function refundNote(record: RefundRecord): string {
  return `${MARKER}${JSON.stringify(record)}`
}

/** The refund a history note records, or null for any other note. */
export function parseRefundNote(note: string | null): RefundRecord | null {
  if (!note?.startsWith(MARKER)) return null
  try {
    const record = JSON.parse(note.slice(MARKER.length)) as RefundRecord
    return typeof record.amount === 'number' && Array.isArray(record.lines) && Array.isArray(record.byRate) ? record : null
  } catch {
    return null
  }
}

/**
 * The weights by which an order's refunded total is spread over its VAT rates: the rates of what
 * each recorded refund named (lines at their rate, the delivery by its split), and pro rata for
 * the rest (free amounts, and refunds from before records), as one sum. Base
 * and VAT within a rate keep the order's own proportion. Once every recorded refund is counted,
 * each rate gets back exactly what was named at it.
 */
export function namedRefundWeights(
  rates: ReadonlyArray<{ rateBasisPoints: number; ht: number; vat: number; ttc: number }>,
  records: readonly RefundRecord[],
  refunded: number,
): Array<{ rateBasisPoints: number; ht: number; vat: number; ttc: number }> {
  const weight = new Map<number, number>()
  const add = (rate: number, ttc: number) => weight.set(rate, (weight.get(rate) ?? 0) + ttc)
  let named = 0
  for (const record of records) {
    // Free amounts are spread with the rest, over their sum: two free refunds split like one.
    if (record.free > 0) continue
    named += record.amount
    for (const part of record.byRate) add(part.rateBasisPoints, part.ttc)
  }
  if (refunded > named) for (const part of refundByRate(rates, refunded - named)) add(part.rateBasisPoints, part.ttc)
  return rates.map((rate) => ({ ...rate, ttc: weight.get(rate.rateBasisPoints) ?? 0 }))
}
