import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DOMWrapper, flushPromises, type VueWrapper } from '@vue/test-utils'
import TrainingBanner from '@renderer/components/training/TrainingBanner.vue'
import TrainingSwitch from '@renderer/components/training/TrainingSwitch.vue'
import OrderList from '@renderer/components/back-office/OrderList.vue'
import ZReportPanel from '@renderer/components/administration/ZReportPanel.vue'
import { useTrainingStore } from '@renderer/stores/training'
import { answered, main, refused } from './support/fake-bridge'
import { mountScreen, plainSpaces, typeInto } from './support/mount-screen'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

const ON = { on: true, since: '2026-12-07T09:00:00.000Z', supervisorName: 'Alex Dubois' }
const OFF = { on: false, since: null, supervisorName: null }
const ADMIN = { id: 3, displayName: 'Alex Dubois', role: 'admin' as const, avatarColor: '#000', lastLoginAt: null }
const CASHIER = { id: 1, displayName: 'Camille Martin', role: 'cashier' as const, avatarColor: '#000', lastLoginAt: null }

let wrapper: VueWrapper | null = null

/** The PIN prompt opens in a dialog of its own, outside the button's element. */
const inDialog = <E extends Element>(selector: string) => new DOMWrapper(document.querySelector<E>(selector)!)
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
})
beforeEach(() => main.reset())

describe('the training mode banner', () => {
  it('says MODE ÉCOLE / SIMULATION and who supervises, in French by default', () => {
    wrapper = mountScreen(TrainingBanner, { mount: { props: { status: ON } } })
    const banner = wrapper.get('[data-testid="training-banner"]')
    expect(banner.text()).toContain('MODE ÉCOLE / SIMULATION')
    expect(banner.text()).toContain('supervision : Alex Dubois')
    expect(banner.attributes('role')).toBe('status')
  })

  it('says TRAINING MODE in English', () => {
    wrapper = mountScreen(TrainingBanner, { locale: 'en', mount: { props: { status: ON } } })
    expect(wrapper.get('[data-testid="training-banner"]').text()).toContain('TRAINING MODE / SIMULATION')
  })

  it('is not there while the till sells for real', () => {
    wrapper = mountScreen(TrainingBanner, { mount: { props: { status: OFF } } })
    expect(wrapper.find('[data-testid="training-banner"]').exists()).toBe(false)
  })
})

describe('the training mode switch', () => {
  beforeEach(() => {
    main.answer('auth.listUsers', () => answered([CASHIER, ADMIN]))
  })

  it('asks an administrator for their PIN, then the till is in training mode', async () => {
    main.answer('training.switch', () => answered(ON))
    wrapper = mountScreen(TrainingSwitch)
    await wrapper.get('[data-testid="training-switch"]').trigger('click')
    await flushPromises()
    // Only administrators are offered as supervisors.
    expect(document.body.textContent).toContain('Alex Dubois')
    expect(document.body.textContent).not.toContain('Camille Martin')
    await typeInto(inDialog<HTMLInputElement>('[data-testid="approval-pin"]'), '4321')
    await inDialog('[data-testid="admin-approval-dialog"] form').trigger('submit')
    await flushPromises()
    expect(main.inputsOf('training.switch')).toEqual([{ on: true, approval: { userId: ADMIN.id, pin: '4321' } }])
    expect(useTrainingStore().on).toBe(true)
    expect(wrapper.get('[data-testid="training-switch"]').text()).toContain('Quitter le mode école')
  })

  it('a wrong PIN is said, the dialog stays and the till stays as it was', async () => {
    main.answer('training.switch', () => refused('INVALID_CREDENTIALS'))
    wrapper = mountScreen(TrainingSwitch)
    await wrapper.get('[data-testid="training-switch"]').trigger('click')
    await flushPromises()
    await typeInto(inDialog<HTMLInputElement>('[data-testid="approval-pin"]'), '0000')
    await inDialog('[data-testid="admin-approval-dialog"] form').trigger('submit')
    await flushPromises()
    expect(document.body.textContent).toContain('Code PIN incorrect')
    expect(document.querySelector('[data-testid="approval-pin"]')).not.toBeNull()
    expect(useTrainingStore().on).toBe(false)
  })
})

describe('a training sale in the order history', () => {
  const row = {
    id: 9,
    number: 'T01-ECOLE-2026-000001',
    createdAt: '2026-12-07T10:15:00.000Z',
    status: 'completed' as const,
    customerName: null,
    cashierName: 'Camille Martin',
    tillId: 'TILL-01',
    paymentMethod: 'cash' as const,
    cardBrand: null,
    cardLastFour: null,
    authorizationCode: null,
    lastDeclineCode: null,
    totalTtc: 890,
    currency: 'EUR',
    refundedAmount: 0,
    training: true,
  }

  it('is shown marked MODE ÉCOLE; a real sale is not', async () => {
    wrapper = mountScreen(OrderList, { mount: { props: { rows: [row, { ...row, id: 8, number: 'T01-2026-000008', training: false }], total: 2, hasMore: false, loading: false, activeIndex: 0 } } })
    await flushPromises()
    const [training, real] = wrapper.findAll('[data-testid="order-row"]')
    expect(plainSpaces(training!.get('[data-testid="order-training"]').text())).toBe('MODE ÉCOLE')
    expect(real!.find('[data-testid="order-training"]').exists()).toBe(false)
  })
})

describe('the Z of the training chain', () => {
  const closing = {
    id: 12,
    tillId: 'TILL-01',
    chain: 'training' as const,
    sequence: 3,
    occurredAt: '2026-12-08T08:00:00+01:00',
    operatorName: 'Alex Dubois',
    automatic: false,
    day: '2026-12-07',
    records: { count: 2, firstSequence: 1, lastSequence: 2 },
    counts: { tickets: 2, creditNotes: 0, cancellations: 0, duplicates: 0 },
    rates: [{ rateBasisPoints: 550, ht: 1687, vat: 93, ttc: 1780 }],
    payments: [{ mode: 'cash', amount: 1780 }],
    dayTotals: { net: 1780, absolute: 1780 },
    perpetual: { gtNet: 1780, gtAbsolute: 1780 },
    signature: 'c2lnbmF0dXJl',
  }
  const props = { time: (at: string) => at, day: (day: string) => day }

  it('says MODE ÉCOLE in its title; the real chain’s does not', async () => {
    wrapper = mountScreen(ZReportPanel, { mount: { props: { ...props, closing } } })
    await flushPromises()
    expect(wrapper.get('#z-report-title').text()).toMatch(/— MODE ÉCOLE$/)
    wrapper.unmount()
    wrapper = mountScreen(ZReportPanel, { mount: { props: { ...props, closing: { ...closing, chain: 'real' as const } } } })
    await flushPromises()
    expect(wrapper.get('#z-report-title').text()).not.toContain('MODE ÉCOLE')
  })
})
