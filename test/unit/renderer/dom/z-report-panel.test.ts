import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { FiscalDayClosing } from '@shared/contract/calls/fiscal-calls'
import ZReportPanel from '@renderer/components/administration/ZReportPanel.vue'
import { mountScreen, plainSpaces } from './support/mount-screen'

const printed = vi.hoisted(() => [] as Array<{ html: string; layout: string }>)
vi.mock('@renderer/documents/print-document', () => ({
  printDocument: (html: string, layout: string) => {
    printed.push({ html, layout })
    return Promise.resolve()
  },
}))

const Z: FiscalDayClosing = {
  id: 9,
  tillId: 'TILL-01',
  chain: 'real',
  sequence: 7,
  occurredAt: '2026-12-08T08:00:03+01:00',
  operatorName: 'Alex Dubois',
  automatic: false,
  day: '2026-12-07',
  records: { count: 6, firstSequence: 1, lastSequence: 6 },
  counts: { tickets: 2, creditNotes: 1, cancellations: 0, duplicates: 1 },
  rates: [{ rateBasisPoints: 550, ht: 1688, vat: 92, ttc: 1780 }],
  payments: [
    { mode: 'card', amount: 890 },
    { mode: 'cash', amount: 590 },
  ],
  dayTotals: { net: 1480, absolute: 2080 },
  perpetual: { gtNet: 15_480, gtAbsolute: 16_080 },
  signature: 'qRQ/qkl/n+BMxyz0123456789==',
}

const mountZ = (locale: 'fr' | 'en', closing = Z) =>
  mountScreen(ZReportPanel, {
    locale,
    mount: { props: { closing, time: (at: string) => `[${at.slice(0, 16)}]`, day: (day: string) => `[${day}]` } },
  })

describe('the daily closing (Z) on screen and on paper', () => {
  beforeEach(() => {
    printed.length = 0
  })

  it('in French: the day, who wrote it, the sums per rate and mode, the counts and the grand totals', () => {
    const wrapper = mountZ('fr')
    const text = plainSpaces(wrapper.text())
    expect(text).toContain('Clôture journalière (Z) du [2026-12-07]')
    expect(text).toContain('Établie le [2026-12-08T08:00] par Alex Dubois')
    expect(text).toContain('6 enregistrement(s) de la journée (n° 1 à 6)')
    expect(plainSpaces(wrapper.get('[data-testid="z-payment-card"]').text())).toBe('8,90 €')
    expect(plainSpaces(wrapper.get('[data-testid="z-payment-cash"]').text())).toBe('5,90 €')
    expect(plainSpaces(wrapper.get('[data-testid="z-gt"]').text())).toBe('154,80 €')
    expect(text).toContain('Carte bancaire')
    expect(text).toContain('Espèces')
  })

  it('in English, a Z the till wrote at its start says so, and both prints carry the English words', async () => {
    const wrapper = mountZ('en', { ...Z, automatic: true, operatorName: 'system' })
    expect(plainSpaces(wrapper.text())).toContain('Written on [2026-12-08T08:00] by the till (a day left without its closing)')
    expect(wrapper.text()).not.toContain('system')
    await wrapper.get('[data-testid="z-print-a4"]').trigger('click')
    await wrapper.get('[data-testid="z-print-receipt"]').trigger('click')
    expect(printed.map((print) => print.layout)).toEqual(['a4', 'receipt'])
    for (const { html } of printed) {
      expect(html).toContain('<html lang="en">')
      expect(plainSpaces(html)).toContain('Daily closing (Z) of [2026-12-07]')
      expect(plainSpaces(html)).toContain('Perpetual grand total')
      expect(html).toContain('Signature : qRQ/qkl/n+BM')
    }
  })
})
