/**
 * The time of one quote for carts of 10, 100 and 1,000 lines, each as a ratio to summing the
 * same lines' integer amounts in the same run: the cost of exact VAT, shipping and discounts
 * over the cheapest thing a till could do with the cart.
 */
import { heading, measure, reportRatio } from './bench-harness'
import { priceCart, type PricingInput, type PricingLine } from '../../src/main/pricing'

const RATES = [2000, 1000, 550, 210] as const

function benchCart(size: number): PricingInput {
  const lines: PricingLine[] = []
  for (let index = 0; index < size; index++) {
    lines.push({
      lineId: index + 1,
      productId: index + 1,
      name: { fr: `Article ${index + 1}`, en: `Item ${index + 1}` },
      unitPrice: 199 + ((index * 7919) % 9800),
      quantity: 1 + (index % 3),
      vatRateBasisPoints: RATES[index % RATES.length]!,
      kind: index % 5 === 4 ? 'digital' : 'physical',
      weightGrams: 0,
      discount: index % 4 === 0 ? { type: 'percent', basisPoints: 1000 } : null,
    })
  }
  return {
    lines,
    promotion: { code: 'BENCH', discount: { type: 'amount', amount: 1234 } },
    delivery: { option: 'express', zone: 'FR' },
    pricedAt: new Date('2025-06-15T10:00:00Z'),
  }
}

function sumAmounts(lines: readonly PricingLine[]): number {
  let total = 0
  for (const line of lines) total += line.unitPrice * line.quantity
  return total
}

/**
 * Summing 10 lines takes less than the timer's own overhead, so each sample runs both the subject
 * and the baseline a fixed number of times; the ratio is then one quote to one sum.
 */
const REPEATS: Record<number, number> = { 10: 1000, 100: 100, 1000: 10 }

export async function run(): Promise<void> {
  heading('pricing: one quote, as a ratio to summing the lines')
  for (const size of [10, 100, 1000]) {
    const input = benchCart(size)
    const repeats = REPEATS[size]!
    let sink = 0
    const baseline = measure(
      () => {
        for (let i = 0; i < repeats; i++) sink += sumAmounts(input.lines)
      },
      100,
      10,
    )
    const subject = measure(
      () => {
        for (let i = 0; i < repeats; i++) {
          const quote = priceCart(input)
          if (!quote.ok) throw new Error(quote.error.message)
          sink += quote.value.totals.ttc
        }
      },
      100,
      10,
    )
    const perQuote = { ...subject, medianMs: subject.medianMs / repeats }
    const perSum = { ...baseline, medianMs: baseline.medianMs / repeats }
    reportRatio(`priceCart, ${size} lines (one quote)`, perQuote, perSum, 'sum of amounts')
    if (sink < 0) console.log(sink)
  }
}
