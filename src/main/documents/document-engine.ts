import Handlebars from 'handlebars'
import type { Locale } from '@shared/contract'

/**
 * The one Handlebars of customer documents: escaping on (no template uses the triple-stash), a
 * shared opening (head with the document's own Content-Security-Policy and stylesheet, then the
 * shop and order header) so that every document of the family looks and behaves the same, and
 * each template compiled once, at first use.
 */
const handlebars = Handlebars.create()

handlebars.registerPartial(
  'documentStart',
  `<!doctype html>
<html lang="{{locale}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{{title}} {{order.number}}</title>
<style>{{styles}}</style>
</head>
<body>
<header>
  <div>
    <h1>{{title}}</h1>
    <div class="shop">
      <strong>{{shop.name}}</strong><br>{{shop.addressLine}}<br>{{shop.postcode}} {{shop.city}}<br>
      <span class="nowrap">{{l.siret}} {{shop.siret}}</span> · <span class="nowrap">{{l.vatNumber}} {{shop.vatNumber}}</span>
    </div>
  </div>
  <div class="meta">
    {{l.order}} <strong>{{order.number}}</strong><br>
    {{#if ticket}}{{l.ticket}} <strong data-ticket-number>{{ticket}}</strong><br>{{/if}}
    {{l.date}} {{order.date}}
    {{#if order.cashierName}}<br>{{l.cashier}} {{order.cashierName}} · <span class="nowrap">{{l.till}} {{order.tillId}}</span>{{/if}}
    {{#if customer}}<br>{{l.customer}} {{customer.name}}{{#if customer.email}} · {{customer.email}}{{/if}}{{/if}}
  </div>
</header>`,
)

const compiled = new Map<string, Handlebars.TemplateDelegate>()

export function renderDocument(template: string, view: object): string {
  let delegate = compiled.get(template)
  if (!delegate) {
    delegate = handlebars.compile(template, { strict: false })
    compiled.set(template, delegate)
  }
  return delegate(view)
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>()
const rateFormats = new Map<Locale, Intl.NumberFormat>()

/** Dates on documents are the shop's: Paris time, written out in the document's language. */
export function formatDocumentDate(date: Date, locale: Locale): string {
  let format = dateFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'Europe/Paris',
    })
    dateFormats.set(locale, format)
  }
  return format.format(date)
}

const timeFormats = new Map<Locale, Intl.DateTimeFormat>()

/** A ticket's date and time to the second, as its fiscal record has them (Paris time). */
export function formatDocumentDateTime(date: Date, locale: Locale): string {
  let format = timeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
      dateStyle: 'long',
      timeStyle: 'medium',
      timeZone: 'Europe/Paris',
    })
    timeFormats.set(locale, format)
  }
  return format.format(date)
}

/** A VAT rate held in basis points (550) as a document shows it (5,5 %); display only. */
export function formatDocumentRate(basisPoints: number, locale: Locale): string {
  let format = rateFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
    rateFormats.set(locale, format)
  }
  return format.format(basisPoints / 10000)
}
