import { useI18n } from 'vue-i18n'
import { ORDER_STATUSES, PAYMENT_METHODS, type OrderStatus, type PaymentMethod } from '@shared/domain'
import { formatMoney } from '@shared/money'
import { summarizeAuditDetails } from '@renderer/administration/audit-details'
import { useOrderLabels } from '@renderer/composables/useOrderLabels'
import { useSessionStore } from '@renderer/stores/session'

/** Detail fields that hold money, in integer minor units of the entry's (or the shop's) currency. */
const MONEY_FIELDS = new Set(['amount', 'tendered', 'total', 'totalTtc', 'fee', 'delivery', 'captured', 'refunded', 'minBasket', 'changeDue',
  // The cash sessions' figures.
  'floatAmount', 'counted', 'expected', 'difference', 'cashSales', 'cardSales', 'cashRefunds', 'cardRefunds', 'cashIn', 'cashOut', 'differenceApprovalThreshold'])
/** Detail fields that hold an order status. */
const STATUS_FIELDS = new Set(['from', 'to', 'status', 'fromStatus', 'toStatus'])

/**
 * An audit entry's details in the interface's language: "Montant : 20,50 € · Statut avant : En
 * attente d'expédition", never "amount : 2050 · from : awaiting_shipment". A field without a
 * label keeps the name main wrote.
 */
export function useAuditSummary(): (details: unknown) => string {
  const { t, te, locale } = useI18n()
  const labels = useOrderLabels()
  const session = useSessionStore()

  return (details) => {
    const record = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {}
    const currency = typeof record.currency === 'string' ? record.currency : session.currency

    const name = (key: string): string => {
      const labelKey = `administration.audit.fields.${key}`
      return /^\w+$/.test(key) && te(labelKey) ? t(labelKey) : key
    }
    const value = (key: string, text: string | undefined): string | undefined => {
      if (text === undefined) return undefined
      if (MONEY_FIELDS.has(key) && /^-?\d+$/.test(text)) return formatMoney(Number(text), currency, locale.value)
      if (STATUS_FIELDS.has(key) && (ORDER_STATUSES as readonly string[]).includes(text)) return labels.status(text as OrderStatus)
      if (key === 'method' && (PAYMENT_METHODS as readonly string[]).includes(text)) return t(`backOffice.paymentMethods.${text as PaymentMethod}`)
      if (text === 'true' || text === 'false') return t(`administration.audit.${text === 'true' ? 'yes' : 'no'}`)
      if (text === '∅') return '—'
      return text
    }

    return summarizeAuditDetails(details)
      .filter((part) => part.key !== 'currency')
      .map((part) => {
        if (part.before !== undefined || part.after !== undefined) {
          return `${name(part.key)} : ${value(part.key, part.before) ?? '—'} → ${value(part.key, part.after) ?? '—'}`
        }
        if (part.value === undefined) return name(part.key)
        return part.key ? `${name(part.key)} : ${value(part.key, part.value)}` : part.value
      })
      .join(' · ')
  }
}
