import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, contract, type CallName } from '@shared/contract'
import { arbitraryCallInput } from '../../support/arbitrary-from-schema'
import { createTempApp, type TempApp } from '../../support/temp-app'

/**
 * Derived from the contract: every call, including those later issues add, receives thousands of
 * random and malformed inputs from an anonymous client, a cashier and an administrator. Each answer
 * must be a normal answer or a clear error, never a crash.
 */
let subject: TempApp
const CLIENTS = ['anonymous', 'cashier', 'admin'] as const

beforeAll(async () => {
  subject = createTempApp()
  await subject.loginAs('cashier', 'cashier')
  await subject.loginAs('admin', 'admin')
})
afterAll(() => subject.dispose())

function expectWellFormedAnswer(answer: unknown): void {
  expect(answer).toBeTypeOf('object')
  const result = answer as { ok: boolean; value?: unknown; error?: { code: unknown; message: unknown } }
  if (result.ok) {
    expect(result).toHaveProperty('value')
  } else {
    expect(result.error?.code).toBeTypeOf('string')
    expect(result.error?.message).toBeTypeOf('string')
    expect(result.error?.code).not.toBe('INTERNAL')
  }
}

/** Calls that end the session would make every later call of the run a login failure. */
const SESSION_ENDING: ReadonlySet<CallName> = new Set(['auth.logout', 'auth.login'])

describe('every call of the contract withstands random and malformed input', () => {
  for (const name of CALL_NAMES) {
    it(`${name}: answers a value or a clear error, whoever asks`, async () => {
      await fc.assert(
        fc.asyncProperty(arbitraryCallInput(contract[name].input), fc.constantFrom(...CLIENTS), async (input, client) => {
          const clientId = SESSION_ENDING.has(name) ? `${client}-throwaway` : client
          expectWellFormedAnswer(await subject.app.router.dispatch(name, input, clientId))
        }),
        { numRuns: 400 },
      )
    }, 30_000) // users.create hashes each PIN with scrypt (~40 ms by design)
  }

  it('unknown call names are answered UNKNOWN_CALL', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (name) => {
        fc.pre(!Object.hasOwn(contract, name))
        const answer = await subject.app.router.dispatch(name, {}, 'admin')
        expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } })
      }),
      { numRuns: 300 },
    )
  })

  it('leaves a database that passes SQLite integrity and foreign-key checks', () => {
    expect(subject.app.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(subject.app.db.pragma('foreign_key_check')).toEqual([])
  })
})
