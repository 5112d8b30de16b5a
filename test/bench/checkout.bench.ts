import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createApp } from '../../src/main/app/create-app'
import { enrolCard } from '../../src/main/issuer/account-enrolment'
import { createLogger } from '../../src/main/logging/logger'
import { heading, reportThroughput } from './bench-harness'

const CHECKOUTS = Number(process.env.COMPTOIR_BENCH_CHECKOUTS ?? 200)
/** A bench-only card with limits no run can reach; Luhn-valid, not one of the public test cards. */
const BENCH_CARD = '4917610000000000'

async function timeCheckouts(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-checkout-'))
  const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
  try {
    const { simulator, repositories, hasher } = app.issuer
    enrolCard(
      repositories,
      hasher,
      {
        pan: BENCH_CARD,
        securityCode: '123',
        holderName: 'Bench Card',
        expiryMonth: 12,
        expiryYear: 2030,
        kind: 'credit',
        creditLimit: 1_000_000_000,
        perTransactionLimit: 1_000_000,
        dailyLimit: 1_000_000_000,
      },
      new Date(),
    )
    simulator.setVelocity({ maxAttempts: 1_000_000 })
    const call = async (name: string, input: unknown) => {
      const answer = (await app.router.dispatch(name, input, 'bench')) as { ok: boolean; value?: { id: number }; error?: { code: string } }
      if (!answer.ok) throw new Error(`${name}: ${answer.error?.code}`)
      return answer.value as { id: number }
    }
    const users = (await app.router.dispatch('auth.listUsers', {}, 'bench')) as { value: Array<{ id: number; role: string }> }
    await call('auth.login', { userId: users.value.find((user) => user.role === 'cashier')!.id, pin: '1234' })
    const products = (await app.router.dispatch('catalogue.search', { query: '', limit: 40 }, 'bench')) as {
      value: Array<{ id: number; kind: string }>
    }
    const physical = products.value.filter((product) => product.kind === 'physical')
    const checkout = async (index: number) => {
      await call('cart.addProduct', { productId: physical[index % physical.length]!.id })
      await call('cart.addProduct', { productId: physical[(index * 7 + 3) % physical.length]!.id, quantity: 2 })
      const order = await call('checkout.begin', { customerId: null, delivery: { option: 'pickup' } })
      await call('checkout.payByCard', {
        orderId: order.id,
        card: { number: BENCH_CARD, expiry: '12/30', securityCode: '123', holderName: 'Bench Card' },
      })
    }
    for (let index = 0; index < 10; index++) await checkout(index)
    const start = process.hrtime.bigint()
    for (let index = 0; index < CHECKOUTS; index++) await checkout(index)
    return CHECKOUTS / (Number(process.hrtime.bigint() - start) / 1e9)
  } finally {
    app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * The floor: the same rows a checkout writes (cart lines, order, its lines, VAT buckets, events,
 * payment attempt, the issuer's authorization and journal), inserted raw with prepared statements,
 * in as many transactions as the app commits (7 merchant, 2 issuer), WAL and synchronous FULL.
 */
function timeRawInserts(): number {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-raw-'))
  const open = (file: string) => {
    const db = new Database(join(dataDir, file))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    return db
  }
  const merchant = open('merchant.sqlite')
  const issuer = open('issuer.sqlite')
  try {
    merchant.exec(`
      CREATE TABLE cart_lines (id INTEGER PRIMARY KEY, product_id INTEGER, quantity INTEGER) STRICT;
      CREATE TABLE orders (id INTEGER PRIMARY KEY, number TEXT UNIQUE, status TEXT, total INTEGER, quote TEXT, html TEXT) STRICT;
      CREATE TABLE order_lines (id INTEGER PRIMARY KEY, order_id INTEGER, product_id INTEGER, quantity INTEGER, total INTEGER) STRICT;
      CREATE TABLE order_vat (order_id INTEGER, rate INTEGER, ht INTEGER, vat INTEGER, ttc INTEGER) STRICT;
      CREATE TABLE order_events (id INTEGER PRIMARY KEY, order_id INTEGER, status TEXT, at TEXT) STRICT;
      CREATE TABLE attempts (id INTEGER PRIMARY KEY, order_number TEXT, outcome TEXT, code TEXT) STRICT;`)
    issuer.exec(`
      CREATE TABLE authorizations (id INTEGER PRIMARY KEY, trace TEXT, amount INTEGER, state TEXT) STRICT;
      CREATE TABLE journal (id INTEGER PRIMARY KEY, authorization_id INTEGER, movement TEXT, amount INTEGER) STRICT;`)
    const statements = {
      line: merchant.prepare('INSERT INTO cart_lines (product_id, quantity) VALUES (?, ?)'),
      clearCart: merchant.prepare('DELETE FROM cart_lines'),
      order: merchant.prepare("INSERT INTO orders (number, status, total, quote) VALUES (?, 'pending', ?, ?)"),
      orderLine: merchant.prepare('INSERT INTO order_lines (order_id, product_id, quantity, total) VALUES (?, ?, ?, ?)'),
      vat: merchant.prepare('INSERT INTO order_vat VALUES (?, ?, ?, ?, ?)'),
      event: merchant.prepare('INSERT INTO order_events (order_id, status, at) VALUES (?, ?, ?)'),
      attempt: merchant.prepare("INSERT INTO attempts (order_number, outcome) VALUES (?, 'pending')"),
      answer: merchant.prepare("UPDATE attempts SET outcome = 'approved', code = '00' WHERE id = ?"),
      paid: merchant.prepare("UPDATE orders SET status = 'delivered', html = ? WHERE id = ?"),
      authorization: issuer.prepare("INSERT INTO authorizations (trace, amount, state) VALUES (?, ?, 'held')"),
      journal: issuer.prepare('INSERT INTO journal (authorization_id, movement, amount) VALUES (?, ?, ?)'),
      capture: issuer.prepare("UPDATE authorizations SET state = 'captured' WHERE id = ?"),
    }
    const quote = JSON.stringify({ lines: [1, 2], rates: [2000], totals: { ttc: 4470 } })
    const html = 'x'.repeat(6000)
    const at = new Date().toISOString()
    const once = (index: number) => {
      merchant.transaction(() => statements.line.run(1, 1))()
      merchant.transaction(() => statements.line.run(2, 2))()
      const orderId = Number(
        merchant.transaction(() => {
          const id = statements.order.run(`2026-${index}`, 4470, quote).lastInsertRowid
          statements.orderLine.run(id, 1, 1, 1490)
          statements.orderLine.run(id, 2, 2, 2980)
          statements.vat.run(id, 2000, 3725, 745, 4470)
          statements.event.run(id, 'pending_payment', at)
          return id
        })(),
      )
      const attemptId = Number(merchant.transaction(() => statements.attempt.run(`2026-${index}`).lastInsertRowid)())
      const authorizationId = Number(
        issuer.transaction(() => {
          const id = statements.authorization.run(String(index), 4470).lastInsertRowid
          statements.journal.run(id, 'hold', 4470)
          return id
        })(),
      )
      merchant.transaction(() => statements.answer.run(attemptId))()
      merchant.transaction(() => {
        statements.paid.run(html, orderId)
        statements.event.run(orderId, 'authorized', at)
        statements.event.run(orderId, 'delivered', at)
        statements.clearCart.run()
      })()
      issuer.transaction(() => {
        statements.capture.run(authorizationId)
        statements.journal.run(authorizationId, 'capture', 4470)
      })()
      merchant.transaction(() => statements.event.run(orderId, 'captured', at))()
    }
    for (let index = 0; index < 10; index++) once(-index - 1)
    const start = process.hrtime.bigint()
    for (let index = 0; index < CHECKOUTS; index++) once(index)
    return CHECKOUTS / (Number(process.hrtime.bigint() - start) / 1e9)
  } finally {
    merchant.close()
    issuer.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<void> {
  heading(`Complete checkout: price, authorize in-process, commit, render the approval (issue 5), ${CHECKOUTS} sales`)
  const baseline = timeRawInserts()
  const checkouts = await timeCheckouts()
  reportThroughput('checkouts per second (through the router)', checkouts, baseline, 'raw inserts of the same rows')
  const slowdown = baseline / checkouts
  console.log(`${'slowdown against the raw inserts'.padEnd(48)} ${slowdown.toFixed(2).padStart(9)} x  (target: within 3 x)`)
}
