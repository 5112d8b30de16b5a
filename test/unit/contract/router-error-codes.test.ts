import { describe, expect, it } from 'vitest'
import { CALL_NAMES, err, ok } from '@shared/contract'
import { createRouter, type CallHandlers } from '../../../src/main/rpc/router'
import { SessionRegistry } from '../../../src/main/rpc/session-registry'
import type { Logger } from '../../../src/platform/logging/logger'

function recordingLogger(): Logger & { errors: string[] } {
  const errors: string[] = []
  return { errors, info: () => {}, warn: () => {}, error: (message) => errors.push(message) }
}

/** Every call answers `answer`; the router is what is under test. */
function routerAnswering(answer: () => unknown, logger: Logger) {
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, answer])) as unknown as CallHandlers
  const sessions = new SessionRegistry(() => 300)
  sessions.start('admin', { userId: 1, displayName: 'Alex', role: 'admin' })
  return createRouter(handlers, sessions, logger)
}

describe('the router holds each call to the error codes its contract lists', () => {
  it('passes on a code the call lists', async () => {
    const logger = recordingLogger()
    const router = routerAnswering(() => err('CASH_SHORT', 'Short', { missing: 100 }), logger)
    expect(await router.dispatch('checkout.payCash', { orderId: 1, tendered: 100 }, 'admin')).toEqual({
      ok: false,
      error: { code: 'CASH_SHORT', message: 'Short', details: { missing: 100 } },
    })
    expect(logger.errors).toEqual([])
  })

  it('passes on a common code, which no call needs to list', async () => {
    const logger = recordingLogger()
    const router = routerAnswering(() => err('VALIDATION_FAILED', 'No', { fields: ['from'] }), logger)
    expect(await router.dispatch('dashboard.period', { from: '2026-01-01', to: '2026-01-31' }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
    expect(logger.errors).toEqual([])
  })

  it('answers INTERNAL and logs the breach when a handler answers a code its call does not list', async () => {
    const logger = recordingLogger()
    const router = routerAnswering(() => err('CARD_DECLINED', 'Declined'), logger)
    expect(await router.dispatch('checkout.payCash', { orderId: 1, tendered: 100 }, 'admin')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong; the action was not completed' },
    })
    expect(logger.errors).toEqual(['Call checkout.payCash answered CARD_DECLINED, a code its contract does not list'])
  })

  it('still answers values as before', async () => {
    const router = routerAnswering(() => ok([]), recordingLogger())
    expect(await router.dispatch('catalogue.categories', {}, 'admin')).toEqual({ ok: true, value: [] })
  })
})
