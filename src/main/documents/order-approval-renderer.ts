import type { OrderInfo } from '@shared/contract'
import type { ShippingAddress } from '@shared/checkout/address-rules'
import { formatMoney } from '@shared/money'
import type { ShopIdentity } from '../settings'
import { formatDocumentDate, formatDocumentRate, renderDocument } from './document-engine'
import { DOCUMENT_LABELS } from './document-labels'
import { DOCUMENT_STYLES } from './document-styles'
import { ORDER_APPROVAL_TEMPLATE } from './order-approval-template'


export interface ApprovalDocumentInput {
  order: OrderInfo
  shop: ShopIdentity
  /** When the order was paid: the document's date. */
  paidAt: Date
}



/** The view model: every amount formatted, every label chosen; the template only places them. */
function approvalView({ order, shop, paidAt }: ApprovalDocumentInput) {
  const locale = order.locale
  const l = DOCUMENT_LABELS[locale]
  const money = (minor: number) => formatMoney(minor, order.currency, locale === 'fr' ? 'fr-FR' : 'en-GB')
  const { quote } = order
  const delivery = quote.delivery
  const address: ShippingAddress | null = order.delivery.address
  return {
    locale,
    l,
    styles: DOCUMENT_STYLES,
    shop,
    order: { number: order.number, date: formatDocumentDate(paidAt, locale), cashierName: order.cashierName, tillId: order.tillId },
    customer: order.customer,
    lines: quote.lines.map((line) => ({
      quantity: line.quantity,
      name: line.name[locale],
      unitPriceHt: money(line.unitPriceHt),
      rate: formatDocumentRate(line.vatRateBasisPoints, locale),
      discount: line.lineDiscount + line.promotionDiscount > 0 ? money(line.lineDiscount + line.promotionDiscount) : null,
      lineTotal: money(line.lineTotal),
    })),
    delivery: delivery
      ? {
          label: l[delivery.option],
          fee: delivery.fee === 0 ? l.free : money(delivery.fee),
          split: delivery.split
            .filter((part) => part.amount > 0)
            .map((part) => `${formatDocumentRate(part.rateBasisPoints, locale)} ${money(part.amount)}`)
            .join(', '),
        }
      : null,
    promotion: quote.discounts.promotion
      ? { code: quote.discounts.promotion.code, amount: money(quote.discounts.promotion.goodsDiscount + quote.discounts.promotion.waivedDelivery) }
      : null,
    rates: quote.rates.map((rate) => ({
      rate: formatDocumentRate(rate.rateBasisPoints, locale),
      shipping: rate.shipping > 0 ? money(rate.shipping) : null,
      ht: money(rate.ht),
      vat: money(rate.vat),
      ttc: money(rate.ttc),
    })),
    totals: { ht: money(quote.totals.ht), vat: money(quote.totals.vat), ttc: money(quote.totals.ttc) },
    payment: {
      card: order.card ? { brand: order.card.brand.toUpperCase(), masked: order.card.masked, authorizationCode: order.card.authorizationCode } : null,
      cash:
        order.paymentMethod === 'cash' && order.cashTendered !== null
          ? { tendered: money(order.cashTendered), change: money(order.changeDue ?? 0) }
          : null,
    },
    address,
    entitlements: order.entitlements.map((entitlement) => ({
      name: entitlement.productName[locale],
      label:
        entitlement.kind === 'licence_key'
          ? l.licenceKey
          : entitlement.kind === 'gift_card'
            ? l.giftCard
            : entitlement.kind === 'subscription'
              ? l.subscription
              : l.download,
      code: entitlement.code,
      fileName: entitlement.fileName,
    })),
    distanceSale: address !== null,
  }
}

/** Renders the HTML order approval, in the order's language. */
export function renderOrderApproval(input: ApprovalDocumentInput): string {
  return renderDocument(ORDER_APPROVAL_TEMPLATE, approvalView(input))
}
