import type { Cart, CartLine, OrderInfo, PriceQuote } from '@shared/contract'

/** A product on the shelf of the test shop; prices are TTC cents, VAT 20 %. */
export interface Shelf {
  productId: number
  sku: string
  ean: string
  fr: string
  en: string
  unitPrice: number
  kind?: CartLine['kind']
}

export const COFFEE: Shelf = { productId: 1, sku: 'CAF-250', ean: '4006381333931', fr: 'Café moulu 250 g', en: 'Ground coffee 250 g', unitPrice: 450 }
export const MUG: Shelf = { productId: 2, sku: 'MUG-01', ean: '3017620422003', fr: 'Tasse', en: 'Mug', unitPrice: 1250 }
export const EBOOK: Shelf = { productId: 3, sku: 'EB-1', ean: '9780306406157', fr: 'Livre numérique', en: 'E-book', unitPrice: 999, kind: 'digital' }

const RATE = 2000

/** VAT included in a TTC amount at 20 %, rounded half away from zero like the pricing engine. */
function vatIn(ttc: number): number {
  return Math.round((ttc * RATE) / (10_000 + RATE))
}

/** A cart as main prices it: lines in order, line totals, one VAT rate, pickup. */
export function cartOf(items: Array<[Shelf, number]>, options: { firstLineId?: number } = {}): Cart {
  const firstLineId = options.firstLineId ?? 11
  const lines: CartLine[] = items.map(([product, quantity], index) => ({
    lineId: firstLineId + index,
    productId: product.productId,
    sku: product.sku,
    ean: product.ean,
    name: { fr: product.fr, en: product.en },
    kind: product.kind ?? 'physical',
    vatCategory: 'standard',
    unitPrice: product.unitPrice,
    quantity,
    discount: null,
    lineTotal: product.unitPrice * quantity,
  }) as CartLine)
  const ttc = lines.reduce((sum, line) => sum + line.lineTotal, 0)
  const vat = vatIn(ttc)
  const quote = {
    currency: 'EUR',
    priceMode: 'TTC',
    lines: lines.map((line) => ({
      lineId: line.lineId,
      productId: line.productId,
      name: line.name,
      kind: line.kind,
      quantity: line.quantity,
      vatRateBasisPoints: RATE,
      unitPriceHt: line.unitPrice - vatIn(line.unitPrice),
      unitPriceTtc: line.unitPrice,
      grossAmount: line.lineTotal,
      discount: null,
      lineTotal: line.lineTotal,
    })),
    rates: lines.length === 0 ? [] : [{ rateBasisPoints: RATE, goods: ttc, shipping: 0, ht: ttc - vat, vat, ttc }],
    delivery: null,
    discounts: { lineDiscounts: 0, promotion: null, total: 0 },
    totals: { goods: ttc, discounts: 0, delivery: 0, ht: ttc - vat, vat, ttc },
  } as unknown as PriceQuote
  return {
    tillId: 'T01',
    currency: 'EUR',
    lines,
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    total: ttc,
    promotionCode: null,
    delivery: { option: 'pickup' },
    quote,
    notice: null,
  }
}

/** The order main freezes a cart into when checkout begins. */
export function orderOf(cart: Cart, status: OrderInfo['status'] = 'pending_payment', id = 501): OrderInfo {
  return {
    id,
    number: null,
    status,
    tillId: cart.tillId,
    cashierName: 'Camille',
    customer: null,
    currency: cart.currency,
    locale: 'fr',
    quote: cart.quote,
    delivery: { option: 'pickup', address: null },
    paymentMethod: null,
    card: null,
    lastDeclineCode: null,
    cashTendered: null,
    changeDue: null,
    capturedAmount: 0,
    refundedAmount: 0,
    entitlements: [],
    events: [],
    shipment: null,
    createdAt: '2026-12-07T10:00:00.000Z',
  }
}
