import { currencyFromCode, roundHalfAwayFromZero, toDecimalString } from '@shared/money'
import { renderDocument } from './document-engine'
import { FACTUR_X_TEMPLATE } from './factur-x-template'
import type { InvoiceContent } from './invoice-content'

/** The BASIC profile's guideline identifier (Factur-X 1.0, EN 16931 compliant). */
export const FACTUR_X_BASIC_GUIDELINE = 'urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic'

/** UNTDID 4461 payment means: 48 bank card, 10 cash. */
const PAYMENT_MEANS = { card: '48', cash: '10' } as const

const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/Paris' })
/** CII's date format 102: YYYYMMDD, the shop's (Paris) day. */
const format102 = (date: Date) => day.format(date).replaceAll('-', '')
const frenchDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' })

/** A VAT rate in basis points as CII writes a percentage: 550 -> 5.50. */
const percent = (basisPoints: number) => toDecimalString(basisPoints, 2)

/**
 * The Factur-X XML of an invoice (CII, profile BASIC): what a buyer's software reads, made from
 * the same content as the HTML invoice. The amounts are those of the invoice, to the cent; a
 * line's net price is its total HT over its quantity, to four decimals.
 */
export function facturXml(content: InvoiceContent): string {
  const exponent = currencyFromCode(content.currency).exponent
  const amount = (minor: number) => toDecimalString(minor, exponent)
  // Four decimals of the currency's unit: minor units × 10^(4 − exponent), divided by the quantity.
  const unitPrice = (minor: number, quantity: number) => toDecimalString(roundHalfAwayFromZero(minor * 10 ** (4 - exponent), quantity), 4)
  const linesHt = content.lines.reduce((sum, line) => sum + line.lineTotalHt, 0)
  return renderDocument(FACTUR_X_TEMPLATE, {
    guideline: FACTUR_X_BASIC_GUIDELINE,
    number: content.number,
    issueDate: format102(content.issuedAt),
    notes: [
      { subject: 'AAB', content: 'Pas d’escompte pour paiement anticipé.' },
      {
        subject: 'PMD',
        content: 'En cas de retard de paiement, pénalités au taux de la BCE majoré de 10 points (article L441-10 du Code de commerce).',
      },
      { subject: 'PMT', content: 'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (article D441-5 du Code de commerce).' },
    ],
    lines: content.lines.map((line, index) => ({
      id: index + 1,
      name: line.label,
      grossPrice: unitPrice(line.unitPriceHt, 1),
      netPrice: unitPrice(line.lineTotalHt, line.quantity),
      quantity: line.quantity,
      rate: percent(line.rateBasisPoints),
      total: amount(line.lineTotalHt),
    })),
    seller: {
      name: content.seller.name,
      siren: content.seller.siren,
      postcode: content.seller.postcode,
      line1: content.seller.addressLine,
      city: content.seller.city,
      country: 'FR',
      vatNumber: content.seller.vatNumberCompact,
    },
    buyer: {
      name: content.buyer.name,
      siren: content.buyer.siren,
      postcode: content.buyer.address.postcode,
      line1: content.buyer.address.line1,
      line2: content.buyer.address.line2,
      city: content.buyer.address.city,
      country: content.buyer.address.country,
      vatNumber: content.buyer.vatNumber,
    },
    deliveryDate: format102(content.soldAt),
    currency: content.currency,
    paymentMeans: PAYMENT_MEANS[content.payment.method],
    rates: content.rates.map((rate) => ({ vat: amount(rate.vat), ht: amount(rate.ht), rate: percent(rate.rateBasisPoints) })),
    paymentTerms: `Facture acquittée le ${frenchDay.format(content.payment.paidAt)} : paiement comptant à la vente.`,
    totals: {
      lines: amount(linesHt),
      ht: amount(content.totals.ht),
      vat: amount(content.totals.vat),
      ttc: amount(content.totals.ttc),
      due: amount(0),
    },
  })
}
