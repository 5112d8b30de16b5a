import { z } from 'zod'
import { MAX_BASIS_POINTS } from '../../domain/limits'
import {
  AUTHORIZATION_STATES,
  CARD_BRANDS,
  CARD_ENTRY_MODES,
  ISSUER_TRANSPORTS,
  PAYMENT_ATTEMPT_OUTCOMES,
  REVERSAL_STATUSES,
} from '../../domain/payment'
import { defineCall } from '../define-call'
import { currencySchema, idSchema, localeSchema, localizedTextSchema, minorUnitsSchema } from '../common-schemas'
import { orderSchema, orderStatusSchemaShared, paymentMethodSchema } from './order-schemas'

/**
 * The back-office: order history, order detail and actions, CSV exports and the dashboard.
 * Every call needs an administrator. Amounts are integer minor units; instants are ISO 8601 UTC
 * strings as stored (`2025-03-14T09:26:53.000Z`); days are `YYYY-MM-DD` in UTC.
 */

/** `YYYY-MM-DD` or a full UTC instant; compared as text with the stored ISO instants. */
export const instantOrDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z)?$/, 'A date is YYYY-MM-DD or an ISO instant in UTC')
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD')

export const cardBrandSchema = z.enum(CARD_BRANDS)
const nonNegativeAmountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)

/** Filters that combine (AND). Absent means "any". */
export const orderFiltersSchema = z
  .object({
    /**
     * Any of these statuses. `declined` means a card was declined and the order never paid:
     * still declined, or abandoned after the decline.
     */
    statuses: z.array(orderStatusSchemaShared).max(11).optional(),
    /** Inclusive lower bound on the creation instant. A bare day means its midnight UTC. */
    from: instantOrDaySchema.optional(),
    /** Exclusive upper bound on the creation instant. A bare day means its midnight UTC. */
    to: instantOrDaySchema.optional(),
    cashierId: idSchema.optional(),
    tillId: z.string().trim().min(1).max(40).optional(),
    paymentMethod: paymentMethodSchema.optional(),
    cardBrand: cardBrandSchema.optional(),
    /** Total TTC, inclusive bounds. */
    minTotal: nonNegativeAmountSchema.optional(),
    maxTotal: nonNegativeAmountSchema.optional(),
    /** The last decline's ISO 8583 response code, e.g. `51`, whatever the order became (paid after a retry too). */
    declineCode: z.string().regex(/^[0-9A-Z]{2}$/).optional(),
    /**
     * Free text: order number (or its prefix, or its sequence without zeros), the internal
     * reference `#1234` of an order without a number, customer name or email, card last four,
     * authorization code. Every word must match the start of a word.
     */
    text: z.string().trim().max(80).optional(),
  })
  .strict()
export type OrderFilters = z.infer<typeof orderFiltersSchema>

export const orderSortSchema = z.enum(['date_desc', 'amount_desc', 'amount_asc'])
export type OrderSort = z.infer<typeof orderSortSchema>

export const MAX_ORDER_PAGE_SIZE = 200

export const orderListRowSchema = z.object({
  id: idSchema,
  /** Null for an order never paid: it is shown and found by its internal reference `#id`. */
  number: z.string().nullable(),
  createdAt: z.string(),
  status: orderStatusSchemaShared,
  customerName: z.string().nullable(),
  cashierName: z.string(),
  tillId: z.string(),
  paymentMethod: paymentMethodSchema.nullable(),
  cardBrand: z.string().nullable(),
  cardLastFour: z.string().nullable(),
  authorizationCode: z.string().nullable(),
  lastDeclineCode: z.string().nullable(),
  totalTtc: minorUnitsSchema,
  currency: currencySchema,
  /** TTC refunded so far: an order partly refunded says so beside its status. */
  refundedAmount: minorUnitsSchema,
  /** A training sale (MODE ÉCOLE): shown marked, counted in no total. */
  training: z.boolean(),
})
export type OrderListRow = z.infer<typeof orderListRowSchema>

export const vatByRateSchema = z.object({
  rateBasisPoints: z.number().int().min(0).max(MAX_BASIS_POINTS),
  ht: minorUnitsSchema,
  vat: minorUnitsSchema,
  ttc: minorUnitsSchema,
})
export type VatByRate = z.infer<typeof vatByRateSchema>

/**
 * The money of a set of orders, counted the same way in the order list, the dashboard and the
 * VAT report: only sales (authorized, captured or paid; refunded orders included, voided ones
 * not), their refunds on their own, and the net. Pending, declined and abandoned checkouts are
 * not money.
 */
export const salesFiguresSchema = z.object({
  /** How many orders are sales. */
  soldCount: z.number().int().nonnegative(),
  /** TTC of the sales, before refunds. */
  totalTtc: minorUnitsSchema,
  /** TTC refunded on those sales. */
  refundedTtc: minorUnitsSchema,
  /** totalTtc − refundedTtc. */
  netTtc: minorUnitsSchema,
  /** Sales per VAT rate before refunds, highest rate first. */
  vat: z.array(vatByRateSchema),
  /** Refunds per VAT rate (each order's refunds split over its rates by largest remainder), highest rate first. */
  refundVat: z.array(vatByRateSchema),
  /** Sales minus refunds per VAT rate, highest rate first. */
  netVat: z.array(vatByRateSchema),
})
export type SalesFigures = z.infer<typeof salesFiguresSchema>

export const orderSummarySchema = salesFiguresSchema.extend({
  /** Every order matching the filters, sales or not. */
  count: z.number().int().nonnegative(),
  currency: currencySchema,
})
export type OrderSummary = z.infer<typeof orderSummarySchema>

export const paymentAttemptInfoSchema = z.object({
  id: idSchema,
  attemptNumber: z.number().int().positive(),
  brand: z.string(),
  bin: z.string(),
  lastFour: z.string(),
  entryMode: z.enum(CARD_ENTRY_MODES),
  amount: minorUnitsSchema,
  currency: currencySchema,
  outcome: z.enum(PAYMENT_ATTEMPT_OUTCOMES),
  responseCode: z.string().nullable(),
  responseMeaning: z.string().nullable(),
  authorizationCode: z.string().nullable(),
  latencyMs: z.number().int().nonnegative().nullable(),
  transport: z.enum(ISSUER_TRANSPORTS),
  reversalStatus: z.enum(REVERSAL_STATUSES),
  capturedAmount: minorUnitsSchema,
  refundedAmount: minorUnitsSchema,
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  reversedAt: z.string().nullable(),
  capturedAt: z.string().nullable(),
})
export type PaymentAttemptInfo = z.infer<typeof paymentAttemptInfoSchema>

/** What an administrator may do to the order now; the screens show only these buttons. */
export const orderActionsSchema = z.object({
  canVoid: z.boolean(),
  canRefund: z.boolean(),
  /** Captured (or cash received) and not yet refunded. */
  refundableAmount: minorUnitsSchema,
  canMarkShipped: z.boolean(),
  hasApproval: z.boolean(),
  hasShippingNotice: z.boolean(),
})

export const orderDetailSchema = orderSchema.extend({
  attempts: z.array(paymentAttemptInfoSchema),
  actions: orderActionsSchema,
})
export type OrderDetail = z.infer<typeof orderDetailSchema>

const orderIdInputSchema = z.object({ orderId: idSchema }).strict()
const reasonSchema = z.string().trim().max(200).optional()

/** Where the renderer fetches a prepared export: `/downloads/<ticket>`, on its own origin. */
export const DOWNLOAD_PATH_PREFIX = '/downloads/'
/** How long a download ticket may wait to be used, once. */
export const DOWNLOAD_TICKET_TTL_SECONDS = 60

/**
 * `french`: `;`, decimal comma, dates dd/mm/yyyy HH:mm on the shop's clock, French statuses (what
 * French Excel opens as columns); `international`: `,`, decimal point, ISO 8601 dates with the
 * shop's offset, English status codes. Without it: French for a French interface.
 */
export const csvFormatSchema = z.enum(['french', 'international'])
export type CsvFormat = z.infer<typeof csvFormatSchema>

export const exportStartSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('orders'),
      filters: orderFiltersSchema,
      sort: orderSortSchema.default('date_desc'),
      locale: localeSchema.default('fr'),
      format: csvFormatSchema.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('vat'),
      from: instantOrDaySchema,
      to: instantOrDaySchema,
      locale: localeSchema.default('fr'),
      format: csvFormatSchema.optional(),
    })
    .strict(),
])

/** A prepared export: the file is a plain GET of `url` (single use, within `expiresInSeconds`). */
export const exportTicketSchema = z.object({
  url: z.string().startsWith(DOWNLOAD_PATH_PREFIX),
  fileName: z.string(),
  /** Rows of orders counted when it was prepared (orders may come in before the file is read). */
  rows: z.number().int().nonnegative(),
  expiresInSeconds: z.number().int().positive(),
})
export type ExportTicket = z.infer<typeof exportTicketSchema>

/** Sales of a slice of the period (a day, an hour, a cashier): TTC sold, refunded on those sales, net. */
const salesSliceShape = {
  orders: z.number().int().nonnegative(),
  totalTtc: minorUnitsSchema,
  refundedTtc: minorUnitsSchema,
  netTtc: minorUnitsSchema,
}

export const dashboardSchema = salesFiguresSchema.extend({
  currency: currencySchema,
  /** The shop's IANA time zone, in which the period's days and hours are counted. */
  timeZone: z.string(),
  /** Sales (see salesFiguresSchema) per day of the shop's time zone that has any. */
  days: z.array(z.object({ day: daySchema, ...salesSliceShape })),
  /** Sales per hour of the shop's wall clock (0 to 23), summed over the period's days; all 24. */
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), ...salesSliceShape })),
  /** Sales per cashier who sold in the period, most sold first. */
  cashiers: z.array(z.object({ cashierId: idSchema, name: z.string(), ...salesSliceShape })),
  /** The period of the same length just before, for comparison. */
  previous: z.object({
    from: daySchema,
    to: daySchema,
    soldCount: z.number().int().nonnegative(),
    totalTtc: minorUnitsSchema,
    refundedTtc: minorUnitsSchema,
    netTtc: minorUnitsSchema,
    averageBasket: minorUnitsSchema,
  }),
  /** soldCount, under its former name. */
  orderCount: z.number().int().nonnegative(),
  /** totalTtc / orderCount, rounded half away from zero; 0 without orders. */
  averageBasket: minorUnitsSchema,
  attempts: z.object({
    authorized: z.number().int().nonnegative(),
    declined: z.number().int().nonnegative(),
    /** Timed out, unavailable or rejected before reaching a decision. */
    other: z.number().int().nonnegative(),
    /** authorized / (authorized + declined), 0..1; 0 without attempts. */
    authorizedShare: z.number().min(0).max(1),
  }),
  declineReasons: z.array(z.object({ code: z.string(), meaning: z.string(), count: z.number().int().nonnegative() })),
  topProducts: z.array(
    z.object({
      productId: idSchema,
      sku: z.string(),
      name: localizedTextSchema,
      quantity: z.number().int().nonnegative(),
      totalTtc: minorUnitsSchema,
    }),
  ),
})
export type Dashboard = z.infer<typeof dashboardSchema>

export const reconciliationProblemSchema = z.enum([
  'charged-without-sale',
  'released-by-issuer',
  'unknown-to-issuer',
  'refunded-by-issuer',
  'refund-not-at-issuer',
  'capture-refused',
  'captured-differs',
])
export type ReconciliationProblemCode = z.infer<typeof reconciliationProblemSchema>

/**
 * What an administrator may do about a case: send a release of the hold, send the capture owed,
 * record the issuer's capture or refund as the shop's, mark the order voided, send a refund of
 * what the issuer took, or close the case as it is. Every choice is audited.
 */
export const reconciliationActionSchema = z.enum([
  'release',
  'capture',
  'record-captured',
  'mark-refunded',
  'mark-voided',
  'refund',
  'dismiss',
])
export type ReconciliationActionCode = z.infer<typeof reconciliationActionSchema>

export const reconciliationCaseSchema = z.object({
  id: idSchema,
  openedAt: z.string(),
  problem: reconciliationProblemSchema,
  orderId: idSchema.nullable(),
  orderNumber: z.string().nullable(),
  orderStatus: orderStatusSchemaShared.nullable(),
  currency: currencySchema,
  card: z.object({ brand: z.string(), lastFour: z.string() }),
  /** What the shop's ledger records for the payment. */
  shop: z.object({ authorized: minorUnitsSchema, captured: minorUnitsSchema, refunded: minorUnitsSchema }),
  /** What the issuer answered when asked. */
  issuer: z.object({
    state: z.enum(AUTHORIZATION_STATES),
    authorized: minorUnitsSchema,
    captured: minorUnitsSchema,
    refunded: minorUnitsSchema,
  }),
  actions: z.array(reconciliationActionSchema),
})
export type ReconciliationCaseInfo = z.infer<typeof reconciliationCaseSchema>

export const reconciliationReportSchema = z.object({
  checked: z.number().int().nonnegative(),
  agreed: z.number().int().nonnegative(),
  repaired: z.number().int().nonnegative(),
  toReconcile: z.number().int().nonnegative(),
  deferred: z.number().int().nonnegative(),
  at: z.string(),
})

export const reconciliationListSchema = z.object({
  cases: z.array(reconciliationCaseSchema),
  /** Captures, releases and refunds written and not yet acknowledged by the issuer. */
  pendingSteps: z.number().int().nonnegative(),
  /** Payment attempts that may still move money at the issuer. */
  openAuthorizations: z.number().int().nonnegative(),
  lastReport: reconciliationReportSchema.nullable(),
})
export type ReconciliationList = z.infer<typeof reconciliationListSchema>

export const backOfficeCalls = {
  'orders.search': defineCall({
    summary: 'A page of the order history: filters that combine, sorted, keyset-paginated',
    role: 'admin',
    errors: [],
    input: z
      .object({
        filters: orderFiltersSchema.default({}),
        sort: orderSortSchema.default('date_desc'),
        limit: z.number().int().min(1).max(MAX_ORDER_PAGE_SIZE).default(50),
        /** The previous page's nextCursor, opaque; absent or null for the first page. */
        cursor: z.string().max(120).nullable().optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(orderListRowSchema), nextCursor: z.string().nullable() }),
  }),
  'orders.summary': defineCall({
    summary: 'Count of the orders matching the filters; sales, refunds and net of those that are sales, with VAT per rate',
    role: 'admin',
    errors: [],
    input: z.object({ filters: orderFiltersSchema.default({}) }).strict(),
    output: orderSummarySchema,
  }),
  'orders.filterOptions': defineCall({
    summary: 'What the history filters offer: cashiers, tills, brands and decline codes seen',
    role: 'admin',
    errors: [],
    input: z.object({}).strict(),
    output: z.object({
      cashiers: z.array(z.object({ id: idSchema, displayName: z.string() })),
      tills: z.array(z.string()),
      cardBrands: z.array(cardBrandSchema),
      declineCodes: z.array(z.object({ code: z.string(), meaning: z.string() })),
    }),
  }),
  'orders.detail': defineCall({
    summary: 'One order with its quote, history, every payment attempt and the actions allowed now',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: orderIdInputSchema,
    output: orderDetailSchema,
  }),
  'orders.void': defineCall({
    summary: 'Void an authorized order before capture: the hold goes back to the cardholder',
    role: 'admin',
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION'],
    input: z.object({ orderId: idSchema, reason: reasonSchema }).strict(),
    output: orderDetailSchema,
  }),
  'orders.refund': defineCall({
    summary: 'Refund all or part of a captured or cash order; fully refunded orders become refunded',
    role: 'admin',
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION', 'CASH_SESSION_NOT_OPEN'],
    /**
     * What is refunded, by name: `items` (lines and quantities, and/or the delivery), or a free
     * `amount` (minor units). Exactly one of them. The history names it either way.
     */
    input: z
      .object({
        orderId: idSchema,
        amount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
        items: z
          .object({
            lines: z.array(z.object({ lineId: idSchema, quantity: z.number().int().min(0).max(9999) }).strict()).max(200),
            delivery: z.boolean(),
          })
          .strict()
          .optional(),
        reason: reasonSchema,
      })
      .strict()
      .refine((input) => (input.amount === undefined) !== (input.items === undefined), {
        message: 'Give either the items refunded or an amount',
        path: ['amount'],
      }),
    output: orderDetailSchema,
  }),
  'orders.markShipped': defineCall({
    summary: 'Hand an order awaiting shipment to the carrier: captures the payment, writes the notice',
    role: 'admin',
    errors: ['NOT_FOUND', 'CONFLICT', 'INVALID_TRANSITION'],
    input: z
      .object({
        orderId: idSchema,
        carrier: z.string().trim().min(2).max(60),
        trackingNumber: z.string().trim().regex(/^[A-Za-z0-9 -]{4,40}$/, 'A tracking number is 4 to 40 letters or digits'),
      })
      .strict(),
    output: orderDetailSchema,
  }),
  'orders.shippingNotice': defineCall({
    summary: 'The HTML shipping notice of a shipped order, as stored',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: orderIdInputSchema,
    output: z.object({ html: z.string() }),
  }),
  'exports.prepare': defineCall({
    summary: 'Prepare a CSV (filtered orders, or the VAT report of a period): a single-use download address for this session, streamed when fetched',
    role: 'admin',
    errors: [],
    input: exportStartSchema,
    output: exportTicketSchema,
  }),
  'dashboard.period': defineCall({
    summary: 'Sales per day, attempts authorized vs declined, decline reasons, VAT, top products, average basket',
    role: 'admin',
    errors: [],
    /** Both days inclusive, days of the shop's time zone. */
    input: z.object({ from: daySchema, to: daySchema }).strict(),
    output: dashboardSchema,
  }),
  'reconciliation.list': defineCall({
    summary: 'The "to reconcile" list: payments where the shop and the issuer disagree, with the actions that apply',
    role: 'admin',
    errors: [],
    input: z.object({}).strict(),
    output: reconciliationListSchema,
  }),
  'reconciliation.run': defineCall({
    summary: 'Reconcile now: ask the issuer the state of every open authorization, repair what can be, list the rest',
    role: 'admin',
    errors: [],
    input: z.object({}).strict(),
    output: reconciliationListSchema,
  }),
  'reconciliation.resolve': defineCall({
    summary: 'Carry out an action on a case of the "to reconcile" list (audited)',
    role: 'admin',
    errors: ['NOT_FOUND', 'INVALID_TRANSITION'],
    input: z.object({ caseId: idSchema, action: reconciliationActionSchema, note: reasonSchema }).strict(),
    output: reconciliationListSchema,
  }),
}
