import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { InvoiceInfo } from '@shared/contract'
import InvoiceButton from '@renderer/components/invoices/InvoiceButton.vue'
import { answered, main, refused } from './support/fake-bridge'
import { mountScreen, plainSpaces } from './support/mount-screen'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let screen: VueWrapper | null = null

const ISSUED: InvoiceInfo = {
  number: 'F-2026-000007',
  orderId: 12,
  orderNumber: 'T01-2026-000012',
  issuedAt: '2026-12-08T10:00:00+01:00',
  buyer: {
    name: 'Atelier Lumière SARL',
    companyId: '55203253400018',
    vatNumber: 'FR27552032534',
    address: { line1: '8 rue de la Verrerie', line2: null, postcode: '69002', city: 'Lyon', country: 'FR' },
  },
  totalTtc: 4590,
  copies: 0,
}

const dialog = () => document.body.querySelector<HTMLElement>('[data-testid="invoice-dialog"]')
function field(label: string): HTMLInputElement {
  const element = Array.from(document.body.querySelectorAll('label')).find((candidate) => candidate.textContent?.trim() === label)
  if (!element) throw new Error(`No field labelled ${label}`)
  return document.getElementById(element.htmlFor) as HTMLInputElement
}
async function type(label: string, text: string): Promise<void> {
  const input = field(label)
  input.value = text
  input.dispatchEvent(new Event('input'))
  input.dispatchEvent(new Event('blur'))
  await flushPromises()
}
const errors = () => Array.from(document.body.querySelectorAll('[data-testid="invoice-field-error"]')).map((error) => plainSpaces(error.textContent ?? ''))
function button(text: string): HTMLButtonElement {
  const found = Array.from(document.body.querySelectorAll('button')).find((candidate) => plainSpaces(candidate.textContent ?? '').includes(text))
  if (!found) throw new Error(`No button ${text}`)
  return found
}

async function openForm(): Promise<void> {
  main.answer('invoices.ofOrder', () => answered({ invoice: null }))
  screen = mountScreen(InvoiceButton, { locale: 'fr', mount: { props: { orderId: 12 } } })
  await flushPromises()
  button('Facture professionnelle').click()
  await flushPromises()
}

async function fillValidBuyer(): Promise<void> {
  await type('Raison sociale', 'Atelier Lumière SARL')
  await type('SIREN ou SIRET', '552 032 534 00018')
  await type('Adresse de facturation', '8 rue de la Verrerie')
  await type('Code postal', '69002')
  await type('Ville', 'Lyon')
}

describe('the business invoice form', () => {
  beforeEach(() => main.reset())
  afterEach(() => {
    screen?.unmount()
    screen = null
    document.body.innerHTML = ''
  })

  it('says which SIREN is wrong before anything is sent: its length, then its check digit', async () => {
    await openForm()
    await type('SIREN ou SIRET', '55203253')
    expect(errors()).toContain('Un SIREN a 9 chiffres, un SIRET 14.')
    await type('SIREN ou SIRET', '552 032 535')
    expect(errors()).toContain('Ce numéro n’existe pas : sa clé de contrôle ne correspond pas. Vérifiez chaque chiffre.')
    expect(field('SIREN ou SIRET').getAttribute('aria-invalid')).toBe('true')
    expect(main.inputsOf('invoices.issue')).toEqual([])
  })

  it('offers the French VAT number the SIREN gives, and refuses one that belongs to another company', async () => {
    await openForm()
    await type('SIREN ou SIRET', '552032534')
    const suggestion = document.body.querySelector<HTMLButtonElement>('[data-testid="invoice-vat-suggestion"]')!
    expect(plainSpaces(suggestion.textContent!)).toBe('Utiliser FR27552032534')
    suggestion.click()
    await flushPromises()
    expect(field('N° TVA intracommunautaire (facultatif)').value).toBe('FR27552032534')
    await type('N° TVA intracommunautaire (facultatif)', 'FR44732829320')
    expect(errors()).toContain('Ce numéro de TVA appartient à une autre entreprise que ce SIREN.')
  })

  it('a submit with empty required fields marks each of them and sends nothing', async () => {
    await openForm()
    button('Émettre la facture').click()
    await flushPromises()
    expect(errors().filter((text) => text === 'Ce champ est obligatoire.')).toHaveLength(5)
    expect(main.inputsOf('invoices.issue')).toEqual([])
  })

  it('sends the buyer compacted, then shows the invoice with its number, Print and Factur-X', async () => {
    main.answer('invoices.issue', () => answered({ invoice: ISSUED, html: '<p>Facture F-2026-000007</p>', copyNumber: null }))
    await openForm()
    await fillValidBuyer()
    button('Émettre la facture').click()
    await flushPromises()
    expect(main.inputsOf('invoices.issue')).toEqual([
      {
        orderId: 12,
        buyer: {
          name: 'Atelier Lumière SARL',
          companyId: '55203253400018',
          vatNumber: null,
          address: { line1: '8 rue de la Verrerie', line2: null, postcode: '69002', city: 'Lyon', country: 'FR' },
        },
      },
    ])
    expect(plainSpaces(dialog()!.querySelector('[data-testid="invoice-status"]')!.textContent!)).toBe('Facture F-2026-000007 émise.')
    expect(dialog()!.querySelector('iframe')!.getAttribute('srcdoc')).toContain('F-2026-000007')
    expect(button('Factur-X (XML)')).toBeTruthy()
    expect(button('Imprimer (A4)')).toBeTruthy()
    expect(plainSpaces(screen!.get('[data-testid="invoice-button"]').text())).toBe('Facture F-2026-000007 (duplicata)')
  })

  it('shows main’s refusal in the form when the sale cannot be invoiced', async () => {
    main.answer('invoices.issue', () => refused('ORDER_NOT_INVOICEABLE', 'This sale is not paid'))
    await openForm()
    await fillValidBuyer()
    button('Émettre la facture').click()
    await flushPromises()
    expect(plainSpaces(document.body.querySelector('[data-testid="invoice-failure"]')!.textContent!)).toContain('Cette vente ne peut pas être facturée')
  })

  it('a sale that has its invoice gives a DUPLICATA at once, without the form', async () => {
    main.answer('invoices.ofOrder', () => answered({ invoice: ISSUED }))
    main.answer('invoices.copy', () => answered({ invoice: { ...ISSUED, copies: 1 }, html: '<p>DUPLICATA n° 1</p>', copyNumber: 1 }))
    screen = mountScreen(InvoiceButton, { locale: 'fr', mount: { props: { orderId: 12 } } })
    await flushPromises()
    button('Facture F-2026-000007 (duplicata)').click()
    await flushPromises()
    expect(main.inputsOf('invoices.copy')).toEqual([{ orderId: 12 }])
    expect(document.body.querySelector('[data-invoice-form]')).toBeNull()
    expect(plainSpaces(dialog()!.querySelector('[data-testid="invoice-status"]')!.textContent!)).toBe('Facture F-2026-000007 : duplicata n° 1.')
  })
})
