import { z } from 'zod'
import { DIGITAL_DELIVERY_KINDS } from '../../domain/catalogue'
import { ORDER_DELIVERY_OPTIONS } from '../../domain/delivery'
import { ORDER_STATUSES } from '../../domain/order-status'
import { PAYMENT_METHODS } from '../../domain/payment'
import { shippingAddressSchema } from '../../checkout/address-rules'
import { currencySchema, idSchema, localeSchema, localizedTextSchema, minorUnitsSchema } from '../common-schemas'
import { priceQuoteSchema } from '../pricing-schemas'

export const orderStatusSchemaShared = z.enum(ORDER_STATUSES)

export const paymentMethodSchema = z.enum(PAYMENT_METHODS)

export const customerSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
})
export type CustomerInfo = z.infer<typeof customerSchema>

export const savedCardSchema = z.object({
  token: z.string(),
  brand: z.string(),
  lastFour: z.string().regex(/^\d{4}$/),
  expiryMonth: z.number().int().min(1).max(12),
  expiryYear: z.number().int(),
  holderName: z.string(),
  masked: z.string(),
})
export type SavedCardInfo = z.infer<typeof savedCardSchema>

export const orderDeliverySchema = z.object({
  option: z.enum(ORDER_DELIVERY_OPTIONS),
  address: shippingAddressSchema.nullable(),
})

export const entitlementSchema = z.object({
  kind: z.enum(DIGITAL_DELIVERY_KINDS),
  productName: localizedTextSchema,
  code: z.string().nullable(),
  downloadToken: z.string().nullable(),
  fileName: z.string().nullable(),
})
export type EntitlementInfo = z.infer<typeof entitlementSchema>

export const orderEventSchema = z.object({
  fromStatus: orderStatusSchemaShared.nullable(),
  toStatus: orderStatusSchemaShared,
  userName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
})

export const orderSchema = z.object({
  /** The internal id: a checkout in progress (or declined, cancelled, abandoned) has only this. */
  id: idSchema,
  /** The sale's number, given when it is paid or authorized (`T01-2026-000123`); null before. */
  number: z.string().nullable(),
  status: orderStatusSchemaShared,
  tillId: z.string(),
  cashierName: z.string(),
  customer: customerSchema.nullable(),
  currency: currencySchema,
  locale: localeSchema,
  quote: priceQuoteSchema,
  delivery: orderDeliverySchema,
  paymentMethod: paymentMethodSchema.nullable(),
  card: z
    .object({ brand: z.string(), lastFour: z.string(), masked: z.string(), authorizationCode: z.string().nullable() })
    .nullable(),
  lastDeclineCode: z.string().nullable(),
  cashTendered: minorUnitsSchema.nullable(),
  changeDue: minorUnitsSchema.nullable(),
  capturedAmount: minorUnitsSchema,
  refundedAmount: minorUnitsSchema,
  entitlements: z.array(entitlementSchema),
  events: z.array(orderEventSchema),
  shipment: z.object({ carrier: z.string(), trackingNumber: z.string(), shippedAt: z.string() }).nullable(),
  createdAt: z.string(),
  /** Only on the answer to a card payment asked to save the card: whether the vault kept it. */
  cardSaving: z.enum(['saved', 'failed']).optional(),
})
export type OrderInfo = z.infer<typeof orderSchema>
