import type { OrderInfo } from '@shared/contract'
import type { ShippingAddress } from '@shared/checkout/address-rules'
import { formatMoney } from '@shared/money'
import type { ShopIdentity } from '../settings'
import { formatDocumentDate, formatDocumentDateTime, formatDocumentRate, renderDocument } from './document-engine'
import { DOCUMENT_LABELS } from './document-labels'
import { DOCUMENT_STYLES } from './document-styles'
import { ORDER_APPROVAL_TEMPLATE } from './order-approval-template'
import { qrCodeDataUrl } from './qr-code'


/** A link printed on the approval that opens one download from the shop's network. */
export interface PrintedDownloadLink {
  url: string
  /** The short code, typed on the page at `codePage`. */
  code: string
  /** Where the code is typed: the download server's `/d` page. */
  codePage: string
  expiresAt: Date
  maxDownloads: number
}

export interface ApprovalDocumentInput {
  order: OrderInfo
  shop: ShopIdentity
  /** When the order was paid: the document's date. */
  paidAt: Date
  /** The customer's links, by the download entitlement's till token; none when no server serves them. */
  downloadLinks?: ReadonlyMap<string, PrintedDownloadLink>
  /** The sale's ticket in the fiscal journal: its till, number and signature (the short form is printed). */
  fiscal?: { tillId: string; sequence: number; signature: string }
  /** A training sale (MODE ÉCOLE): its ticket says it is a simulation. */
  training?: boolean
}



/** The view model: every amount formatted, every label chosen; the template only places them. */
function approvalView({ order, shop, paidAt, downloadLinks, fiscal, training = false }: ApprovalDocumentInput) {
  const locale = order.locale
  const l = DOCUMENT_LABELS[locale]
  const money = (minor: number) => formatMoney(minor, order.currency, locale === 'fr' ? 'fr-FR' : 'en-GB')
  const { quote } = order
  const delivery = quote.delivery
  const address: ShippingAddress | null = order.delivery.address
  return {
    locale,
    training,
    l,
    styles: DOCUMENT_STYLES,
    shop,
    order: { number: order.number, date: formatDocumentDateTime(paidAt, locale), cashierName: order.cashierName, tillId: order.tillId },
    ticket: fiscal ? String(fiscal.sequence) : null,
    customer: order.customer,
    fiscal: fiscal
      ? l.fiscalRecord.replace('{till}', fiscal.tillId).replace('{sequence}', String(fiscal.sequence)).replace('{signature}', fiscal.signature.slice(0, 12))
      : null,
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
      mode: order.paymentMethod === 'cash' ? l.cashPayment : order.paymentMethod ? l.cardPayment : null,
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
    links: order.entitlements.flatMap((entitlement) => {
      const link = entitlement.downloadToken ? downloadLinks?.get(entitlement.downloadToken) : undefined
      if (!link) return []
      const name = entitlement.productName[locale]
      return [
        {
          name,
          qr: qrCodeDataUrl(link.url),
          alt: l.downloadQrAlt.replace('{name}', name),
          url: link.url,
          code: link.code,
          or: l.downloadOr.replace('{address}', link.codePage),
          valid: l.downloadValid
            .replace('{date}', formatDocumentDate(link.expiresAt, locale))
            .replace('{count}', String(link.maxDownloads)),
        },
      ]
    }),
    distanceSale: address !== null,
  }
}

/**
 * The ticket as data, for the e-mailed PDF and the thermal printer: the same view the HTML ticket
 * is rendered from (so the same legal mentions and figures), without the stylesheet and the QR
 * images, which those render their own way.
 */
export function orderReceiptView(input: ApprovalDocumentInput) {
  const { styles, links, ...view } = approvalView(input)
  void styles
  return { ...view, links: links.map(({ qr, ...link }) => (void qr, link)) }
}
export type OrderReceiptView = ReturnType<typeof orderReceiptView>

/** Renders the HTML order approval, in the order's language. */
export function renderOrderApproval(input: ApprovalDocumentInput): string {
  return renderDocument(ORDER_APPROVAL_TEMPLATE, approvalView(input))
}
