import type { Product } from '@shared/contract'
import type { PriceQuote } from '@shared/contract/pricing-schemas'
import { priceCart, resolveVatRate, type PricingLine, type PricingSettings } from '../../pricing'
import type { VatRates } from '../../pricing'
import type { Random } from './generator-data'

/** A basket priced once by the real engine and reused by many generated orders. */
export interface PooledBasket {
  quote: PriceQuote
  quoteJson: string
  shipped: boolean
  lines: Array<{ productId: number; sku: string; nameFr: string; nameEn: string; line: PriceQuote['lines'][number] }>
}

/**
 * Prices `count` distinct baskets of 1 to 6 of the active physical `products` (pickup, or
 * standard delivery in France for `shippedShare` of them) with `priceCart`, so that every
 * generated order carries a quote whose totals and VAT the engine itself produced. Digital goods are left out: they would
 * need entitlements the generator does not issue.
 */
export function buildBasketPool(
  products: Product[],
  vatRates: VatRates,
  settings: PricingSettings,
  random: Random,
  options: { count: number; shippedShare: number; pricedAt: Date },
): PooledBasket[] {
  if (products.length === 0) throw new Error('The catalogue has no physical product to sell')
  const history = vatRates.history()
  const pool: PooledBasket[] = []
  while (pool.length < options.count) {
    const size = 1 + Math.floor(random() * random() * 6)
    const chosen = new Map<number, Product>()
    while (chosen.size < Math.min(size, products.length)) {
      const product = products[Math.floor(random() * products.length)]!
      chosen.set(product.id, product)
    }
    const lines: PricingLine[] = [...chosen.values()].map((product, index) => {
      const rate = resolveVatRate(product.vatCategory, options.pricedAt, history)
      if (!rate.ok) throw new Error(rate.error.message)
      return {
        lineId: index + 1,
        productId: product.id,
        name: product.name,
        unitPrice: product.unitPrice,
        quantity: random() < 0.75 ? 1 : 2 + Math.floor(random() * 3),
        vatRateBasisPoints: rate.value,
        kind: product.kind,
        weightGrams: product.weightGrams,
      }
    })
    const shipped = random() < options.shippedShare
    const quote = priceCart(
      { lines, delivery: shipped ? { option: 'standard', zone: 'FR' } : { option: 'pickup' }, pricedAt: options.pricedAt },
      settings,
    )
    if (!quote.ok) continue
    pool.push({
      quote: quote.value,
      quoteJson: JSON.stringify(quote.value),
      shipped: shipped && quote.value.delivery !== null,
      lines: quote.value.lines.map((line) => {
        const product = chosen.get(line.productId)!
        return { productId: product.id, sku: product.sku, nameFr: product.name.fr, nameEn: product.name.en, line }
      }),
    })
  }
  return pool
}
