import { useI18n } from 'vue-i18n'
import { formatBasisPoints } from '@renderer/money/format-basis-points'
import { ROUTING_BRAND_LABELS, type RoutingBrand } from '@shared/cards'
import type { OrderInfo } from '@shared/contract'
import { backOfficeFr } from '@renderer/i18n/back-office-fr'
import { useSessionStore } from '@renderer/stores/session'

type DeclineCode = keyof typeof backOfficeFr.declineCodes

function isKnownCode(code: string): code is DeclineCode {
  return Object.hasOwn(backOfficeFr.declineCodes, code)
}

/** Readable words for what the order screens show as codes: statuses, decline codes, cards, dates. */
export function useOrderLabels() {
  const { t, locale } = useI18n()
  const session = useSessionStore()

  const status = (value: OrderInfo['status']): string => t(`backOffice.status.${value}`)

  /** "provision insuffisante"; main's English meaning when the code is not one we name. */
  const declineMeaning = (code: string, meaning?: string | null): string =>
    isKnownCode(code) ? t(`backOffice.declineCodes.${code}`) : (meaning ?? '')

  /** "51 provision insuffisante". */
  const declineReason = (code: string, meaning?: string | null): string =>
    `${code} ${declineMeaning(code, meaning)}`.trim()

  /** True when the order's last word from the bank was a refusal (declined, or left unpaid after it). */
  const refusedLast = (value: OrderInfo['status']): boolean =>
    value === 'declined' || value === 'abandoned' || value === 'pending_payment'

  /** Under the status in the list: "51 provision insuffisante", or "après refus 51" for an order paid (or voided) after it. */
  const declineNote = (value: OrderInfo['status'], declineCode: string): string =>
    refusedLast(value) ? declineReason(declineCode) : t('backOffice.history.afterDecline', { reason: declineCode })

  /**
   * "Refusée — 51 provision insuffisante" for an order whose last word from the bank was a refusal;
   * "Livrée — après refus 51 provision insuffisante" for one paid with another card after it.
   */
  const statusWithDecline = (value: OrderInfo['status'], declineCode: string | null): string => {
    if (!declineCode) return status(value)
    const reason = declineReason(declineCode)
    return `${status(value)} — ${refusedLast(value) ? reason : t('backOffice.history.afterDecline', { reason })}`
  }

  const brand = (value: string | null): string =>
    value ? (ROUTING_BRAND_LABELS[value as RoutingBrand] ?? value.toUpperCase()) : ''

  /** "Visa •••• 4242": never more of a card than the brand and its last four. */
  const card = (brandValue: string | null, lastFour: string | null): string =>
    lastFour ? `${brand(brandValue)} •••• ${lastFour}`.trim() : ''

  const dateTime = (iso: string | null): string => {
    if (!iso) return ''
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'short', timeStyle: 'short', timeZone: session.timeZone }).format(date)
  }

  const time = (iso: string | null): string => {
    if (!iso) return ''
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { dateStyle: 'short', timeStyle: 'medium', timeZone: session.timeZone }).format(date)
  }

  const clock = (iso: string | null): string => {
    if (!iso) return ''
    const date = new Date(iso)
    if (Number.isNaN(date.getTime())) return iso
    return new Intl.DateTimeFormat(locale.value, { timeStyle: 'medium', timeZone: session.timeZone }).format(date)
  }

  /** 2000 basis points → "20 %"; 550 → "5,5 %". A rate, not money. */
  const rate = (basisPoints: number): string => formatBasisPoints(basisPoints, locale.value)

  return { status, refusedLast, declineMeaning, declineReason, declineNote, statusWithDecline, brand, card, dateTime, time, clock, rate }
}
