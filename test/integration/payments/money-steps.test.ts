import { afterEach, describe, expect, it } from 'vitest'
import type { TempApp } from '../../support/temp-app'
import { createTempApp } from '../../support/temp-app'
import { backOfficeApp, sellAtTill } from '../back-office/back-office-kit'

let subjects: TempApp[] = []
afterEach(() => {
  for (const subject of subjects.splice(0)) subject.dispose()
})

const PAN = '4242424242424242'
async function shop(): Promise<TempApp> {
  const subject = await backOfficeApp()
  subjects.push(subject)
  return subject
}

function attemptOf(subject: TempApp, orderId: number) {
  const order = subject.app.db.prepare('SELECT payment_attempt_id, captured_amount, refunded_amount, total_ttc FROM orders WHERE id = ?').get(orderId) as {
    payment_attempt_id: number
    captured_amount: number
    refunded_amount: number
    total_ttc: number
  }
  return { order, attempt: subject.app.db.prepare('SELECT * FROM payment_attempts WHERE id = ?').get(order.payment_attempt_id) as Record<string, number | string> }
}

function issuerState(subject: TempApp, traceNumber: string) {
  return subject.app.issuer.db.prepare('SELECT state, captured_amount, refunded_amount FROM authorizations WHERE trace_number = ?').get(traceNumber)
}

describe('money steps: written with the order, sent until the issuer acknowledges', () => {
  it('a capture the issuer could not take is kept pending, sent again, and then moves the order and the attempt together', async () => {
    const subject = await shop()
    subject.app.issuer.simulator.setFaults({ share91: 1, appliesTo: ['capture'] })
    const sale = await sellAtTill(subject)
    expect(sale.status).toBe('delivered')
    const before = attemptOf(subject, sale.id)
    expect(before.order.captured_amount).toBe(0)
    expect(before.attempt.captured_amount).toBe(0)
    const steps = subject.app.db.prepare("SELECT kind, status, tries, last_error FROM money_steps").all()
    expect(steps).toEqual([{ kind: 'capture', status: 'pending', tries: 1, last_error: '91' }])

    subject.app.issuer.simulator.setFaults({})
    await subject.app.payments.settleSteps()
    const after = attemptOf(subject, sale.id)
    expect(after.order.captured_amount).toBe(after.order.total_ttc)
    expect(after.attempt.captured_amount).toBe(after.order.total_ttc)
    expect(issuerState(subject, String(after.attempt.trace_number))).toMatchObject({ state: 'captured', captured_amount: after.order.total_ttc })
    expect(subject.app.db.prepare('SELECT count(*) FROM open_authorizations').pluck().get()).toBe(0)
  })

  it('a restart sends the capture a stopped app left pending, and the issuer books it once', async () => {
    const first = await shop()
    first.app.issuer.simulator.setFaults({ share91: 1, appliesTo: ['capture'] })
    const sale = await sellAtTill(first)
    first.app.close()
    const second = createTempApp({ dataDir: first.dataDir })
    subjects = [second]
    const report = await second.app.start()
    expect(report.resumedReversals).toBe(1)
    await second.app.payments.settleSteps()
    const { order, attempt } = attemptOf(second, sale.id)
    expect(order.captured_amount).toBe(order.total_ttc)
    expect(attempt.captured_amount).toBe(order.total_ttc)
    const captures = second.app.issuer.db.prepare("SELECT count(*) FROM journal WHERE movement = 'capture'").pluck().get()
    expect(captures).toBe(1)
  })

  it('an app closed while the issuer is answering a step writes nothing after closing; the next start sends it again, booked once', async () => {
    const first = await shop()
    first.app.issuer.simulator.setFaults({ share91: 1, appliesTo: ['capture'] })
    const sale = await sellAtTill(first)
    first.app.close()
    const rejections: unknown[] = []
    const onRejection = (reason: unknown) => rejections.push(reason)
    process.on('unhandledRejection', onRejection)
    try {
      const second = createTempApp({ dataDir: first.dataDir })
      subjects = [second]
      second.app.issuer.simulator.setFaults({ latencyMs: 300 })
      await second.app.start()
      // The capture is on its way to the issuer, which takes its time: the app closes meanwhile.
      second.app.close()
      await new Promise((resolve) => setTimeout(resolve, 700))
      expect(rejections.map((r) => (r as Error).stack)).toEqual([])
    } finally {
      process.off('unhandledRejection', onRejection)
    }
    const third = createTempApp({ dataDir: first.dataDir })
    subjects = [third]
    await third.app.start()
    await third.app.payments.settleSteps()
    const { order } = attemptOf(third, sale.id)
    expect(order.captured_amount).toBe(order.total_ttc)
    expect(third.app.issuer.db.prepare("SELECT count(*) FROM journal WHERE movement = 'capture'").pluck().get()).toBe(1)
  })

  it('reconciliation sends the capture owed for a sale delivered with nothing captured (as an earlier version left it)', async () => {
    const first = await shop()
    first.app.issuer.simulator.setFaults({ share91: 1, appliesTo: ['capture'] })
    const sale = await sellAtTill(first)
    first.app.close()
    const second = createTempApp({ dataDir: first.dataDir })
    subjects = [second]
    // What an earlier version left: delivered, nothing captured, no step to send.
    second.app.db.exec('DELETE FROM money_steps')
    await second.app.start()
    const report = await second.app.reconciliation.reconcile()
    expect(report).toMatchObject({ checked: 1, repaired: 1, toReconcile: 0 })
    await second.app.payments.settleSteps()
    const { order, attempt } = attemptOf(second, sale.id)
    expect([order.captured_amount, attempt.captured_amount]).toEqual([order.total_ttc, order.total_ttc])
    expect(await second.app.reconciliation.reconcile()).toMatchObject({ checked: 0 })
  })

  it('a capture the issuer has and the shop never recorded is recorded on the attempt and the order together', async () => {
    const subject = await shop()
    const sale = await sellAtTill(subject, { shipped: true })
    const { attempt } = attemptOf(subject, sale.id)
    const answer = await subject.app.issuer.simulator.process({
      messageType: '0220',
      merchantId: String(attempt.merchant_id),
      terminalId: String(attempt.terminal_id),
      traceNumber: '900001',
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: String(attempt.trace_number),
      amount: Number(attempt.amount),
    })
    expect(answer).toMatchObject({ kind: 'answer', response: { responseCode: '00' } })
    expect(await subject.app.reconciliation.reconcile()).toMatchObject({ repaired: 1 })
    const after = attemptOf(subject, sale.id)
    expect([after.order.captured_amount, after.attempt.captured_amount]).toEqual([after.order.total_ttc, after.order.total_ttc])
    const shipped = await subject.value('orders.markShipped', { orderId: sale.id, carrier: 'DPD', trackingNumber: 'AB1234' })
    expect(shipped.capturedAmount).toBe(after.order.total_ttc)
    expect(subject.app.db.prepare("SELECT count(*) FROM money_steps WHERE kind = 'capture'").pluck().get()).toBe(0)
  })

  it('a voided sale the issuer captured anyway goes on the "to reconcile" list; the refund chosen there is sent and audited', async () => {
    const subject = await shop()
    const sale = await sellAtTill(subject, { shipped: true })
    const { attempt } = attemptOf(subject, sale.id)
    subject.app.issuer.simulator.process({
      messageType: '0220',
      merchantId: String(attempt.merchant_id),
      terminalId: String(attempt.terminal_id),
      traceNumber: '900002',
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: String(attempt.trace_number),
      amount: Number(attempt.amount),
    })
    const voided = await subject.value('orders.void', { orderId: sale.id })
    expect(voided.status).toBe('voided')
    expect(voided.attempts[0]!.reversalStatus).toBe('refused')
    await subject.app.reconciliation.reconcile()
    const listed = await subject.value('reconciliation.list', {})
    expect(listed.cases).toHaveLength(1)
    expect(listed.cases[0]).toMatchObject({
      problem: 'charged-without-sale',
      orderId: sale.id,
      issuer: { state: 'captured', captured: Number(attempt.amount) },
      actions: ['refund', 'dismiss'],
    })
    expect(await subject.call('reconciliation.resolve', { caseId: listed.cases[0]!.id, action: 'mark-voided' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    })
    const available = subject.app.issuer.simulator.fundsForCard(PAN)!.available
    const resolved = await subject.value('reconciliation.resolve', { caseId: listed.cases[0]!.id, action: 'refund', note: 'customer called' })
    expect(resolved.cases).toEqual([])
    await subject.app.payments.settleSteps()
    expect(subject.app.issuer.simulator.fundsForCard(PAN)!.available).toBe(available + Number(attempt.amount))
    const audit = subject.app.db.prepare("SELECT subject, details FROM audit_log WHERE action = 'reconciliation.resolved'").all() as Array<{ details: string }>
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ action: 'refund', problem: 'charged-without-sale', note: 'customer called' })
    expect(await subject.app.reconciliation.reconcile()).toMatchObject({ toReconcile: 0 })
  })

  it('a refund the issuer refuses because it refunded already is listed; "mark refunded" brings the shop to the issuer', async () => {
    const subject = await shop()
    const sale = await sellAtTill(subject)
    await subject.app.payments.settleSteps()
    const { attempt, order } = attemptOf(subject, sale.id)
    // The issuer credited the cardholder on its own (a dispute settled at the bank, say).
    subject.app.issuer.simulator.process({
      messageType: '0200',
      processingCode: '200000',
      merchantId: String(attempt.merchant_id),
      terminalId: String(attempt.terminal_id),
      traceNumber: '900003',
      transmissionTime: new Date().toISOString(),
      originalTraceNumber: String(attempt.trace_number),
      amount: order.total_ttc,
    })
    const refunded = await subject.value('orders.refund', { orderId: sale.id, amount: order.total_ttc })
    expect(refunded.status).toBe('refunded')
    expect(subject.app.db.prepare("SELECT status, response_code FROM money_steps WHERE kind = 'refund'").get()).toEqual({ status: 'refused', response_code: '13' })
    await subject.app.reconciliation.reconcile()
    const listed = await subject.value('reconciliation.list', {})
    expect(listed.cases.map((entry) => [entry.problem, entry.actions])).toEqual([['refunded-by-issuer', ['mark-refunded', 'dismiss']]])
    await subject.value('reconciliation.resolve', { caseId: listed.cases[0]!.id, action: 'mark-refunded' })
    const after = attemptOf(subject, sale.id)
    expect([after.order.refunded_amount, after.attempt.refunded_amount]).toEqual([order.total_ttc, order.total_ttc])
    expect(await subject.app.reconciliation.reconcile()).toMatchObject({ toReconcile: 0 })
    expect((await subject.value('reconciliation.list', {})).cases).toEqual([])
  })

  it('a cashier is refused the reconciliation calls', async () => {
    const subject = await shop()
    for (const [name, input] of [
      ['reconciliation.list', {}],
      ['reconciliation.run', {}],
      ['reconciliation.resolve', { caseId: 1, action: 'dismiss' }],
    ] as const) {
      expect(await subject.app.router.dispatch(name, input, 'cashier'), name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })
})
