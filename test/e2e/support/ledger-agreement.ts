import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect } from 'vitest'

function readRows<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.prepare(sql).all() as T[]
  } finally {
    db.close()
  }
}

export function issuerAuthorizations(dataDir: string): Array<{ trace_number: string; state: string; amount: number; captured_amount: number }> {
  return readRows(
    join(dataDir, 'issuer', 'issuer.sqlite'),
    'SELECT trace_number, state, amount, captured_amount FROM authorizations ORDER BY id',
  )
}

export function merchantRows<T>(dataDir: string, sql: string): T[] {
  return readRows(join(dataDir, 'comptoir.sqlite'), sql)
}

/**
 * The issuer's ledger and the merchant's orders tell the same story: every hold belongs to a card
 * order that is authorized and not yet captured, every capture to a card order that was
 * captured for that amount, and no card order claims a payment without its approved attempt.
 */
export function expectLedgersAgree(dataDir: string): void {
  const authorizations = issuerAuthorizations(dataDir)
  const byState = (state: string) =>
    authorizations.filter((authorization) => authorization.state === state).map((authorization) => authorization.trace_number).sort()
  const openCardOrders = merchantRows<{ trace_number: string }>(
    dataDir,
    `SELECT a.trace_number FROM orders o JOIN payment_attempts a ON a.id = o.payment_attempt_id
      WHERE o.status IN ('authorized', 'awaiting_shipment')`,
  )
  expect(byState('held')).toEqual(openCardOrders.map((order) => order.trace_number).sort())
  const capturedCardOrders = merchantRows<{ trace_number: string; captured_amount: number }>(
    dataDir,
    `SELECT a.trace_number, o.captured_amount FROM orders o JOIN payment_attempts a ON a.id = o.payment_attempt_id
      WHERE o.captured_amount > 0`,
  )
  expect(byState('captured')).toEqual(capturedCardOrders.map((order) => order.trace_number).sort())
  for (const order of capturedCardOrders) {
    const authorization = authorizations.find((candidate) => candidate.trace_number === order.trace_number)
    expect(authorization?.captured_amount).toBe(order.captured_amount)
  }
  const claimedWithoutApproval = merchantRows(
    dataDir,
    `SELECT o.number FROM orders o LEFT JOIN payment_attempts a ON a.id = o.payment_attempt_id AND a.outcome = 'approved'
      WHERE o.payment_method IN ('card', 'saved_card') AND a.id IS NULL`,
  )
  expect(claimedWithoutApproval).toEqual([])
}

/**
 * Beyond the pairing of holds and captures: no card order that claims a sale is left without
 * its money at the issuer (a delivered or shipped card order is captured for its total), and
 * both databases pass SQLite's integrity check.
 */
export function expectNoMoneyLost(dataDir: string): void {
  const uncaptured = merchantRows<{ number: string }>(
    dataDir,
    `SELECT o.number FROM orders o
      WHERE o.payment_method IN ('card', 'saved_card') AND o.status IN ('delivered', 'shipped', 'completed')
        AND o.captured_amount <> o.total_ttc`,
  )
  expect(uncaptured).toEqual([])
  const attemptsApart = merchantRows<{ number: string }>(
    dataDir,
    `SELECT o.number FROM orders o JOIN payment_attempts a ON a.id = o.payment_attempt_id
      WHERE a.captured_amount <> o.captured_amount OR a.refunded_amount <> o.refunded_amount`,
  )
  expect(attemptsApart).toEqual([])
  expect(merchantRows(dataDir, "SELECT id FROM money_steps WHERE status <> 'acknowledged'")).toEqual([])
  expect(merchantRows(dataDir, 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
  expect(readRows(join(dataDir, 'issuer', 'issuer.sqlite'), 'PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }])
}
