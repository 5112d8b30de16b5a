import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { OrderListRow } from '@shared/contract'
import OrderList from '@renderer/components/back-office/OrderList.vue'
import { mountScreen, plainSpaces } from './support/mount-screen'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let list: VueWrapper | null = null

function order(overrides: Partial<OrderListRow>): OrderListRow {
  return {
    id: 7,
    number: 'T01-2026-000007',
    createdAt: '2026-12-07T10:15:00.000Z',
    status: 'completed',
    customerName: 'Jeanne Client',
    cashierName: 'Camille Martin',
    tillId: 'T01',
    paymentMethod: 'card',
    cardBrand: 'visa',
    cardLastFour: '4242',
    authorizationCode: 'A1B2C3',
    lastDeclineCode: null,
    totalTtc: 2150,
    currency: 'EUR',
    refundedAmount: 0,
    training: false,
    ...overrides,
  }
}

async function paymentShownFor(row: OrderListRow): Promise<string> {
  list = mountScreen(OrderList, { mount: { props: { rows: [row], total: 1, hasMore: false, loading: false, activeIndex: 0 } } })
  await flushPromises()
  return plainSpaces(list.get('[data-testid="order-row"]').text())
}

describe('the orders list', () => {
  afterEach(() => {
    list?.unmount()
    list = null
  })

  it('shows a card payment by brand and last four', async () => {
    expect(await paymentShownFor(order({}))).toMatch(/Visa\s*•••• 4242/)
  })

  it('shows an order paid in cash after a declined card as paid in cash, not by the declined card', async () => {
    const text = await paymentShownFor(order({ paymentMethod: 'cash', cardLastFour: '9995', lastDeclineCode: '51', authorizationCode: null }))
    expect(text).toContain('Espèces')
    expect(text).not.toContain('9995')
  })
})
