import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, contract, type CallName } from '@shared/contract'
import { arbitraryCallInput } from '../../support/arbitrary-from-schema'
import { createTempApp, type TempApp } from '../../support/temp-app'

/**
 * Derived from the contract: every call, including those later issues add, receives thousands of
 * random and malformed inputs from an anonymous client, a cashier and an administrator. Each answer
 * must be a normal answer or a clear error, never a crash; and every call must have run its
 * handler on some of them, not only answered "not valid" or "log in" (a fuzzed user change can
 * end the cashier's or the administrator's session: the test logs in again before the next call).
 * The seed is printed on failure; FUZZ_SEED=<seed> replays a run.
 */
let subject: TempApp
const CLIENTS = ['anonymous', 'cashier', 'admin'] as const
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))

/**
 * Whether the router hands this input to the call's handler: the input passes the call's schema
 * and the client holds the role the call needs (the router's own checks, made before the handler).
 */
function reachesHandler(name: CallName, input: unknown, client: (typeof CLIENTS)[number]): boolean {
  const definition = contract[name]
  if (!definition.input.safeParse(input ?? {}).success) return false
  if (definition.role === 'none') return true
  return client === 'admin' || (client === 'cashier' && definition.role !== 'admin')
}

beforeAll(async () => {
  subject = createTempApp()
  await subject.loginAs('cashier', 'cashier')
  await subject.loginAs('admin', 'admin')
})
afterAll(() => subject.dispose())

/**
 * Logs the staff client in again when a fuzzed call ended its session (a role change, a
 * deactivation, a shorter lock delay). When the demo user can no longer log in with its PIN (a
 * fuzzed PIN reset, a deactivation), the session is opened for the first active user of the role,
 * or the demo user itself, as the login would have.
 */
async function ensureLoggedIn(client: (typeof CLIENTS)[number]): Promise<void> {
  if (client === 'anonymous') return
  const session = subject.app.sessions.touch(client)
  if (session?.role === client) return
  subject.app.sessions.end(client)
  try {
    await subject.loginAs(client, client)
    if (subject.app.sessions.touch(client)?.role === client) return
  } catch {
    // The demo user's PIN or state changed: open the session below.
  }
  const user = subject.app.db
    .prepare<[string], { id: number; display_name: string }>(
      'SELECT id, display_name FROM users WHERE role = ? ORDER BY active DESC, id LIMIT 1',
    )
    .get(client)
  if (!user) throw new Error(`no ${client} left to log in as`)
  subject.app.sessions.start(client, { userId: user.id, displayName: user.display_name, role: client })
}

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
    it(`${name}: answers a value or a clear error, whoever asks, and runs its handler on some inputs`, async () => {
      let reachedHandler = 0
      await fc.assert(
        fc.asyncProperty(arbitraryCallInput(contract[name].input), fc.constantFrom(...CLIENTS), async (input, client) => {
          const clientId = SESSION_ENDING.has(name) ? `${client}-throwaway` : client
          if (SESSION_ENDING.has(name) && client !== 'anonymous') {
            const session = subject.app.sessions.touch(client)
            if (session) subject.app.sessions.start(clientId, session)
          } else {
            await ensureLoggedIn(client)
          }
          if (reachesHandler(name, input, client)) reachedHandler++
          expectWellFormedAnswer(await subject.app.router.dispatch(name, input, clientId))
        }),
        { numRuns: 400, seed: SEED },
      )
      expect(reachedHandler, `no input reached the handler of ${name} (seed ${SEED})`).toBeGreaterThan(0)
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
