import type { Locale } from '@shared/contract'
import type { ShippingAddress } from '@shared/checkout/address-rules'
import type { PriceQuote } from '@shared/contract/pricing-schemas'
import type { OrderStatus } from './order-status'

import type { OrderDeliveryOption } from '@shared/domain/delivery'
import type { PaymentMethod } from '@shared/domain/payment'

export type { OrderDeliveryOption, PaymentMethod }

/**
 * An order as the services read it, mapped from its row by `OrderRepository`: amounts in minor
 * units, the delivery address parsed, the frozen quote parsed on first use (it is the order's
 * largest column and most readers never look at it).
 */
export interface Order {
  readonly id: number
  /** Given when the sale is paid or authorized; null before (and for ever if it never is). */
  readonly number: string | null
  readonly tillId: string
  readonly cashierId: number
  readonly cashierName: string
  readonly customerId: number | null
  readonly customerName: string | null
  readonly customerEmail: string | null
  readonly status: OrderStatus
  readonly paymentMethod: PaymentMethod | null
  /** The card of the last attempt: the approved one, or the last declined. */
  readonly cardBrand: string | null
  readonly cardLastFour: string | null
  readonly cardMasked: string | null
  readonly authorizationCode: string | null
  readonly lastDeclineCode: string | null
  /** The approved attempt the order was paid by; null for cash and before payment. */
  readonly paymentAttemptId: number | null
  readonly idempotencyKey: string
  readonly currency: string
  readonly totalHt: number
  readonly totalVat: number
  readonly totalTtc: number
  readonly deliveryFee: number
  readonly capturedAmount: number
  readonly refundedAmount: number
  readonly cashTendered: number | null
  readonly changeDue: number | null
  readonly hasPhysical: boolean
  readonly deliveryOption: OrderDeliveryOption
  readonly deliveryAddress: ShippingAddress | null
  readonly promotionCode: string | null
  readonly locale: Locale
  /** The quote frozen at checkout, never priced again. */
  readonly quote: PriceQuote
  readonly approvalHtml: string | null
  readonly createdAt: string
  /** Made in training mode (MODE ÉCOLE): no real sale, kept out of every total and of the real fiscal chain. */
  readonly training: boolean
}

/** One move of an order's status, with who made it. */
export interface OrderEvent {
  fromStatus: OrderStatus | null
  toStatus: OrderStatus
  userName: string | null
  note: string | null
  at: string
}

/** What a digital line gave the buyer: a download, a licence key, a gift card, a subscription. */
export interface Entitlement {
  id: number
  orderId: number
  productId: number
  kind: 'download' | 'licence_key' | 'gift_card' | 'subscription'
  code: string | null
  downloadToken: string | null
  fileName: string | null
  productName: { fr: string; en: string }
}

export interface OrderShipment {
  carrier: string
  trackingNumber: string
  shippedAt: string
}

/** The card payment recorded on an order when its authorization is approved. */
export interface CardPaymentRecord {
  method: 'card' | 'saved_card'
  brand: string
  lastFour: string
  masked: string
  authorizationCode: string
  attemptId: number
}
