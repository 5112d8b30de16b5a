import type { OrderInfo } from '@shared/contract'
import type { CustomerDirectory } from '../customers'
import type { Order } from './order-record'
import type { OrderRepository } from './order-repository'

/** The order as screens see it: the frozen quote, never priced again, with its history. */
export function toOrderInfo(order: Order, orders: OrderRepository, customers: CustomerDirectory): OrderInfo {
  const customer = order.customerId ? customers.findById(order.customerId) : null
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    tillId: order.tillId,
    cashierName: order.cashierName,
    customer,
    currency: order.currency,
    locale: order.locale,
    quote: order.quote,
    delivery: { option: order.deliveryOption, address: order.deliveryAddress },
    paymentMethod: order.paymentMethod,
    card:
      order.cardBrand && order.cardLastFour && order.cardMasked && order.authorizationCode
        ? {
            brand: order.cardBrand,
            lastFour: order.cardLastFour,
            masked: order.cardMasked,
            authorizationCode: order.authorizationCode,
          }
        : null,
    lastDeclineCode: order.lastDeclineCode,
    cashTendered: order.cashTendered,
    changeDue: order.changeDue,
    capturedAmount: order.capturedAmount,
    refundedAmount: order.refundedAmount,
    entitlements: orders.entitlements(order.id).map((entitlement) => ({
      kind: entitlement.kind,
      productName: entitlement.productName,
      code: entitlement.code,
      downloadToken: entitlement.downloadToken,
      fileName: entitlement.fileName,
    })),
    events: orders.events(order.id),
    shipment: orders.shipment(order.id),
    createdAt: order.createdAt,
  }
}
