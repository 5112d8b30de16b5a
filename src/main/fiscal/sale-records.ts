import { allocateByLargestRemainder, roundHalfAwayFromZero } from '@shared/money'
import type { FiscalChain, FiscalOperator, FiscalRecord } from './fiscal-record'
import type { FiscalJournal } from './fiscal-journal'

/**
 * What the journal needs of a sale: the numbered order with its frozen quote. Declared here, so
 * the fiscal feature needs nothing of the orders feature (an `Order` fits).
 */
export interface FiscalSale {
  readonly id: number
  readonly number: string | null
  readonly currency: string
  readonly cashierId: number
  readonly cashierName: string
  readonly paymentMethod: string | null
  readonly cardBrand: string | null
  readonly cashTendered: number | null
  readonly changeDue: number | null
  readonly totalTtc: number
  /** Made in training mode (MODE ÉCOLE): its records, and those correcting it, go on the 'training' chain. */
  readonly training?: boolean
  readonly quote: {
    readonly priceMode: 'TTC' | 'HT'
    readonly lines: ReadonlyArray<{
      readonly name: { readonly fr: string; readonly en: string }
      readonly quantity: number
      readonly vatRateBasisPoints: number
      readonly unitPriceHt: number
      readonly unitPriceTtc: number
      readonly lineTotal: number
    }>
    readonly rates: ReadonlyArray<{ readonly rateBasisPoints: number; readonly ht: number; readonly vat: number; readonly ttc: number }>
    readonly delivery: { readonly fee: number } | null
    readonly totals: { readonly ht: number; readonly vat: number; readonly ttc: number }
  }
}

/** A refund as the order's history records it (`RefundRecord` fits): TTC per rate, named lines or a free amount. */
export interface FiscalRefund {
  readonly amount: number
  readonly lines: ReadonlyArray<{ readonly name: { readonly fr: string }; readonly quantity: number; readonly ttc: number }>
  readonly delivery: number
  readonly free: number
  readonly byRate: ReadonlyArray<{ readonly rateBasisPoints: number; readonly ttc: number }>
  readonly method: 'card' | 'cash'
  readonly reason: string | null
}

export type DuplicateMedium = 'print' | 'pdf'

interface RateTotals {
  rateBasisPoints: number
  ht: number
  vat: number
  ttc: number
}

/** A line's total both ways, whatever the shop's price mode (HT = TTC − VAT, the VAT rounded half away from zero). */
function lineTotals(line: FiscalSale['quote']['lines'][number], priceMode: 'TTC' | 'HT'): { ht: number; ttc: number } {
  if (priceMode === 'HT') return { ht: line.lineTotal, ttc: line.lineTotal + roundHalfAwayFromZero(line.lineTotal * line.vatRateBasisPoints, 10_000) }
  const vat = roundHalfAwayFromZero(line.lineTotal * line.vatRateBasisPoints, 10_000 + line.vatRateBasisPoints)
  return { ht: line.lineTotal - vat, ttc: line.lineTotal }
}

function paymentModes(sale: FiscalSale, sign: 1 | -1): Array<Record<string, unknown>> {
  const method = sale.paymentMethod === 'cash' ? 'cash' : 'card'
  const mode: Record<string, unknown> = { mode: method, amount: sign * sale.totalTtc }
  if (method === 'card') mode.brand = sale.cardBrand
  if (method === 'cash' && sign === 1) Object.assign(mode, { tendered: sale.cashTendered, change: sale.changeDue })
  return [mode]
}

/** The chain of a sale's records: a training sale never touches the real chain nor its grand totals. */
const chainOf = (sale: FiscalSale): FiscalChain => (sale.training ? 'training' : 'real')


const negate = (rate: RateTotals): RateTotals => ({ rateBasisPoints: rate.rateBasisPoints, ht: -rate.ht, vat: -rate.vat, ttc: -rate.ttc })

/**
 * The journal's records of sales and what corrects them, built from the frozen quote: every
 * amount integer minor units, the totals per rate the quote's own. Each method writes one record
 * and must run inside the transaction of the operation it records.
 */
export class SaleRecords {
  constructor(
    private readonly journal: FiscalJournal,
    /** Who supervises training mode now (a training record names them); null while it is off. */
    private readonly trainingSupervisor: () => FiscalOperator | null = () => null,
  ) {}

  /** The ticket of a sale just paid (cash) or authorized (card), or recovered after a crash. */
  ticket(sale: FiscalSale, at?: Date): FiscalRecord {
    const { quote } = sale
    const payload = {
      document: 'ticket',
      orderId: sale.id,
      orderNumber: sale.number,
      currency: sale.currency,
      priceMode: quote.priceMode,
      lines: quote.lines.map((line) => {
        const totals = lineTotals(line, quote.priceMode)
        return {
          label: line.name.fr,
          quantity: line.quantity,
          unitPriceHt: line.unitPriceHt,
          unitPriceTtc: line.unitPriceTtc,
          lineTotalHt: totals.ht,
          lineTotalTtc: totals.ttc,
          vatRateBasisPoints: line.vatRateBasisPoints,
        }
      }),
      deliveryFee: quote.delivery?.fee ?? 0,
      rates: quote.rates.map(({ rateBasisPoints, ht, vat, ttc }) => ({ rateBasisPoints, ht, vat, ttc })),
      totals: { ht: quote.totals.ht, vat: quote.totals.vat, ttc: quote.totals.ttc },
      payments: paymentModes(sale, 1),
      ...this.simulation(sale),
    }
    return this.journal.record('ticket', payload, { id: sale.cashierId, name: sale.cashierName }, { amountTtc: quote.totals.ttc, orderId: sale.id, at, chain: chainOf(sale) })
  }

  /** A credit note: what a refund gives back, per rate (base and VAT split as the sale's own), linked to the ticket. */
  creditNote(sale: FiscalSale, refund: FiscalRefund, userId: number, at?: Date): FiscalRecord {
    const rates = refund.byRate.map((part): RateTotals => {
      const sold = sale.quote.rates.find((rate) => rate.rateBasisPoints === part.rateBasisPoints)
      const [ht, vat] = sold && sold.ht + sold.vat > 0
        ? allocateByLargestRemainder(part.ttc, [sold.ht, sold.vat])
        : [part.ttc - roundHalfAwayFromZero(part.ttc * part.rateBasisPoints, 10_000 + part.rateBasisPoints), roundHalfAwayFromZero(part.ttc * part.rateBasisPoints, 10_000 + part.rateBasisPoints)]
      return negate({ rateBasisPoints: part.rateBasisPoints, ht: ht!, vat: vat!, ttc: part.ttc })
    })
    const payload = {
      document: 'credit_note',
      orderId: sale.id,
      orderNumber: sale.number,
      ticket: this.ticketReference(sale.id),
      currency: sale.currency,
      lines: refund.lines.map((line) => ({ label: line.name.fr, quantity: line.quantity, lineTotalTtc: -line.ttc })),
      delivery: -refund.delivery,
      free: -refund.free,
      rates,
      totals: {
        ht: rates.reduce((sum, rate) => sum + rate.ht, 0),
        vat: rates.reduce((sum, rate) => sum + rate.vat, 0),
        ttc: -refund.amount,
      },
      payments: [{ mode: refund.method, amount: -refund.amount }],
      reason: refund.reason,
      ...this.simulation(sale),
    }
    return this.journal.record('credit_note', payload, { id: userId }, { amountTtc: -refund.amount, orderId: sale.id, at, chain: chainOf(sale) })
  }

  /** The cancellation of a whole sale (a void before capture): the ticket's figures, negated. */
  cancellation(sale: FiscalSale, userId: number, reason: string | null, at?: Date): FiscalRecord {
    const payload = {
      document: 'cancellation',
      orderId: sale.id,
      orderNumber: sale.number,
      ticket: this.ticketReference(sale.id),
      currency: sale.currency,
      rates: sale.quote.rates.map(negate),
      totals: { ht: -sale.quote.totals.ht, vat: -sale.quote.totals.vat, ttc: -sale.quote.totals.ttc },
      payments: paymentModes(sale, -1),
      reason,
      ...this.simulation(sale),
    }
    return this.journal.record('cancellation', payload, { id: userId }, { amountTtc: -sale.quote.totals.ttc, orderId: sale.id, at, chain: chainOf(sale) })
  }

  /** A copy of the ticket made after the sale (printed again, or as a PDF): "DUPLICATA n° k". */
  duplicate(sale: FiscalSale, userId: number, medium: DuplicateMedium, at?: Date): { record: FiscalRecord; copyNumber: number } {
    const copyNumber = this.journal.countForOrder(sale.id, 'duplicate') + 1
    const payload = {
      document: 'duplicate',
      orderId: sale.id,
      orderNumber: sale.number,
      ticket: this.ticketReference(sale.id),
      copyNumber,
      medium,
      ticketTtc: sale.quote.totals.ttc,
      ...this.simulation(sale),
    }
    return { record: this.journal.record('duplicate', payload, { id: userId }, { orderId: sale.id, at, chain: chainOf(sale) }), copyNumber }
  }

  /** What a training record says of itself, beside its chain: it is no ticket, and who supervised. */
  private simulation(sale: FiscalSale): { simulation?: string; supervisor?: FiscalOperator | null } {
    return sale.training ? { simulation: 'MODE ÉCOLE — SIMULATION', supervisor: this.trainingSupervisor() } : {}
  }

  private ticketReference(orderId: number): { tillId: string; sequence: number } | null {
    return this.journal.ticketOf(orderId)
  }
}
