import type { InvoiceBuyer, PriceQuote } from '@shared/contract'
import { sirenOf } from '@shared/invoices/business-identifiers'
import { allocateByLargestRemainder } from '@shared/money'

/** What an invoice needs of a paid sale (an `Order` fits), so this feature needs nothing of the orders feature's insides. */
export interface InvoiceSale {
  readonly id: number
  readonly number: string | null
  readonly status: string
  readonly currency: string
  readonly cashierId: number
  readonly paymentMethod: string | null
  readonly createdAt: string
  readonly quote: PriceQuote
  /** A training-mode sale (MODE ÉCOLE) is no sale: it has no invoice. */
  readonly training?: boolean
}

/** The seller as the invoice names it (the shop's identity). */
export interface InvoiceSeller {
  name: string
  addressLine: string
  postcode: string
  city: string
  siret: string
  vatNumber: string
}

/** One line of the invoice, net of VAT: the amounts HT, whose sums per rate are the rate's base. */
export interface InvoiceLine {
  label: string
  quantity: number
  unitPriceHt: number
  /** Discounts on the line (its own and its share of a promotion), HT. */
  discountHt: number
  lineTotalHt: number
  rateBasisPoints: number
  /** A delivery line (one per rate that carries a share of the fee). */
  delivery: boolean
}

/** Everything an invoice says, every amount integer minor units; the HTML and the Factur-X XML are made from it. */
export interface InvoiceContent {
  number: string
  issuedAt: Date
  /** The sale's date, which is also its delivery's (goods handed over or shipped from the till). */
  soldAt: Date
  currency: string
  seller: InvoiceSeller & { siren: string; vatNumberCompact: string; siretCompact: string }
  buyer: InvoiceBuyer & { siren: string }
  orderNumber: string
  ticket: { tillId: string; sequence: number } | null
  lines: InvoiceLine[]
  rates: Array<{ rateBasisPoints: number; ht: number; vat: number; ttc: number }>
  totals: { ht: number; vat: number; ttc: number }
  payment: { method: 'card' | 'cash'; paidAt: Date }
}

/**
 * The lines HT of a sale: each rate's base (the quote's own, whatever the price mode) is split
 * into goods and delivery in proportion to their amounts, then the goods across the lines of that
 * rate in proportion to their totals, by largest remainder: the lines add up to the base to the
 * cent, as EN 16931's rules want (the sum of the lines' net amounts is the total net).
 */
export function invoiceLines(quote: PriceQuote): InvoiceLine[] {
  const lines: InvoiceLine[] = []
  const htByLine = new Map<number, number>()
  const deliveryLines: InvoiceLine[] = []
  for (const rate of quote.rates) {
    const [goodsHt, shippingHt] = allocateByLargestRemainder(rate.ht, [rate.goods, rate.shipping]) as [number, number]
    const atRate = quote.lines.filter((line) => line.vatRateBasisPoints === rate.rateBasisPoints)
    if (atRate.length > 0) {
      const parts = allocateByLargestRemainder(goodsHt, atRate.map((line) => line.lineTotal))
      atRate.forEach((line, index) => htByLine.set(line.lineId, parts[index]!))
    }
    if (shippingHt > 0) {
      deliveryLines.push({ label: 'Livraison', quantity: 1, unitPriceHt: shippingHt, discountHt: 0, lineTotalHt: shippingHt, rateBasisPoints: rate.rateBasisPoints, delivery: true })
    }
  }
  for (const line of quote.lines) {
    const lineTotalHt = htByLine.get(line.lineId) ?? 0
    lines.push({
      label: line.name.fr,
      quantity: line.quantity,
      unitPriceHt: line.unitPriceHt,
      // Only a real discount: without one, the unit price HT (rounded) and the line's share may part by a cent.
      discountHt: line.lineDiscount + line.promotionDiscount > 0 ? Math.max(0, line.unitPriceHt * line.quantity - lineTotalHt) : 0,
      lineTotalHt,
      rateBasisPoints: line.vatRateBasisPoints,
      delivery: false,
    })
  }
  return [...lines, ...deliveryLines]
}

export function invoiceContent(input: {
  number: string
  issuedAt: Date
  sale: InvoiceSale & { number: string }
  seller: InvoiceSeller
  buyer: InvoiceBuyer
  ticket: { tillId: string; sequence: number } | null
}): InvoiceContent {
  const { sale, seller, buyer } = input
  const compact = (text: string) => text.replace(/\s/g, '')
  return {
    number: input.number,
    issuedAt: input.issuedAt,
    soldAt: new Date(sale.createdAt),
    currency: sale.currency,
    seller: { ...seller, siren: sirenOf(seller.siret), siretCompact: compact(seller.siret), vatNumberCompact: compact(seller.vatNumber) },
    buyer: { ...buyer, siren: sirenOf(buyer.companyId) },
    orderNumber: sale.number,
    ticket: input.ticket,
    lines: invoiceLines(sale.quote),
    rates: sale.quote.rates.map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc })),
    totals: { ht: sale.quote.totals.ht, vat: sale.quote.totals.vat, ttc: sale.quote.totals.ttc },
    payment: { method: sale.paymentMethod === 'cash' ? 'cash' : 'card', paidAt: new Date(sale.createdAt) },
  }
}
