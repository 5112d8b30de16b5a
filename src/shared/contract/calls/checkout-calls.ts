import { z } from 'zod'
import { SHIPPING_OPTIONS } from '../../domain/delivery'
import { CARD_BRANDS } from '../../domain/payment'
import { parseExpiry, type CardExpiry } from '../../cards/card-expiry'
import { shippingAddressSchema } from '../../checkout/address-rules'
import { defineCall } from '../define-call'
import { PRICING_ERROR_CODES } from '../errors'
import { emptyInputSchema, idSchema, localeSchema, minorUnitsSchema } from '../common-schemas'
import { customerSchema, orderSchema, savedCardSchema } from './order-schemas'

/**
 * A card expiry as the cashier typed it (`12/30`, `1230`, `12-30`, `12/2030`), parsed here once
 * into `{ month, year }` with a four-digit year: main never sees the typed text.
 */
export const cardExpirySchema = z
  .string()
  .max(10)
  .transform((typed, context): CardExpiry => {
    const expiry = parseExpiry(typed)
    if (expiry) return expiry
    context.addIssue({ code: 'custom', message: 'Expiry date must read MM/YY' })
    return z.NEVER
  })

export const cardEntrySchema = z
  .object({
    number: z.string().max(30),
    expiry: cardExpirySchema,
    securityCode: z.string().max(4),
    holderName: z.string().trim().min(2).max(80),
    /** The card carries the CB logo next to Visa or Mastercard. */
    coBadgedCb: z.boolean().optional(),
    /** On a co-badged card the cardholder chooses the brand (EU rule); CB by default. */
    chosenBrand: z.enum(CARD_BRANDS).optional(),
  })
  .strict()

const checkoutDeliverySchema = z.discriminatedUnion('option', [
  z.object({ option: z.literal('pickup') }).strict(),
  z.object({ option: z.enum(SHIPPING_OPTIONS), address: shippingAddressSchema }).strict(),
])

export const checkoutCalls = {
  'customers.search': defineCall({
    summary: 'Find customers by name, email or phone',
    role: 'staff',
    errors: [],
    input: z.object({ query: z.string().trim().min(1).max(80) }).strict(),
    output: z.array(customerSchema),
  }),
  'customers.create': defineCall({
    summary: 'Register a new customer',
    role: 'staff',
    errors: ['CONFLICT'],
    input: z
      .object({
        name: z.string().trim().min(2).max(80),
        email: z.email().max(120).optional(),
        phone: z.string().trim().regex(/^\+?[0-9 .-]{6,20}$/, 'A phone number is 6 to 20 digits').optional(),
      })
      .strict(),
    output: customerSchema,
  }),
  'customers.savedCards': defineCall({
    summary: "A customer's saved cards (brand, last four, expiry)",
    role: 'staff',
    errors: [],
    input: z.object({ customerId: idSchema }).strict(),
    output: z.array(savedCardSchema),
  }),
  'checkout.begin': defineCall({
    summary: 'Freeze the priced cart into an order awaiting payment',
    role: 'staff',
    errors: ['CART_EMPTY', 'NOT_FOUND', ...PRICING_ERROR_CODES, 'DISCOUNT_LIMIT_EXCEEDED', 'CASH_SESSION_NOT_OPEN'],
    input: z
      .object({
        customerId: idSchema.nullable(),
        delivery: checkoutDeliverySchema,
        locale: localeSchema.default('fr'),
      })
      .strict(),
    output: orderSchema,
  }),
  'checkout.payByCard': defineCall({
    summary: 'Pay the order with a card typed at the till',
    role: 'staff',
    errors: ['NOT_FOUND', 'CONFLICT', 'PAYMENT_IN_PROGRESS', 'CARD_DECLINED', 'PAYMENT_UNAVAILABLE', 'CASH_SESSION_NOT_OPEN', 'TRAINING_CASH_ONLY'],
    input: z.object({ orderId: idSchema, card: cardEntrySchema, saveCard: z.boolean().default(false) }).strict(),
    output: orderSchema,
  }),
  'checkout.payBySavedCard': defineCall({
    summary: "Pay the order with one of the customer's saved cards",
    role: 'staff',
    errors: ['NOT_FOUND', 'CONFLICT', 'PAYMENT_IN_PROGRESS', 'CARD_DECLINED', 'PAYMENT_UNAVAILABLE', 'CASH_SESSION_NOT_OPEN', 'TRAINING_CASH_ONLY'],
    input: z.object({ orderId: idSchema, token: z.string().min(8).max(80) }).strict(),
    output: orderSchema,
  }),
  'checkout.payCash': defineCall({
    summary: 'Pay the order in cash; answers the change due',
    role: 'staff',
    errors: ['NOT_FOUND', 'CASH_SHORT', 'PAYMENT_IN_PROGRESS', 'CASH_SESSION_NOT_OPEN'],
    input: z.object({ orderId: idSchema, tendered: minorUnitsSchema.pipe(z.number().positive()) }).strict(),
    output: orderSchema,
  }),
  'checkout.cancel': defineCall({
    summary: 'Give up an order awaiting payment; the cart is kept',
    role: 'staff',
    errors: ['NOT_FOUND', 'CONFLICT', 'PAYMENT_IN_PROGRESS'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({}).strict(),
  }),
  'checkout.stopWaiting': defineCall({
    summary:
      'Stop waiting for the issuer on the order’s card payment: ends the wait as the timeout does (recorded as timed out, reversed); stopped is false when no answer was awaited',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({ stopped: z.boolean() }).strict(),
  }),
  'checkout.paymentWait': defineCall({
    summary: 'How long a card payment waits for the issuer before the automatic timeout',
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: z.object({ timeoutSeconds: z.number().int().positive() }).strict(),
  }),
  'orders.get': defineCall({
    summary: 'One order with its frozen quote, payment, entitlements and history',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: orderSchema,
  }),
  'orders.approval': defineCall({
    summary: 'The HTML order approval, as stored with the order',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({
      html: z.string(),
      /** Goods under the legal guarantee of conformity: the ticket is printed without asking (AGEC exception). */
      legalGuarantee: z.boolean(),
    }),
  }),
  'orders.approvalPdf': defineCall({
    summary: 'The order approval as a PDF file (desktop app only; browser mode prints instead)',
    role: 'staff',
    errors: ['NOT_FOUND', 'NOT_AVAILABLE'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  }),
  'orders.download': defineCall({
    summary: 'The file behind a download entitlement',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string() }),
  }),
  'orders.ticketRequest': defineCall({
    summary:
      "The customer's answer to 'Ticket ?' after a paid sale (law AGEC): printed (on the receipt printer when one is set), e-mailed (queued with the audit entry, then sent as a PDF) or none; written in the audit log",
    role: 'staff',
    errors: ['NOT_FOUND', 'CONFLICT'],
    input: z
      .discriminatedUnion('medium', [
        /** reason 'legal_guarantee': printed without asking (goods under the legal guarantee); refused for other orders. */
        z.object({ orderId: idSchema, medium: z.literal('print'), reason: z.literal('legal_guarantee').optional() }).strict(),
        z.object({ orderId: idSchema, medium: z.literal('none') }).strict(),
        z.object({ orderId: idSchema, medium: z.literal('email'), email: z.email().max(120) }).strict(),
      ]),
    output: z
      .object({
        recordedAt: z.string(),
        /** An e-mail: 'sent' once the SMTP server took it, 'queued' while it waits for a retry. */
        email: z.enum(['sent', 'queued']).optional(),
        /** A print: 'printed' by the receipt printer, 'failed' when it did not answer; absent without one (the HTML print). */
        printer: z.enum(['printed', 'failed']).optional(),
      })
      .strict(),
  }),
}
