import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import FiscalPurgePanel from '@renderer/components/administration/FiscalPurgePanel.vue'
import { answered, main, refused } from './support/fake-bridge'
import { mountScreen, plainSpaces } from './support/mount-screen'

vi.mock('@renderer/bridge', () => import('./support/fake-bridge'))

let panel: VueWrapper | null = null
const latest = new Date().getFullYear() - 7

function button(text: string): HTMLButtonElement {
  const found = Array.from(document.body.querySelectorAll('button')).find((candidate) => plainSpaces(candidate.textContent ?? '') === text)
  if (!found) throw new Error(`No button ${text}`)
  return found
}

async function askPurge(): Promise<void> {
  panel = mountScreen(FiscalPurgePanel, { locale: 'fr' })
  await panel.get('[data-testid="fiscal-purge"]').trigger('submit')
  await flushPromises()
}

describe('the purge of old detail on the fiscal journal’s screen', () => {
  beforeEach(() => main.reset())
  afterEach(() => {
    panel?.unmount()
    panel = null
    document.body.innerHTML = ''
  })

  it('offers only years ended more than six years ago, and asks again before anything is sent', async () => {
    await askPurge()
    const years = panel!.findAll('[data-testid="fiscal-purge-year"] option').map((option) => Number(option.attributes('value')))
    expect(years[0]).toBe(latest)
    expect(Math.max(...years)).toBe(latest)
    expect(document.body.querySelector('[role="alertdialog"]')!.textContent).toContain(`Purger le détail jusqu’à fin ${latest} ?`)
    expect(main.inputsOf('fiscal.purge')).toEqual([])
    button('Annuler').click()
    await flushPromises()
    expect(document.body.querySelector('[role="alertdialog"]')).toBeNull()
    expect(main.inputsOf('fiscal.purge')).toEqual([])
  })

  it('once confirmed, purges the chosen year, says how many records went and reads the journal again', async () => {
    main.answer('fiscal.purge', () => answered({ year: latest, throughDay: `${latest}-12-31`, deleted: 42, chains: [{ chain: 'real', throughSequence: 50, deleted: 42 }] }))
    main.answer('fiscal.records', () => answered({ records: [], nextCursor: null, lastCheck: null }))
    await askPurge()
    button('Purger').click()
    await flushPromises()
    expect(main.inputsOf('fiscal.purge')).toEqual([{ year: latest }])
    expect(main.inputsOf('fiscal.records')).toHaveLength(1)
    expect(plainSpaces(panel!.get('[data-testid="fiscal-purged"]').text())).toContain(
      `Détail purgé jusqu’au 31 décembre ${latest} : 42 enregistrement(s) supprimé(s). Clôtures et grands totaux conservés.`,
    )
  })

  it('shows main’s refusal of a period not archived in the registry’s words', async () => {
    main.answer('fiscal.purge', () => refused('FISCAL_PURGE_NOT_ARCHIVED'))
    await askPurge()
    button('Purger').click()
    await flushPromises()
    expect(plainSpaces(panel!.get('[data-testid="fiscal-purge-error"]').text())).toContain('Cette période n’a pas encore été archivée')
  })
})
