import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { nextAttemptDelayMs, receiptEscPos, type ReceiptRow } from '../../../src/main/receipts'
import { winAnsiText } from '../../../src/main/receipts/receipt-pdf'

describe('the outbox retries an e-mail further apart each time', () => {
  it('waits 30 s after the first failure, then doubles', () => {
    expect([1, 2, 3, 4, 5].map(nextAttemptDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000, 480_000])
  })

  it('never waits more than an hour, however many failures, and never less than 30 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (attempts) => {
        const delay = nextAttemptDelayMs(attempts)
        expect(delay).toBeGreaterThanOrEqual(30_000)
        expect(delay).toBeLessThanOrEqual(3_600_000)
        expect(nextAttemptDelayMs(attempts + 1)).toBeGreaterThanOrEqual(delay)
      }),
    )
  })
})

describe('the PDF ticket speaks WinAnsi', () => {
  it('turns French formatting’s narrow no-break space and the typographic minus into printable ones', () => {
    expect(winAnsiText('1\u202f234,50\u00a0€ −5,00\u00a0€')).toBe('1\u00a0234,50\u00a0€ -5,00\u00a0€')
  })
})

describe('an ESC/POS ticket', () => {
  const rows: ReceiptRow[] = [
    { kind: 'title', text: 'Comptoir du Canal' },
    { kind: 'pair', left: 'Total TTC', right: '23,80\u00a0€', bold: true },
    { kind: 'rule' },
  ]
  const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1')

  it('puts a label and its amount on one 48-column line, the amount flush right', () => {
    const line = text(receiptEscPos(rows, { code: null, openDrawer: false }))
      .split(/[\n\r]/)
      .find((candidate) => candidate.includes('Total TTC'))!
    // 'Total TTC' (9) + spaces + '23,80 €' (7) = 48 columns; the euro sign comes with its code page switch.
    expect(line.slice(line.indexOf('Total TTC'))).toMatch(new RegExp(`^Total TTC {${48 - 9 - 7}}23,80`))
  })

  it('kicks the drawer (ESC p) only when asked, and always ends with a cut (GS V)', () => {
    const kick = Buffer.from([0x1b, 0x70])
    const cut = Buffer.from([0x1d, 0x56])
    const withDrawer = Buffer.from(receiptEscPos(rows, { code: 'T01-2026-000001', openDrawer: true }))
    const without = Buffer.from(receiptEscPos(rows, { code: 'T01-2026-000001', openDrawer: false }))
    expect(withDrawer.includes(kick)).toBe(true)
    expect(without.includes(kick)).toBe(false)
    expect(withDrawer.lastIndexOf(cut)).toBeGreaterThan(withDrawer.indexOf(kick))
    expect(without.includes(cut)).toBe(true)
  })
})
