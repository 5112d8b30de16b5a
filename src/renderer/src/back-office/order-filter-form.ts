import type { OrderFilters, OrderInfo } from '@shared/contract'
import { parseAmountText } from '@renderer/back-office/amount-text'

export type OrderStatus = OrderInfo['status']

/** What the history's filter fields hold, as typed. */
export interface OrderFilterForm {
  statuses: OrderStatus[]
  /** `YYYY-MM-DD`, inclusive. */
  from: string
  /** `YYYY-MM-DD`, inclusive (the contract's upper bound is exclusive: the next day is sent). */
  to: string
  cashierId: string
  tillId: string
  payment: string
  minAmount: string
  maxAmount: string
  declineCode: string
  text: string
}

export type FilterFieldError = 'amountInvalid' | 'amountOrder' | 'dateOrder'

export function emptyFilterForm(): OrderFilterForm {
  return {
    statuses: [],
    from: '',
    to: '',
    cashierId: '',
    tillId: '',
    payment: '',
    minAmount: '',
    maxAmount: '',
    declineCode: '',
    text: '',
  }
}

/** The day after a `YYYY-MM-DD` day, in UTC. */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00.000Z`)
  date.setUTCDate(date.getUTCDate() + 1)
  return date.toISOString().slice(0, 10)
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

/**
 * The contract's filters from the form, or the fields that stop them. The payment select holds
 * either a method (`cash`, `card`, `saved_card`) or a card brand (`brand:visa`).
 */
export function toOrderFilters(form: OrderFilterForm): {
  filters: OrderFilters
  errors: Partial<Record<'minAmount' | 'maxAmount' | 'to', FilterFieldError>>
} {
  const filters: OrderFilters = {}
  const errors: Partial<Record<'minAmount' | 'maxAmount' | 'to', FilterFieldError>> = {}
  if (form.statuses.length > 0) filters.statuses = [...form.statuses]
  if (DAY.test(form.from)) filters.from = form.from
  if (DAY.test(form.to)) filters.to = nextDay(form.to)
  if (filters.from && DAY.test(form.to) && form.to < form.from) errors.to = 'dateOrder'
  const cashierId = Number.parseInt(form.cashierId, 10)
  if (Number.isSafeInteger(cashierId) && cashierId > 0) filters.cashierId = cashierId
  if (form.tillId) filters.tillId = form.tillId
  if (form.payment.startsWith('brand:')) {
    filters.cardBrand = form.payment.slice('brand:'.length) as OrderFilters['cardBrand']
  } else if (form.payment === 'cash' || form.payment === 'card' || form.payment === 'saved_card') {
    filters.paymentMethod = form.payment
  }
  const min = parseAmountText(form.minAmount)
  const max = parseAmountText(form.maxAmount)
  if (min === 'invalid') errors.minAmount = 'amountInvalid'
  else if (min !== null) filters.minTotal = min
  if (max === 'invalid') errors.maxAmount = 'amountInvalid'
  else if (max !== null) filters.maxTotal = max
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.maxAmount = 'amountOrder'
  if (form.declineCode) filters.declineCode = form.declineCode
  const text = form.text.trim().slice(0, 80)
  if (text) filters.text = text
  return { filters, errors }
}
