import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import type { DenominationCount } from '@shared/domain/euro-denominations'
import { createApp } from '../../../src/main/app/create-app'
import { CashSessionRepository } from '../../../src/main/cash-sessions'
import { createLogger } from '../../../src/platform/logging/logger'
import { DEMO_USERS } from '../../../src/main/seed/seed-demo-shop'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
})

const ADMIN = 'admin-client'
const CARD = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }

/** A count worth exactly `amount` cents: 5 € notes, then 1 cent coins. */
function countOf(amount: number): DenominationCount[] {
  const fives = Math.floor(amount / 500)
  return [
    { denomination: 500, quantity: fives },
    { denomination: 1, quantity: amount - fives * 500 },
  ]
}

async function app(): Promise<TempApp> {
  const temp = createTempApp({ now: () => new Date('2026-03-02T09:00:00Z') })
  subject = temp
  await temp.loginAs('cashier')
  await temp.loginAs('admin', ADMIN)
  return temp
}

async function adminId(temp: TempApp): Promise<number> {
  const users = await temp.value('auth.listUsers', {})
  return users.find((user) => user.role === 'admin')!.id
}

async function sell(temp: TempApp, sku: string, quantity: number, method: 'cash' | 'card') {
  const [product] = await temp.value('catalogue.search', { query: sku, limit: 1 })
  await temp.value('cart.clear', {})
  await temp.value('cart.addProduct', { productId: product!.id, quantity })
  const order = await temp.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
  if (method === 'cash') return temp.value('checkout.payCash', { orderId: order.id, tendered: order.quote.totals.ttc + 1000 })
  return temp.value('checkout.payByCard', { orderId: order.id, card: CARD, saveCard: false })
}

/** Closes the open session with a count equal to its expected cash (an administrator reads it). */
async function closeEven(temp: TempApp): Promise<void> {
  const report = await temp.value('cashSession.xReport', {}, ADMIN)
  await temp.value('cashSession.submitCount', { count: countOf(report.expectedCash!) })
  await temp.value('cashSession.confirmClose', {})
}

describe('the day of a till', () => {
  it('the demo shop opens its till T01 with a float counted at seed time, and it sells', async () => {
    const temp = await app()
    const { session } = await temp.value('cashSession.current', {})
    expect(session).toMatchObject({ till: 'T01', status: 'open', floatAmount: 15_000, closing: null, leftOpenFromEarlierDay: false })
    expect(session!.floatCount.reduce((sum, line) => sum + line.denomination * line.quantity, 0)).toBe(15_000)
    expect((await sell(temp, 'EPI-CAFE-250', 1, 'cash')).status).toBe('delivered')
  })

  it('a data folder without the demo shop starts with no session', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-test-'))
    const bare = createApp({ dataDir, seedDemo: false, logger: createLogger(join(dataDir, 'logs', 'comptoir.log'), { quiet: true }) })
    try {
      expect(new CashSessionRepository(bare.db).current('TILL-01')).toBeNull()
    } finally {
      bare.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('one session not closed per till: a second opening is refused, by the service and by the index', async () => {
    const temp = await app()
    const again = await temp.call('cashSession.open', { count: countOf(10_000) })
    expect(again).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_ALREADY_OPEN' } })
    const user = await adminId(temp)
    const insert = () =>
      new CashSessionRepository(temp.app.db).open('TILL-01', user, [], 0, new Date().toISOString())
    expect(insert).toThrow(/UNIQUE/)
    // Another till may have its own.
    expect(new CashSessionRepository(temp.app.db).open('TILL-02', user, [], 0, new Date().toISOString())).toBeGreaterThan(0)
  })

  it('no sale outside an open session: beginning or paying a checkout is refused with a clear error', async () => {
    const temp = await app()
    const [product] = await temp.value('catalogue.search', { query: 'EPI-CAFE-250', limit: 1 })
    await temp.value('cart.addProduct', { productId: product!.id, quantity: 1 })
    const pending = await temp.value('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
    const report = await temp.value('cashSession.xReport', {}, ADMIN)
    await temp.value('cashSession.submitCount', { count: countOf(report.expectedCash!) })

    // Counting: the session takes no sale any more.
    const paying = await temp.call('checkout.payCash', { orderId: pending.id, tendered: 10_000 })
    expect(paying).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })
    const byCard = await temp.call('checkout.payByCard', { orderId: pending.id, card: CARD, saveCard: false })
    expect(byCard).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })
    await temp.value('cashSession.confirmClose', {})

    const begin = await temp.call('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
    expect(begin).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })
    expect((await temp.value('cashSession.current', {})).session).toBeNull()
    const moved = await temp.call('cashSession.moveCash', { kind: 'in', amount: 100, reason: 'change' })
    expect(moved).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })

    await temp.value('cashSession.open', { count: countOf(5_000) })
    expect((await temp.value('checkout.payCash', { orderId: pending.id, tendered: 10_000 })).status).toBe('delivered')
  })

  it('blind count: the expected cash is answered only once the count is submitted', async () => {
    const temp = await app()
    await sell(temp, 'EPI-MIEL-500', 2, 'cash')
    const cashierReport = await temp.value('cashSession.xReport', {})
    expect(cashierReport.expectedCash).toBeNull()
    expect(cashierReport.sales).toMatchObject({ count: 1, cash: 2300, card: 0 })
    const before = await temp.value('cashSession.current', {})
    expect(before.session!.closing).toBeNull()
    expect(JSON.stringify(before)).not.toContain('17300')

    const counted = await temp.value('cashSession.submitCount', { count: countOf(17_250) })
    expect(counted.status).toBe('counting')
    expect(counted.closing).toMatchObject({ countedAmount: 17_250, expectedCash: 17_300, difference: -50, needsApproval: false })
    const recount = await temp.call('cashSession.submitCount', { count: countOf(17_300) })
    expect(recount).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } })
    const closed = await temp.value('cashSession.confirmClose', {})
    expect(closed).toMatchObject({ status: 'closed', closing: { difference: -50, approvedBy: null } })

    const actions = temp.app.db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'cashSession.%' ORDER BY id").all()
    expect(actions.map((row) => row.action)).toEqual(['cashSession.counted', 'cashSession.closed'])
  })

  it('a difference above the threshold is refused without an administrator, and closes with one', async () => {
    const temp = await app()
    // 10,00 € exactly is within the threshold: no approval.
    await temp.value('cashSession.submitCount', { count: countOf(15_000 + 1000) })
    await temp.value('cashSession.confirmClose', {})
    await temp.value('cashSession.open', { count: countOf(15_000) })
    const counted = await temp.value('cashSession.submitCount', { count: countOf(15_000 - 1001) })
    expect(counted.closing).toMatchObject({ difference: -1001, needsApproval: true, approvalThreshold: 1000 })

    const alone = await temp.call('cashSession.confirmClose', {})
    expect(alone).toMatchObject({ ok: false, error: { code: 'CASH_DIFFERENCE_APPROVAL_REQUIRED' } })
    const admin = await adminId(temp)
    const wrong = await temp.call('cashSession.confirmClose', { approval: { userId: admin, pin: '0000' } })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS' } })
    const users = await temp.value('auth.listUsers', {})
    const cashier = users.find((user) => user.role === 'cashier')!
    const byCashier = await temp.call('cashSession.confirmClose', { approval: { userId: cashier.id, pin: DEMO_USERS[0]!.pin } })
    expect(byCashier).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await temp.value('cashSession.current', {})).session!.status).toBe('counting')

    const adminPin = DEMO_USERS.find((user) => user.role === 'admin')!.pin
    const closed = await temp.value('cashSession.confirmClose', { approval: { userId: admin, pin: adminPin } })
    expect(closed.closing).toMatchObject({ difference: -1001, approvedBy: 'Alex Dubois', closedBy: 'Camille Martin' })
    const audit = temp.app.db
      .prepare<[], { details: string }>("SELECT details FROM audit_log WHERE action = 'cashSession.closed' ORDER BY id DESC LIMIT 1")
      .get()!
    expect(JSON.parse(audit.details)).toMatchObject({ difference: -1001, approvedBy: admin })
  })

  it('the threshold is a shop setting an administrator changes', async () => {
    const temp = await app()
    expect(await temp.value('cashSession.settings', {})).toEqual({ differenceApprovalThreshold: 1000 })
    const forbidden = await temp.call('cashSession.saveSettings', { differenceApprovalThreshold: 5000 })
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await temp.value('cashSession.saveSettings', { differenceApprovalThreshold: 5000 }, ADMIN)
    const counted = await temp.value('cashSession.submitCount', { count: countOf(15_000 + 4000) })
    expect(counted.closing).toMatchObject({ needsApproval: false, approvalThreshold: 5000 })
  })

  it('a cash movement names its reason; "other" needs a note; each is audited', async () => {
    const temp = await app()
    const out = await temp.value('cashSession.moveCash', { kind: 'out', amount: 5000, reason: 'bank_deposit' })
    expect(out).toMatchObject({ kind: 'out', amount: 5000, reason: 'bank_deposit', note: null, userName: 'Camille Martin' })
    const noNote = await temp.call('cashSession.moveCash', { kind: 'in', amount: 200, reason: 'other' })
    expect(noNote).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    await temp.value('cashSession.moveCash', { kind: 'in', amount: 200, reason: 'other', note: 'Pourboire rendu' })
    const report = await temp.value('cashSession.xReport', {}, ADMIN)
    expect(report).toMatchObject({ cashIn: 200, cashOut: 5000, expectedCash: 15_000 - 5000 + 200 })
    expect(report.movements.map((movement) => movement.reason)).toEqual(['bank_deposit', 'other'])
    const actions = temp.app.db.prepare<[], { action: string }>("SELECT action FROM audit_log WHERE action LIKE 'cashSession.%' ORDER BY id").all()
    expect(actions.map((row) => row.action)).toEqual(['cashSession.cashOut', 'cashSession.cashIn'])
  })

  it('the float, each cash movement and the closing are signed records of the fiscal journal, written with them', async () => {
    const temp = await app()
    const records = () =>
      temp.app.db
        .prepare<[], { kind: string; payload: string; amount_ttc: number; operator_name: string }>(
          "SELECT kind, payload, amount_ttc, operator_name FROM fiscal_records WHERE kind IN ('float', 'cash_in', 'cash_out', 'session_close') ORDER BY id",
        )
        .all()
    await temp.value('cashSession.moveCash', { kind: 'out', amount: 5000, reason: 'bank_deposit' })
    await temp.value('cashSession.moveCash', { kind: 'in', amount: 300, reason: 'change' })
    await temp.value('cashSession.submitCount', { count: countOf(15_000 - 5000 + 300 - 20) })
    await temp.value('cashSession.confirmClose', {})
    await temp.value('cashSession.open', { count: countOf(12_345) })
    const written = records()
    expect(written.map((record) => record.kind)).toEqual(['cash_out', 'cash_in', 'session_close', 'float'])
    expect(written.every((record) => record.amount_ttc === 0 && record.operator_name === 'Camille Martin')).toBe(true)
    expect(JSON.parse(written[0]!.payload)).toMatchObject({ till: 'T01', amount: 5000, reason: 'bank_deposit' })
    expect(JSON.parse(written[2]!.payload)).toMatchObject({ counted: 10_280, expected: 10_300, difference: -20, cashIn: 300, cashOut: 5000, floatAmount: 15_000 })
    expect(JSON.parse(written[3]!.payload)).toMatchObject({ till: 'T01', amount: 12_345 })
    // A refused step writes nothing.
    await temp.call('cashSession.open', { count: countOf(1) })
    expect(records()).toHaveLength(4)
  })

  it('a session left open from an earlier day is flagged', async () => {
    let now = new Date('2026-03-02T09:00:00Z')
    const temp = createTempApp({ now: () => now })
    subject = temp
    await temp.loginAs('cashier')
    expect((await temp.value('cashSession.current', {})).session!.leftOpenFromEarlierDay).toBe(false)
    now = new Date('2026-03-02T22:30:00Z') // 23:30 in Paris: still the same shop day
    await temp.loginAs('cashier')
    expect((await temp.value('cashSession.current', {})).session!.leftOpenFromEarlierDay).toBe(false)
    now = new Date('2026-03-02T23:30:00Z') // 00:30 on 3 March in Paris
    await temp.loginAs('cashier')
    expect((await temp.value('cashSession.current', {})).session!.leftOpenFromEarlierDay).toBe(true)
  })

  it('expected cash = float + cash sales − cash refunds + cash in − cash out, over random days', async () => {
    const temp = await app()
    await closeEven(temp)
    const operation = fc.oneof(
      fc.record({ op: fc.constant('cash-sale' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ op: fc.constant('card-sale' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ op: fc.constant('cash-refund' as const), share: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ op: fc.constant('card-refund' as const), share: fc.integer({ min: 1, max: 100 }) }),
      fc.record({ op: fc.constantFrom('in' as const, 'out' as const), amount: fc.integer({ min: 1, max: 20_000 }) }),
    )
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 50_000 }), fc.array(operation, { maxLength: 7 }), async (float, operations) => {
        if ((await temp.value('cashSession.current', {})).session) await closeEven(temp) // after a failed run
        await temp.value('cashSession.open', { count: countOf(float) })
        const model = { cashSales: 0, cardSales: 0, cashRefunds: 0, cardRefunds: 0, cashIn: 0, cashOut: 0 }
        const paid: Array<{ id: number; method: 'cash' | 'card'; left: number }> = []
        for (const step of operations) {
          if (step.op === 'cash-sale' || step.op === 'card-sale') {
            const method = step.op === 'cash-sale' ? 'cash' : 'card'
            const order = await sell(temp, 'EPI-CHOC-100', step.quantity, method)
            const ttc = order.quote.totals.ttc
            paid.push({ id: order.id, method, left: ttc })
            if (method === 'cash') model.cashSales += ttc
            else model.cardSales += ttc
          } else if (step.op === 'cash-refund' || step.op === 'card-refund') {
            const method = step.op === 'cash-refund' ? 'cash' : 'card'
            const order = paid.find((candidate) => candidate.method === method && candidate.left > 0)
            if (!order) continue
            const amount = Math.max(1, Math.floor((order.left * step.share) / 100))
            await temp.value('orders.refund', { orderId: order.id, amount }, ADMIN)
            order.left -= amount
            if (method === 'cash') model.cashRefunds += amount
            else model.cardRefunds += amount
          } else {
            await temp.value('cashSession.moveCash', { kind: step.op, amount: step.amount, reason: 'change' })
            if (step.op === 'in') model.cashIn += step.amount
            else model.cashOut += step.amount
          }
        }
        const expected = float + model.cashSales - model.cashRefunds + model.cashIn - model.cashOut
        const report = await temp.value('cashSession.xReport', {}, ADMIN)
        expect(report.expectedCash).toBe(expected)
        expect(report.sales).toMatchObject({ cash: model.cashSales, card: model.cardSales })
        expect(report.refunds).toMatchObject({ cash: model.cashRefunds, card: model.cardRefunds })
        expect(report).toMatchObject({ cashIn: model.cashIn, cashOut: model.cashOut })
        const counted = await temp.value('cashSession.submitCount', { count: countOf(Math.max(0, expected)) })
        expect(counted.closing!.expectedCash).toBe(expected)
        await temp.value('cashSession.confirmClose', {}, ADMIN)
      }),
      { numRuns: 12 },
    )
  }, 120_000)

  it('cash is paid back only while the session is open: not during the closing count, not once closed; a card refund still goes', async () => {
    const temp = await app()
    const cashSale = await sell(temp, 'EPI-MIEL-500', 2, 'cash')
    const cardSale = await sell(temp, 'EPI-MIEL-500', 1, 'card')
    const report = await temp.value('cashSession.xReport', {}, ADMIN)
    await temp.value('cashSession.submitCount', { count: countOf(report.expectedCash!) })

    const duringCount = await temp.call('orders.refund', { orderId: cashSale.id, amount: 500 }, ADMIN)
    expect(duringCount).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })
    await temp.value('cashSession.confirmClose', {})
    const closed = await temp.call('orders.refund', { orderId: cashSale.id, amount: 500 }, ADMIN)
    expect(closed).toMatchObject({ ok: false, error: { code: 'CASH_SESSION_NOT_OPEN' } })
    // Nothing of the refused refunds was written: no credit note, no refund on the order.
    const creditNotes = temp.app.db.prepare("SELECT count(*) AS n FROM fiscal_records WHERE kind = 'credit_note'").get() as { n: number }
    expect(creditNotes.n).toBe(0)
    const refunded = temp.app.db.prepare('SELECT refunded_amount AS amount FROM orders WHERE id = ?').get(cashSale.id) as { amount: number }
    expect(refunded.amount).toBe(0)

    const card = await temp.call('orders.refund', { orderId: cardSale.id, amount: 500 }, ADMIN)
    expect(card.ok).toBe(true)
  })
})
