import type { OrderInfo } from '@shared/contract'
import { formatMoney } from '@shared/money'
import { formatDocumentDate, renderDocument } from './document-engine'
import { DOCUMENT_LABELS } from './document-labels'
import { DOCUMENT_STYLES } from './document-styles'
import type { ShopIdentity } from '../settings'
import { SHIPPING_NOTICE_TEMPLATE } from './shipping-notice-template'


export interface ShippingNoticeInput {
  order: OrderInfo
  shop: ShopIdentity
  carrier: string
  trackingNumber: string
  shippedAt: Date
}


/** Renders the HTML shipping notice in the order's language, what the customer receives with the parcel. */
export function renderShippingNotice({ order, shop, carrier, trackingNumber, shippedAt }: ShippingNoticeInput): string {
  const locale = order.locale
  return renderDocument(SHIPPING_NOTICE_TEMPLATE, {
    locale,
    l: DOCUMENT_LABELS[locale],
    styles: DOCUMENT_STYLES,
    shop,
    order: { number: order.number, date: formatDocumentDate(new Date(order.createdAt), locale) },
    customer: order.customer,
    shipment: { carrier, trackingNumber, date: formatDocumentDate(shippedAt, locale) },
    address: order.delivery.address,
    lines: order.quote.lines.map((line) => ({ quantity: line.quantity, name: line.name[locale] })),
    total: formatMoney(order.quote.totals.ttc, order.currency, locale === 'fr' ? 'fr-FR' : 'en-GB'),
  })
}
