import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CALL_NAMES, contract, mayAnswer, type CallName } from '@shared/contract'
import { createApp, type ComptoirApp } from '../../../src/main/app/create-app'
import { DEMO_USERS } from '../../../src/main/seed/seed-demo-shop'
import { arbitraryCallInput } from '../../support/arbitrary-from-schema'
import { keepTestData } from '../../support/keep-test-data'

/**
 * Derived from the contract: every call, driven with random and malformed input by a cashier and
 * an administrator, answers only the codes its definition lists or the common ones. The router
 * turns any other code into INTERNAL and logs the breach; this test reads that log, so a handler
 * that starts answering a new code fails here until its call lists it.
 */
let app: ComptoirApp
let dataDir: string
const breaches: string[] = []

async function loginAs(role: 'cashier' | 'admin'): Promise<void> {
  const demo = DEMO_USERS.find((user) => user.role === role)!
  const users = await app.router.dispatch('auth.listUsers', {}, role)
  if (!users.ok) throw new Error(users.error.message)
  const user = (users.value as { id: number; displayName: string }[]).find((candidate) => candidate.displayName === demo.displayName)!
  const login = await app.router.dispatch('auth.login', { userId: user.id, pin: demo.pin }, role)
  if (!login.ok) throw new Error(login.error.message)
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'comptoir-codes-'))
  const quiet = () => {}
  app = createApp({
    dataDir,
    logger: {
      info: quiet,
      warn: quiet,
      error: (message) => {
        if (message.includes('a code its contract does not list')) breaches.push(message)
      },
    },
  })
  await loginAs('cashier')
  await loginAs('admin')
  // A cart with a line, so that the cart's and the checkout's calls get past "nothing there".
  const found = await app.router.dispatch('catalogue.search', { query: '', limit: 1 }, 'cashier')
  const [product] = found.ok ? (found.value as { id: number }[]) : []
  if (product) await app.router.dispatch('cart.addProduct', { productId: product.id, quantity: 1 }, 'cashier')
})
afterAll(async () => {
  app.close()
  if (!keepTestData()) rmSync(dataDir, { recursive: true, force: true })
})

/** Calls that end the session would make every later call of the run a login failure. */
const SESSION_ENDING: ReadonlySet<CallName> = new Set(['auth.logout', 'auth.login'])

describe('every call answers only the error codes its contract lists', () => {
  for (const name of CALL_NAMES) {
    it(`${name}: no undeclared code, whatever the input`, async () => {
      breaches.length = 0
      await fc.assert(
        fc.asyncProperty(arbitraryCallInput(contract[name].input), fc.constantFrom('cashier', 'admin'), async (input, client) => {
          const clientId = SESSION_ENDING.has(name) ? `${client}-throwaway` : client
          const answer = await app.router.dispatch(name, input, clientId)
          if (!answer.ok) expect(mayAnswer(name, answer.error.code), `${name} answered ${answer.error.code}`).toBe(true)
          expect(breaches).toEqual([])
        }),
        { numRuns: 150 },
      )
    }, 30_000) // users.create hashes each PIN with scrypt (~40 ms by design)
  }
})
