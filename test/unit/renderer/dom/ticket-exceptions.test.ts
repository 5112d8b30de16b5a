import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import OrderApprovalView from '@renderer/views/OrderApprovalView.vue'
import { answered, main } from './support/fake-bridge'
import { mountScreen, plainSpaces } from './support/mount-screen'
import { cartOf, COFFEE, orderOf } from './support/shop'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))
// The approval of order 77, as the router opens it after the payment; leaving goes back to the till.
const leave = vi.fn()
vi.mock('vue-router', () => ({ useRoute: () => ({ params: { orderId: '77' }, query: {} }), useRouter: () => ({ replace: leave }) }))
// jsdom has no printer: each print is written down (its HTML and layout) and ends at once.
const printed: Array<[string, string]> = []
vi.mock('@renderer/documents/print-document', () => ({
  printDocument: (html: string, layout: string) => {
    printed.push([html, layout])
    return Promise.resolve()
  },
}))

/**
 * Issue 14, the AGEC exception for goods under the legal guarantee of conformity: the approval
 * prints the ticket without asking, says so, records why, and still offers the e-mail.
 */
let screen: VueWrapper | null = null

const PAID = { ...orderOf(cartOf([[COFFEE, 1]]), 'delivered', 77), number: 'T01-2026-000077', paymentMethod: 'cash' as const }

async function openApproval(legalGuarantee: boolean, printer?: 'printed' | 'failed'): Promise<void> {
  main.answer('orders.get', () => answered(PAID))
  main.answer('orders.approval', () => answered({ html: '<html><body>Ticket 77</body></html>', legalGuarantee }))
  main.answer('orders.ticketRequest', () => answered({ recordedAt: '2026-12-08T10:00:00.000Z', ...(printer ? { printer } : {}) }))
  screen = mountScreen(OrderApprovalView, { locale: 'fr' })
  await flushPromises()
}

const prompt = () => plainSpaces(document.querySelector('[data-testid="ticket-prompt"]')?.textContent ?? '')
const buttons = () =>
  Array.from(document.querySelectorAll('[data-testid="ticket-prompt"] button')).map((button) => plainSpaces(button.textContent ?? ''))

describe('the approval of a sale with goods under the legal guarantee', () => {
  beforeEach(() => {
    main.reset()
    printed.length = 0
  })
  afterEach(() => {
    screen?.unmount()
    screen = null
    document.body.innerHTML = ''
  })

  it('prints the 80 mm ticket at once, records it for the legal guarantee, says so and offers only the e-mail', async () => {
    await openApproval(true)
    expect(main.inputsOf('orders.ticketRequest')).toEqual([{ orderId: 77, medium: 'print', reason: 'legal_guarantee' }])
    expect(printed).toEqual([['<html><body>Ticket 77</body></html>', 'receipt']])
    expect(prompt()).toContain('Ticket imprimé (garantie légale).')
    expect(prompt()).toContain('la preuve d’achat est imprimée sans demande (décret 2023-1204)')
    expect(buttons()).toEqual(['E-mail M'])

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'm' }))
    await flushPromises()
    expect(document.querySelector('#ticket-email')).not.toBeNull()
  })

  it('on the receipt printer when one is set: no print dialog, and the screen names the printer', async () => {
    await openApproval(true, 'printed')
    expect(printed).toEqual([])
    expect(prompt()).toContain('Ticket imprimé (garantie légale) sur l’imprimante de tickets.')
  })

  it('a sale without such goods asks as before, and nothing is printed or recorded until the customer answers', async () => {
    await openApproval(false)
    expect(main.inputsOf('orders.ticketRequest')).toEqual([])
    expect(printed).toEqual([])
    expect(buttons()).toEqual(['Imprimer P', 'E-mail M', 'Aucun N'])
    expect(prompt()).toContain('Ticket de caisse sur demande')
  })
})
