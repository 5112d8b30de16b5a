import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { administrationCalls, type CallInput } from '@shared/contract'
import { createTempApp, type TempApp } from '../../support/temp-app'

type AdministrationCall = keyof typeof administrationCalls

/** A valid input for every administration call: TypeScript refuses a call left out. */
const VALID_INPUTS: { [N in AdministrationCall]: CallInput<N> } = {
  'audit.list': {},
  'audit.verify': {},
  'users.create': { displayName: 'Nouvelle Recrue', role: 'admin', pin: '5555' },
  'users.changeRole': { userId: 1, role: 'admin' },
  'users.resetPin': { userId: 3, pin: '0000' },
  'users.deactivate': { userId: 3 },
  'users.reactivate': { userId: 1 },
  'settings.get': {},
  'settings.updateShop': { inactivityLockSeconds: 30 },
  'settings.updateIdentity': { name: 'Autre boutique' },
  'settings.updatePricing': { priceMode: 'HT' },
  'settings.addVatRate': {
    category: 'standard',
    rateBasisPoints: 2100,
    effectiveFrom: '2099-01-01T00:00:00+01:00',
  },
  'settings.savePromotion': { code: 'TOUT50', type: 'percent', value: 5000 },
  'settings.deactivatePromotion': { code: 'BIENVENUE10' },
  'issuer.accounts': {},
  'issuer.journal': { accountId: 1 },
  'issuer.updateAccount': { accountId: 1, balance: 0 },
  'issuer.faults': {},
  'issuer.setFaults': { latencyMs: 0, share91: 1, share96: 0, silentShare: 0 },
}

let subject: TempApp
beforeAll(async () => {
  subject = createTempApp()
  await subject.loginAs('cashier', 'cashier')
})
afterAll(() => subject.dispose())

describe('administration is for administrators only, checked in main', () => {
  for (const name of Object.keys(administrationCalls) as AdministrationCall[]) {
    it(`${name}: a cashier is refused FORBIDDEN and nobody logged in UNAUTHENTICATED`, async () => {
      const input = VALID_INPUTS[name] as never
      expect(await subject.call(name, input, 'cashier')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await subject.call(name, input, 'nobody')).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      })
    })
  }

  it('the role is checked before the input: a refused caller learns nothing of what the call expects', async () => {
    for (const name of Object.keys(administrationCalls) as AdministrationCall[]) {
      const malformed = { userId: 'x'.repeat(40), pin: 12, code: [], accountId: -1, unexpected: true } as never
      for (const [clientId, code] of [['cashier', 'FORBIDDEN'], ['nobody', 'UNAUTHENTICATED']] as const) {
        const answer = await subject.call(name, malformed, clientId)
        expect(answer).toMatchObject({ ok: false, error: { code } })
        expect(answer.ok ? undefined : answer.error).not.toHaveProperty('details')
      }
    }
  })

  it('nothing a cashier tried changed anything: the audit log holds only their login', async () => {
    await subject.loginAs('admin', 'admin')
    const { entries } = await subject.value('audit.list', {}, 'admin')
    expect(entries.map((entry) => entry.action).sort()).toEqual(['auth.login', 'auth.login'])
    expect((await subject.value('issuer.faults', {}, 'admin')).share91).toBe(0)
  })
})
