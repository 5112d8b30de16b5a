import Handlebars from 'handlebars'
import type { OrderInfo } from '@shared/contract'
import { formatMoney } from '@shared/money'
import { DOCUMENT_LABELS } from '../documents/document-labels'
import { DOCUMENT_STYLES } from '../documents/document-styles'
import type { ShopIdentity } from '../services/shop-identity'
import { SHIPPING_NOTICE_TEMPLATE } from './shipping-notice-template'

/** An isolated Handlebars with escaping on; the template is compiled once, at first use. */
const handlebars = Handlebars.create()
let noticeTemplate: Handlebars.TemplateDelegate | null = null

export interface ShippingNoticeInput {
  order: OrderInfo
  shop: ShopIdentity
  carrier: string
  trackingNumber: string
  shippedAt: Date
}

function formatDate(date: Date, locale: OrderInfo['locale']): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(date)
}

/** Renders the HTML shipping notice in the order's language, what the customer receives with the parcel. */
export function renderShippingNotice({ order, shop, carrier, trackingNumber, shippedAt }: ShippingNoticeInput): string {
  noticeTemplate ??= handlebars.compile(SHIPPING_NOTICE_TEMPLATE, { strict: false })
  const locale = order.locale
  return noticeTemplate({
    locale,
    l: DOCUMENT_LABELS[locale],
    styles: DOCUMENT_STYLES,
    shop,
    order: { number: order.number, date: formatDate(new Date(order.createdAt), locale) },
    customer: order.customer,
    shipment: { carrier, trackingNumber, date: formatDate(shippedAt, locale) },
    address: order.delivery.address,
    lines: order.quote.lines.map((line) => ({ quantity: line.quantity, name: line.name[locale] })),
    total: formatMoney(order.quote.totals.ttc, order.currency, locale === 'fr' ? 'fr-FR' : 'en-GB'),
  })
}
