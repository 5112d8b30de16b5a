import type { OrderInfo } from '@shared/contract'
import type { ShippingAddress } from '@shared/checkout/address-rules'
import type { PriceQuote } from '@shared/contract/pricing-schemas'
import type { CustomerRepository } from '../customers'
import type { OrderRepository, OrderRow } from './order-repository'

/** The order as screens see it: the frozen quote, never priced again, with its history. */
export function toOrderInfo(row: OrderRow, orders: OrderRepository, customers: CustomerRepository): OrderInfo {
  const customer = row.customer_id ? customers.findById(row.customer_id) : null
  const shipment = orders.shipment(row.id)
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    tillId: row.till_id,
    cashierName: row.cashier_name,
    customer,
    currency: row.currency,
    locale: row.locale,
    quote: JSON.parse(row.quote_json) as PriceQuote,
    delivery: {
      option: row.delivery_option,
      address: row.delivery_address ? (JSON.parse(row.delivery_address) as ShippingAddress) : null,
    },
    paymentMethod: row.payment_method,
    card:
      row.card_brand && row.card_last_four && row.card_masked && row.authorization_code
        ? {
            brand: row.card_brand,
            lastFour: row.card_last_four,
            masked: row.card_masked,
            authorizationCode: row.authorization_code,
          }
        : null,
    lastDeclineCode: row.last_decline_code,
    cashTendered: row.cash_tendered,
    changeDue: row.change_due,
    capturedAmount: row.captured_amount,
    refundedAmount: row.refunded_amount,
    entitlements: orders.entitlements(row.id).map((entitlement) => ({
      kind: entitlement.kind,
      productName: { fr: entitlement.name_fr, en: entitlement.name_en },
      code: entitlement.code,
      downloadToken: entitlement.download_token,
      fileName: entitlement.file_name,
    })),
    events: orders.events(row.id).map((event) => ({
      fromStatus: event.from_status,
      toStatus: event.to_status,
      userName: event.user_name,
      note: event.note,
      at: event.at,
    })),
    shipment: shipment
      ? { carrier: shipment.carrier, trackingNumber: shipment.tracking_number, shippedAt: shipment.shipped_at }
      : null,
    createdAt: row.created_at,
  }
}
