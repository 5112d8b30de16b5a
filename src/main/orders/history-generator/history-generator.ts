import { describeResponseCode } from '@shared/cards/response-codes'
import type { SqliteDatabase } from '../../../platform/sqlite/open-database'
import { formatOrderNumber, tillSeries } from '../order-number'
import { ProductRepository } from '../../catalogue'
import { PricingRepository, VatRates } from '../../pricing'
import { SettingsReader, SettingsRepository, toEngineSettings } from '../../settings'
import { buildBasketPool, type PooledBasket } from './basket-pool'
import {
  BINS,
  BRAND_WEIGHTS,
  CARRIERS,
  CITIES,
  DECLINE_WEIGHTS,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PAYMENT_WEIGHTS,
  PICKUP_STATUS_WEIGHTS,
  SHIPPED_STATUS_WEIGHTS,
  authorizationCode,
  digits,
  pick,
  seededRandom,
  weighted,
  type GeneratedStatus,
  type Random,
} from './generator-data'
import { createHistoryWriter, type GeneratedAttempt, type HistoryWriter } from './history-writer'

export interface HistoryGeneratorOptions {
  orders: number
  /** The year of history ends here (default: now). */
  end?: Date
  seed?: number
  customers?: number
  baskets?: number
  /** Orders per transaction. */
  batchSize?: number
  onProgress?: (written: number, total: number) => void
}

interface Customer {
  id: number
  name: string
  email: string
}

const YEAR_MS = 365 * 24 * 3600 * 1000
const TILLS = ['TILL-01', 'TILL-02', 'TILL-03']

/**
 * Fills the merchant database with a realistic year of orders, as fast as SQLite writes: big
 * transactions of prepared inserts, baskets priced once by the real engine and reused, and the
 * back-office triggers (search index, daily totals) doing their normal work on every row.
 * Returns the number of orders written. The caller may relax `synchronous` around it.
 */
export function generateHistory(db: SqliteDatabase, options: HistoryGeneratorOptions): number {
  const random = seededRandom(options.seed ?? 20_251_126)
  const end = options.end ?? new Date()
  const start = end.getTime() - YEAR_MS
  // A tool at the composition root's level: it builds the repositories it reads, over `db`.
  const settings = new SettingsReader(new SettingsRepository(db))
  const currency = settings.shop().currency
  const engineSettings = toEngineSettings(settings.pricing(), currency)
  const products = new ProductRepository(db).activeOfKind('physical')
  const pool = buildBasketPool(products, new VatRates(new PricingRepository(db)), engineSettings, random, {
    count: options.baskets ?? 3000,
    shippedShare: 0.2,
    pricedAt: end,
  })
  const pickups = pool.filter((basket) => !basket.shipped)
  const shipped = pool.filter((basket) => basket.shipped)
  const writer = createHistoryWriter(db)
  const cashiers = writer.userIds()
  const customers = db.transaction(() => createCustomers(writer, random, options.customers ?? 3000, new Date(start)))()
  const batchSize = options.batchSize ?? 20_000
  const total = options.orders
  const context: OrderContext = { writer, random, cashiers, customers, currency, sequences: new Map() }

  for (let done = 0; done < total; ) {
    const upTo = Math.min(total, done + batchSize)
    db.transaction(() => {
      for (let index = done; index < upTo; index++) {
        const createdMs = Math.floor(start + ((index + random()) * YEAR_MS) / total)
        const wantsShipping = random() < 0.18 && shipped.length > 0
        writeOrder(context, wantsShipping ? pick(random, shipped) : pick(random, pickups), createdMs)
      }
      writer.saveSequences(context.sequences)
    })()
    done = upTo
    options.onProgress?.(done, total)
  }
  return total
}

function createCustomers(writer: HistoryWriter, random: Random, count: number, at: Date): Customer[] {
  const customers: Customer[] = []
  for (let index = 0; index < count; index++) {
    const first = pick(random, FIRST_NAMES)
    const last = pick(random, LAST_NAMES)
    const name = `${first} ${last}`
    const email = `${first}.${last}.${index}@${pick(random, EMAIL_DOMAINS)}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
    const id = writer.insertCustomer(name, email, `+33 6 ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`, at.toISOString())
    customers.push({ id, name, email })
  }
  return customers
}

interface OrderContext {
  writer: HistoryWriter
  random: Random
  cashiers: number[]
  customers: Customer[]
  currency: string
  /** The last number given per till series and year (`T01:2026`), as the till takes them. */
  sequences: Map<string, { series: string; year: number; last: number }>
}

/** The statuses an order went through to reach its final one, after pending_payment. */
function pathTo(status: GeneratedStatus, paid: 'authorized' | 'paid', shipped: boolean): GeneratedStatus[] | string[] {
  const handedOver = shipped ? ['awaiting_shipment', 'shipped'] : ['delivered']
  switch (status) {
    case 'declined':
      return ['declined']
    case 'abandoned':
      return ['abandoned']
    case 'awaiting_shipment':
      return [paid, 'awaiting_shipment']
    case 'voided':
      return shipped ? [paid, 'awaiting_shipment', 'voided'] : [paid, 'voided']
    case 'refunded':
      return [paid, ...handedOver, 'refunded']
    case 'completed':
      return [paid, ...handedOver, 'completed']
    default:
      return [paid, ...handedOver]
  }
}

function writeOrder(context: OrderContext, basket: PooledBasket, createdMs: number): void {
  const { writer, random } = context
  const status = weighted(random, basket.shipped ? SHIPPED_STATUS_WEIGHTS : PICKUP_STATUS_WEIGHTS)
  const createdAt = new Date(createdMs).toISOString()
  const orderId = writer.nextOrderId()
  const customer = basket.shipped || random() < 0.4 ? pick(random, context.customers) : null
  const tillId = pick(random, TILLS)
  const ttc = basket.quote.totals.ttc
  const cardOnly = basket.shipped || status === 'declined' || status === 'voided' || status === 'awaiting_shipment'
  let method = status === 'abandoned' ? null : weighted(random, PAYMENT_WEIGHTS)
  if (cardOnly && method === 'cash') method = 'card'
  const at = (offsetMs: number) => new Date(createdMs + offsetMs).toISOString()

  let card: { brand: string; bin: string; lastFour: string } | null = null
  let declineCode: string | null = null
  const attempts: GeneratedAttempt[] = []
  if (method === 'card' || method === 'saved_card') {
    const brand = weighted(random, BRAND_WEIGHTS)
    card = { brand, bin: pick(random, BINS[brand]), lastFour: digits(random, 4) }
    const earlierDecline = status === 'declined' || random() < 0.03
    if (earlierDecline) {
      declineCode = weighted(random, DECLINE_WEIGHTS)
      attempts.push(attempt(context, card, method, ttc, orderId, tillId, at(15_000), 'declined', declineCode, null))
    }
    if (status !== 'declined') {
      const voided = status === 'voided'
      const captured = status === 'awaiting_shipment' || voided ? 0 : ttc
      attempts.push({
        ...attempt(context, card, method, ttc, orderId, tillId, at(40_000), 'approved', '00', authorizationCode(random)),
        capturedAmount: captured,
        refundedAmount: status === 'refunded' ? ttc : 0,
        capturedAt: captured > 0 ? at(60_000) : null,
        reversalStatus: voided ? 'acknowledged' : 'none',
        reversedAt: voided ? at(3_600_000) : null,
      })
    }
  }
  const approved = attempts.find((candidate) => candidate.outcome === 'approved') ?? null
  const attemptIds = writer.nextAttemptIds(attempts.length)
  const paidLike = status !== 'declined' && status !== 'abandoned'
  // Only a sale paid or authorized is numbered, when it is paid: no gaps in a till's year.
  const number = paidLike ? nextNumber(context, tillId, at(40_000)) : null
  const capturedAmount = !paidLike || status === 'voided' || status === 'awaiting_shipment' ? 0 : ttc
  const address = basket.shipped && customer ? addressFor(random, customer.name) : null
  writer.insertOrder({
    id: orderId,
    number,
    tillId,
    cashierId: pick(random, context.cashiers),
    customer,
    status,
    paymentMethod: paidLike ? method : null,
    card,
    authorizationCode: approved?.authorizationCode ?? null,
    lastDeclineCode: declineCode,
    paymentAttemptId: approved ? attemptIds[attempts.indexOf(approved)]! : null,
    currency: context.currency,
    basket,
    capturedAmount,
    refundedAmount: status === 'refunded' ? ttc : 0,
    cashTendered: paidLike && method === 'cash' ? Math.ceil(ttc / 1000) * 1000 : null,
    deliveryAddress: address,
    createdAt,
    updatedAt: at(120_000),
    paidAt: paidLike ? at(40_000) : null,
  })
  attempts.forEach((candidate, index) => writer.insertAttempt(attemptIds[index]!, candidate))
  writer.insertBasket(orderId, basket)
  if (status === 'refunded') writer.insertRefunds(orderId)

  const paidStatus = method === 'cash' ? 'paid' : 'authorized'
  let previous = 'pending_payment'
  writer.insertEvent(orderId, null, previous, createdAt)
  pathTo(status, paidStatus, basket.shipped).forEach((next, step) => {
    writer.insertEvent(orderId, previous, next, at(40_000 + step * (next === 'shipped' ? 86_400_000 : 1000)))
    previous = next
  })
  if (status === 'shipped' || (basket.shipped && (status === 'completed' || status === 'refunded'))) {
    writer.insertShipment(orderId, pick(random, CARRIERS), `${pick(random, ['6A', '8R', 'XY'])}${digits(random, 11)}`, at(86_400_000))
  }
}

function attempt(
  context: OrderContext,
  card: { brand: string; bin: string; lastFour: string },
  method: string,
  amount: number,
  orderId: number,
  terminalId: string,
  startedAt: string,
  outcome: 'approved' | 'declined',
  responseCode: string,
  authorizationCodeValue: string | null,
): GeneratedAttempt {
  return {
    orderId,
    terminalId,
    entryMode: method === 'saved_card' ? 'stored-credential' : 'manual',
    brand: card.brand,
    bin: card.bin,
    lastFour: card.lastFour,
    panLength: card.brand === 'amex' ? 15 : 16,
    amount,
    currency: context.currency,
    outcome,
    responseCode,
    responseMeaning: describeResponseCode(responseCode).meaning,
    authorizationCode: authorizationCodeValue,
    latencyMs: 40 + Math.floor(context.random() * 400),
    startedAt,
    reversalStatus: 'none',
    capturedAmount: 0,
    refundedAmount: 0,
    capturedAt: null,
    reversedAt: null,
  }
}

/** The next number of the till's series for the year of `paidAt`. */
function nextNumber(context: OrderContext, tillId: string, paidAt: string): string {
  const series = tillSeries(tillId)
  const year = Number(paidAt.slice(0, 4))
  const key = `${series}:${year}`
  const last = (context.sequences.get(key)?.last ?? context.writer.lastSequence(series, year)) + 1
  context.sequences.set(key, { series, year, last })
  return formatOrderNumber(series, year, last)
}

function addressFor(random: Random, recipient: string) {
  const place = pick(random, CITIES)
  return { recipient, line1: `${1 + Math.floor(random() * 120)} rue des Lilas`, postcode: place.postcode, city: place.city, country: 'FR' }
}
