import { afterAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { IssuerRequest } from '../../../src/shared/issuer-protocol/issuer-protocol'
import { TEST_CARD_ACCOUNTS, CUSTOMER_CARD_ACCOUNTS } from '../../../src/issuer/issuer-seed'
import { availableFunds } from '../../../src/issuer/issuer-account'
import {
  authorizationRequest,
  nextTrace,
  openTestIssuer,
  removeTempFolders,
} from './issuer-test-kit'

afterAll(removeTempFolders)

const CARDS = [...TEST_CARD_ACCOUNTS, ...CUSTOMER_CARD_ACCOUNTS].filter(
  (card) => card.status === undefined,
)

type Operation =
  | { kind: 'authorize'; card: number; amount: number; key: number | null }
  | { kind: 'capture' | 'reverse' | 'refund'; pick: number; share: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant('authorize' as const),
    card: fc.nat({ max: CARDS.length - 1 }),
    amount: fc.integer({ min: 1, max: 150_000 }),
    key: fc.option(fc.nat({ max: 30 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constantFrom('capture' as const, 'reverse' as const, 'refund' as const),
    pick: fc.nat(),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
)

describe('the journal is the truth', () => {
  it('after thousands of random holds, captures, reversals and refunds, every balance and hold is derivable from the journal', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 400, maxLength: 800 }), (operations) => {
        const issuer = openTestIssuer({ velocity: { maxAttempts: 100_000, windowSeconds: 60 } })
        const approved: { traceNumber: string; amount: number; captured: number }[] = []
        const send = (request: IssuerRequest) => issuer.simulator.process(request)
        try {
          for (const op of operations) {
            if (op.kind === 'authorize') {
              const card = CARDS[op.card]!
              const answer = send(
                authorizationRequest({
                  pan: card.pan,
                  securityCode: card.securityCode,
                  expiryMonth: card.expiryMonth,
                  expiryYear: card.expiryYear,
                  amount: op.amount,
                  ...(op.key !== null
                    ? { idempotencyKey: `key-${op.key}-${op.card}-${op.amount}` }
                    : {}),
                }),
              )
              if (
                answer.kind === 'answer' &&
                'authorizationCode' in answer.response &&
                answer.response.authorizationCode &&
                !answer.response.replayed
              ) {
                approved.push({
                  traceNumber: answer.response.traceNumber,
                  amount: op.amount,
                  captured: 0,
                })
              }
              continue
            }
            const target = approved[op.pick % Math.max(approved.length, 1)]
            if (!target) continue
            const amount = Math.max(1, Math.floor(target.amount * op.share))
            const follow = {
              merchantId: 'COMPTOIR0001',
              terminalId: 'TILL01',
              traceNumber: nextTrace(),
              transmissionTime: new Date().toISOString(),
              originalTraceNumber: target.traceNumber,
            }
            if (op.kind === 'reverse')
              send({ messageType: '0400', ...follow, amount: target.amount })
            if (op.kind === 'capture') send({ messageType: '0220', ...follow, amount })
            if (op.kind === 'refund')
              send({ messageType: '0200', processingCode: '200000', ...follow, amount })
          }
          for (const account of issuer.repositories.accounts.list()) {
            const derived = issuer.repositories.journal.derive(account.id)
            expect({ balance: account.balance, held: account.held }).toEqual(derived)
            const openHolds = issuer.repositories.authorizations.openHolds(account.id)
            expect(account.held).toBe(openHolds.reduce((sum, hold) => sum + hold.amount, 0))
            expect(availableFunds(account)).toBeGreaterThanOrEqual(0)
          }
        } finally {
          issuer.close()
        }
      }),
      { numRuns: 6 },
    )
  }, 60_000)

  it('the journal refuses to be edited or deleted', () => {
    const issuer = openTestIssuer()
    try {
      expect(() => issuer.db.prepare('UPDATE journal SET amount = 0').run()).toThrow(/append-only/)
      expect(() => issuer.db.prepare('DELETE FROM journal').run()).toThrow(/append-only/)
    } finally {
      issuer.close()
    }
  })

  it('the issuer keeps no card number and no security code in clear', async () => {
    const issuer = openTestIssuer()
    const rows = issuer.db.prepare('SELECT * FROM accounts').all() as Record<string, unknown>[]
    issuer.close()
    const text = JSON.stringify(rows)
    for (const card of CARDS) expect(text).not.toContain(card.pan)
    expect(
      rows.every(
        (row) => Buffer.isBuffer(row['pan_hash']) && Buffer.isBuffer(row['security_code_hash']),
      ),
    ).toBe(true)
  })
})
