import { describe, expect, it } from 'vitest'
import { canMarkShipped, canRefund, canVoid, refundableAmount } from '../../../src/main/orders/order-detail'
import type { Order } from '../../../src/main/orders/order-record'

// Which back-office actions an order allows (issue 20: the rules the mutation run of
// src/main/orders/order-detail.ts found unchecked). Only the fields the rules read are set.

function order(fields: Partial<Order>): Order {
  return {
    status: 'awaiting_shipment',
    paymentMethod: 'card',
    paymentAttemptId: 12,
    capturedAmount: 0,
    refundedAmount: 0,
    totalTtc: 4990,
    ...fields,
  } as Order
}

describe('a void releases a hold: only a card order not yet captured', () => {
  it('a card or saved-card order awaiting shipment, nothing captured, can be voided', () => {
    expect(canVoid(order({ paymentMethod: 'card' }))).toBe(true)
    expect(canVoid(order({ paymentMethod: 'saved_card' }))).toBe(true)
    expect(canVoid(order({ status: 'authorized' }))).toBe(true)
  })

  it('a cash sale has no hold to release: it is refunded, never voided', () => {
    expect(canVoid(order({ paymentMethod: 'cash', paymentAttemptId: null }))).toBe(false)
    expect(canVoid(order({ paymentMethod: 'cash' }))).toBe(false)
  })

  it('a card order without its payment attempt, or with a cent captured, cannot be voided', () => {
    expect(canVoid(order({ paymentAttemptId: null }))).toBe(false)
    expect(canVoid(order({ capturedAmount: 1 }))).toBe(false)
  })

  it('a shipped order cannot be voided, whatever was captured', () => {
    expect(canVoid(order({ status: 'shipped' }))).toBe(false)
  })
})

describe('a refund gives back what was captured and not yet refunded', () => {
  it('what is left to refund is captured minus refunded, and never below zero', () => {
    expect(refundableAmount(order({ capturedAmount: 4990, refundedAmount: 1000 }))).toBe(3990)
    expect(refundableAmount(order({ capturedAmount: 4990, refundedAmount: 4990 }))).toBe(0)
    expect(refundableAmount(order({ capturedAmount: 1000, refundedAmount: 1500 }))).toBe(0)
  })

  it('a shipped order with a cent left to refund can be refunded; with nothing left, it cannot', () => {
    expect(canRefund(order({ status: 'shipped', capturedAmount: 4990, refundedAmount: 4989 }))).toBe(true)
    expect(canRefund(order({ status: 'shipped', capturedAmount: 4990, refundedAmount: 4990 }))).toBe(false)
  })

  it('an order only authorized has nothing captured: no refund', () => {
    expect(canRefund(order({ status: 'authorized', capturedAmount: 4990 }))).toBe(false)
  })
})

describe('marking shipped', () => {
  it('an order awaiting shipment can be marked shipped; a delivered one cannot', () => {
    expect(canMarkShipped(order({ status: 'awaiting_shipment' }))).toBe(true)
    expect(canMarkShipped(order({ status: 'delivered' }))).toBe(false)
  })
})
