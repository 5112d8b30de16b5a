import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../src/main/app/create-app'
import { merchantMigrations } from '../../src/main/migrations'
import { openDatabase } from '../../src/platform/sqlite/open-database'
import { issuerMigrations } from '../../src/issuer/issuer-migrations'
import { seedDemoShop } from '../../src/main/seed/seed-demo-shop'
import { enrolCard } from '../../src/issuer/account-enrolment'
import { createLogger } from '../../src/platform/logging/logger'
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
 * The floor: the very rows a checkout writes, in the real schemas (the merchant's tables with
 * their indexes and triggers, the issuer's own file), inserted raw with prepared statements, in
 * as many durable commits as the app makes (nine merchant, two issuer), WAL and synchronous FULL.
 * What the app adds on top is its own work: pricing, validation, decisions, the approval.
 */
function timeRawInserts(): number {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-raw-'))
  const merchant = openDatabase(join(dataDir, 'merchant.sqlite'), merchantMigrations)
  const issuer = openDatabase(join(dataDir, 'issuer.sqlite'), issuerMigrations)
  try {
    seedDemoShop(merchant, new Date(), { id: 'bench', key: Buffer.alloc(32, 7) })
    const at = new Date().toISOString()
    const products = merchant.prepare('SELECT id FROM products WHERE kind = ? LIMIT 2').pluck().all('physical') as number[]
    const cashier = merchant.prepare("SELECT id FROM users WHERE role = 'cashier' LIMIT 1").pluck().get() as number
    const accountId = Number(
      issuer
        .prepare(
          `INSERT INTO accounts (pan_hash, last_four, holder_name, expiry_month, expiry_year, security_code_hash,
             kind, credit_limit, per_transaction_limit, daily_limit, status, currency, created_at)
           VALUES (?, '0000', 'Bench', 12, 2030, ?, 'credit', 1000000000, 1000000, 1000000000, 'active', 'EUR', ?)`,
        )
        .run(Buffer.alloc(32, 1), Buffer.alloc(32, 2), at).lastInsertRowid,
    )
    const m = {
      cartLine: merchant.prepare("INSERT INTO cart_lines (till_id, product_id, quantity, added_at) VALUES ('BENCH', ?, ?, ?)"),
      sequence: merchant.prepare(
        `INSERT INTO order_number_sequences (series, year, last_number) VALUES ('BENCH', 2026, 1)
         ON CONFLICT (series, year) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
      ),
      number: merchant.prepare('UPDATE orders SET number = ? WHERE id = ? AND number IS NULL'),
      order: merchant.prepare(
        `INSERT INTO orders (till_id, cashier_id, status, idempotency_key, currency, total_ht, total_vat, total_ttc,
           delivery_fee, discount_total, has_physical, delivery_option, locale, quote_json, created_at, updated_at)
         VALUES ('BENCH', ?, 'pending_payment', ?, 'EUR', 3725, 745, 4470, 0, 0, 1, 'pickup', 'fr', ?, ?, ?)`,
      ),
      orderLine: merchant.prepare(
        `INSERT INTO order_lines (order_id, position, product_id, sku, name_fr, name_en, kind, quantity,
           vat_rate_basis_points, unit_price_ht, unit_price_ttc, line_total)
         VALUES (?, ?, ?, 'SKU', 'Nom', 'Name', 'physical', 1, 2000, 1242, 1490, 1490)`,
      ),
      vat: merchant.prepare('INSERT INTO order_vat VALUES (?, ?, 4470, 0, 3725, 745, 4470)'),
      event: merchant.prepare('INSERT INTO order_events (order_id, from_status, to_status, user_id, at) VALUES (?, ?, ?, ?, ?)'),
      trace: merchant.prepare(
        "INSERT INTO terminal_traces (terminal_id, last_trace) VALUES ('BENCH', 1) ON CONFLICT (terminal_id) DO UPDATE SET last_trace = (last_trace % 999999) + 1 RETURNING last_trace",
      ),
      attempt: merchant.prepare(
        `INSERT INTO payment_attempts (order_id, attempt_number, idempotency_key, merchant_id, terminal_id,
           trace_number, entry_mode, brand, bin, last_four, pan_length, amount, currency, transport, started_at)
         VALUES (?, 1, ?, 'M', 'BENCH', ?, 'manual', 'visa', '491761', '0000', 16, 4470, 'EUR', 'in-process', ?)`,
      ),
      answer: merchant.prepare(
        "UPDATE payment_attempts SET outcome = 'approved', response_code = '00', response_meaning = 'Approved', authorization_code = 'ABC123', latency_ms = 1, answered_at = ? WHERE id = ?",
      ),
      paid: merchant.prepare(
        "UPDATE orders SET payment_method = 'card', card_brand = 'visa', card_last_four = '0000', card_masked = '4917 61•• •••• 0000', authorization_code = 'ABC123', payment_attempt_id = ?, paid_at = ?, updated_at = ? WHERE id = ?",
      ),
      status: merchant.prepare('UPDATE orders SET status = ?, updated_at = ? WHERE id = ?'),
      clearCart: merchant.prepare("DELETE FROM cart_lines WHERE till_id = 'BENCH'"),
      approval: merchant.prepare('UPDATE orders SET approval_html = ? WHERE id = ?'),
      captureAttempt: merchant.prepare('UPDATE payment_attempts SET captured_amount = captured_amount + ?, captured_at = ? WHERE id = ?'),
      captureOrder: merchant.prepare('UPDATE orders SET captured_amount = captured_amount + ? WHERE id = ?'),
    }
    const i = {
      transmission: issuer.prepare("INSERT INTO transmissions VALUES ('M', 'BENCH', ?, ?, ?)"),
      authorization: issuer.prepare(
        `INSERT INTO authorizations (account_id, merchant_id, terminal_id, trace_number, merchant_name, merchant_category_code,
           entry_mode, amount, currency, response_code, authorization_code, state, received_at)
         VALUES (?, 'M', 'BENCH', ?, 'Bench', '5999', 'manual', 4470, 'EUR', '00', 'ABC123', 'held', ?)`,
      ),
      journal: issuer.prepare(
        'INSERT INTO journal (account_id, authorization_id, movement, amount, balance_delta, held_delta, recorded_at) VALUES (?, ?, ?, 4470, ?, ?, ?)',
      ),
      held: issuer.prepare('UPDATE accounts SET held = held + ?, balance = balance + ? WHERE id = ?'),
      key: issuer.prepare("INSERT INTO idempotency_keys VALUES ('M', ?, ?, ?, '{}', ?)"),
      capture: issuer.prepare("UPDATE authorizations SET state = 'captured', captured_amount = 4470 WHERE id = ?"),
    }
    const quote = JSON.stringify({ lines: [1, 2], rates: [2000], totals: { ttc: 4470 } })
    const html = 'x'.repeat(8000)
    const once = (index: number) => {
      merchant.transaction(() => m.cartLine.run(products[0], 1, at))()
      merchant.transaction(() => m.cartLine.run(products[1], 2, at))()
      const orderId = Number(
        merchant.transaction(() => {
          const id = m.order.run(cashier, `key-${index}`, quote, at, at).lastInsertRowid
          m.orderLine.run(id, 0, products[0])
          m.orderLine.run(id, 1, products[1])
          m.vat.run(id, 2000)
          m.vat.run(id, 550)
          m.event.run(id, null, 'pending_payment', cashier, at)
          return id
        })(),
      )
      const { attemptId, trace } = merchant.transaction(() => {
        const traceNumber = String((m.trace.get() as { last_trace: number }).last_trace).padStart(6, '0')
        return { attemptId: Number(m.attempt.run(orderId, `key-${index}:1`, traceNumber, at).lastInsertRowid), trace: traceNumber }
      })()
      const authorizationId = Number(
        issuer.transaction(() => {
          i.transmission.run(`${trace}-${index}`, '0100', at)
          const id = i.authorization.run(accountId, `${trace}-${index}`, at).lastInsertRowid
          i.journal.run(accountId, id, 'hold', 0, 4470, at)
          i.held.run(4470, 0, accountId)
          i.key.run(`key-${index}:1`, Buffer.alloc(32), id, at)
          return id
        })(),
      )
      m.answer.run(at, attemptId)
      merchant.transaction(() => {
        // The sale's number is taken with the payment, as completion takes it.
        m.number.run(`BENCH-2026-${String((m.sequence.get() as { last_number: number }).last_number).padStart(6, '0')}`, orderId)
        m.paid.run(attemptId, at, at, orderId)
        m.status.run('authorized', at, orderId)
        m.event.run(orderId, 'pending_payment', 'authorized', cashier, at)
        m.status.run('delivered', at, orderId)
        m.event.run(orderId, 'authorized', 'delivered', cashier, at)
        m.clearCart.run()
        m.approval.run(html, orderId)
      })()
      const captureTrace = merchant.transaction(() => (m.trace.get() as { last_trace: number }).last_trace)()
      issuer.transaction(() => {
        i.transmission.run(`c${captureTrace}-${index}`, '0220', at)
        i.capture.run(authorizationId)
        i.journal.run(accountId, authorizationId, 'capture', 4470, -4470, at)
        i.held.run(-4470, 4470, accountId)
      })()
      m.captureAttempt.run(4470, at, attemptId)
      m.captureOrder.run(4470, orderId)
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
  reportThroughput('checkouts per second (through the router)', checkouts, baseline, 'raw inserts of the same rows, real schema')
  const slowdown = baseline / checkouts
  console.log(`${'slowdown against the raw inserts'.padEnd(48)} ${slowdown.toFixed(2).padStart(9)} x  (target: within 3 x)`)
}
