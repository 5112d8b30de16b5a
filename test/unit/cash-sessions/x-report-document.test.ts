import { describe, expect, it } from 'vitest'
import type { XReport } from '@shared/contract'
import { formatMoney } from '@shared/money/format-money'
import { xReportDocument, type XReportWords } from '../../../src/renderer/src/cash-session/x-report-document'

const WORDS: XReportWords = {
  title: 'Rapport X', shop: 'Boutique', till: 'Caisse', session: 'Session', openedBy: 'Ouverte par', at: 'Édité le 7 déc.',
  sales: 'Ventes', refunds: 'Remboursements', count: 'Nombre', cash: 'Espèces', card: 'Carte', total: 'Total',
  movements: 'Mouvements', noMovement: 'Aucun mouvement.', cashIn: 'Entrées', cashOut: 'Sorties', cashNet: 'Ventes nettes en espèces',
  float: 'Fond de caisse', expected: 'Espèces attendues', expectedHidden: 'Après le comptage.',
  reasons: { bank_deposit: 'Dépôt en banque', change: 'Monnaie', petty_expense: 'Petite dépense', other: 'Autre' },
}

function report(expectedCash: number | null): XReport {
  return {
    session: {
      id: 3, tillId: 'TILL-01', till: 'T01', status: 'open', openedAt: '2026-12-07T08:00:00Z', openedBy: 'Camille <Martin>',
      floatAmount: 15_000, floatCount: [], leftOpenFromEarlierDay: false, closing: null,
    },
    at: '2026-12-07T12:00:00Z',
    currency: 'EUR',
    sales: { count: 2, cash: 890, card: 1290, total: 2180 },
    refunds: { count: 1, cash: 100, card: 0, total: 100 },
    movements: [{ id: 1, kind: 'out', amount: 2000, reason: 'other', note: '<script>x</script>', userName: 'Camille', at: '2026-12-07T10:00:00Z' }],
    cashIn: 0,
    cashOut: 2000,
    expectedCash,
  }
}

const format = { money: (minor: number) => formatMoney(minor, 'EUR', 'fr'), time: (instant: string) => instant, shopName: 'Comptoir & Fils', lang: 'fr' }

describe('the printed X report', () => {
  it('escapes every text and carries the figures, with a receipt layout for 80 mm paper', () => {
    const html = xReportDocument(report(13_790), WORDS, format)
    expect(html).not.toContain('<script>')
    expect(html).toContain('&#60;script&#62;')
    expect(html).toContain('Camille &#60;Martin&#62;')
    expect(html).toContain('Comptoir &#38; Fils')
    expect(html).toMatch(/@media print and \(max-width: 100mm\)/)
    expect(html).toContain('Espèces attendues')
    expect(html.replace(/[\u00a0\u202f]/g, ' ')).toContain('137,90 €')
  })

  it('a cashier’s report says the expected cash comes after the count', () => {
    const html = xReportDocument(report(null), WORDS, format)
    expect(html).not.toContain('Espèces attendues')
    expect(html).toContain('Après le comptage.')
  })
})
