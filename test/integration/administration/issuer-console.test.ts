import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp } from '../../../src/main/app/create-app'
import { createLogger } from '../../../src/platform/logging/logger'
import { PaymentService } from '../../../src/main/payments/payment-service'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { keepTestData } from '../../support/keep-test-data'

const VISA = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123' }
const VISA_PAN = '4242424242424242'

let subject: TempApp | null = null
afterEach(() => {
  subject?.dispose()
  subject = null
})

async function adminApp(): Promise<TempApp> {
  const app = createTempApp()
  subject = app
  await app.loginAs('admin', 'admin')
  return app
}

async function account(lastFour: string) {
  const accounts = await subject!.value('issuer.accounts', {}, 'admin')
  return accounts.find((candidate) => candidate.lastFour === lastFour)!
}

describe('the issuer console, the simulator’s own screens', () => {
  it('lists each cardholder account by its last four digits only, with funds, holds and limits', async () => {
    await adminApp()
    const accounts = await subject!.value('issuer.accounts', {}, 'admin')
    expect(JSON.stringify(accounts)).not.toContain(VISA_PAN)
    expect(await account('4242')).toMatchObject({
      maskedCard: '•••• 4242',
      holderName: 'Test Visa',
      kind: 'credit',
      status: 'active',
      creditLimit: 500_000,
      balance: 0,
      held: 0,
      openHolds: 0,
      available: 500_000,
    })
  })

  it('an approved payment shows as an open hold and lowers the available funds', async () => {
    await adminApp()
    const paid = await subject!.app.payments.authorizeCard({
      card: VISA,
      amount: 2_590,
      idempotencyKey: PaymentService.newIdempotencyKey(),
    })
    expect(paid.ok && paid.value.kind).toBe('approved')
    expect(await account('4242')).toMatchObject({
      held: 2_590,
      openHolds: 1,
      available: 500_000 - 2_590,
    })
  })

  it('changing a balance changes the available funds and adds an adjustment to the journal', async () => {
    await adminApp()
    const debit = await account('4444')
    const changed = await subject!.value(
      'issuer.updateAccount',
      { accountId: debit.id, balance: debit.balance - 100_000 },
      'admin',
    )
    expect(changed.available).toBe(debit.available - 100_000)
    const journal = await subject!.value('issuer.journal', { accountId: debit.id }, 'admin')
    expect(journal.entries[0]).toMatchObject({
      movement: 'adjustment',
      balanceDelta: -100_000,
      amount: 100_000,
      heldDelta: 0,
    })
    expect(journal.entries.at(-1)).toMatchObject({ movement: 'opening' })
    expect(subject!.app.issuer.simulator.fundsForCard('5555555555554444')).toMatchObject({
      balance: changed.balance,
      fromJournal: { balance: changed.balance, held: 0 },
    })
  })

  it('limit, expiry and status changes take effect on the next authorization', async () => {
    await adminApp()
    const visa = await account('4242')
    await subject!.value(
      'issuer.updateAccount',
      { accountId: visa.id, status: 'blocked', expiryYear: 2031 },
      'admin',
    )
    expect(await account('4242')).toMatchObject({ status: 'blocked', expiryYear: 2031 })
    const paid = await subject!.app.payments.authorizeCard({
      card: VISA,
      amount: 1_000,
      idempotencyKey: PaymentService.newIdempotencyKey(),
    })
    expect(paid.ok && paid.value.kind).toBe('declined')
    expect(
      await subject!.call(
        'issuer.updateAccount',
        { accountId: visa.id, overdraft: 10_000 },
        'admin',
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'ACCOUNT_CHANGE_REFUSED' },
    })
  })

  it('the journal pages newest first', async () => {
    await adminApp()
    const visa = await account('4242')
    for (const balance of [100, 200, 300, 400, 500]) {
      await subject!.value('issuer.updateAccount', { accountId: visa.id, balance }, 'admin')
    }
    const first = await subject!.value('issuer.journal', { accountId: visa.id, limit: 3 }, 'admin')
    const second = await subject!.value(
      'issuer.journal',
      { accountId: visa.id, limit: 3, cursor: first.nextCursor! },
      'admin',
    )
    expect([...first.entries, ...second.entries].map((entry) => entry.balanceDelta)).toEqual([
      100, 100, 100, 100, 100,
    ])
    expect(second.nextCursor).toBeNull()
    expect(await subject!.call('issuer.journal', { accountId: 9999 }, 'admin')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('fault settings are read back as set', async () => {
    await adminApp()
    const faults = { latencyMs: 20, share91: 0.25, share96: 0.25, silentShare: 0.1 }
    expect(await subject!.value('issuer.setFaults', faults, 'admin')).toEqual(faults)
    expect(await subject!.value('issuer.faults', {}, 'admin')).toEqual(faults)
    expect(
      await subject!.call('issuer.setFaults', { ...faults, share91: 0.8 }, 'admin'),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    })
  })
})

describe('a silent issuer set from the console', () => {
  it('makes an authorization time out after the issuer timeout set in the shop settings, no restart needed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-admin-'))
    const app = createApp({
      dataDir,
      logger: createLogger(join(dataDir, 'logs', 'comptoir.log'), { quiet: true }),
      reversalRetry: { callTimeoutMs: 100, initialDelayMs: 10, maxDelayMs: 50 },
    })
    try {
      const users = await app.router.dispatch('auth.listUsers', {}, 'admin')
      const alex = (
        users.ok ? (users.value as Array<{ id: number; displayName: string }>) : []
      ).find((user) => user.displayName.startsWith('Alex'))!
      await app.router.dispatch('auth.login', { userId: alex.id, pin: '4321' }, 'admin')
      expect(
        (await app.router.dispatch('settings.updateShop', { issuerTimeoutSeconds: 1 }, 'admin')).ok,
      ).toBe(true)
      const faults = { latencyMs: 0, share91: 0, share96: 0, silentShare: 1 }
      expect((await app.router.dispatch('issuer.setFaults', faults, 'admin')).ok).toBe(true)

      // The wait the payment gives the issuer, read from the settings at each payment; the test
      // records it and lets it run out at once rather than timing a real second.
      const realTimeout = AbortSignal.timeout.bind(AbortSignal)
      const waits = vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => realTimeout(1))
      const pay = () => app.payments.authorizeCard({ card: VISA, amount: 1_500, idempotencyKey: PaymentService.newIdempotencyKey() })
      try {
        const paid = await pay()
        expect(paid.ok && paid.value.kind).toBe('timed-out')
        expect(waits.mock.calls[0]).toEqual([1_000])
        expect((await app.router.dispatch('settings.updateShop', { issuerTimeoutSeconds: 3 }, 'admin')).ok).toBe(true)
        waits.mockClear()
        const again = await pay()
        expect(again.ok && again.value.kind).toBe('timed-out')
        expect(waits.mock.calls[0]).toEqual([3_000])
      } finally {
        waits.mockRestore()
      }
    } finally {
      app.close()
      if (!keepTestData()) rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
