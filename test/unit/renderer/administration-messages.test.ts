import { describe, expect, it } from 'vitest'
import { summarizeAuditDetails } from '@renderer/administration/audit-details'
import { fieldIssues } from '@renderer/administration/validation-issues'
import { administrationEn } from '@renderer/i18n/administration-en'
import { administrationFr } from '@renderer/i18n/administration-fr'
import { KNOWN_AUDIT_ACTIONS, ADMINISTRATION_ERROR_CODES } from '@shared/contract'

describe('main’s VALIDATION_FAILED issues land on the fields they name', () => {
  it('keys each issue by its dotted path, first message wins', () => {
    const error = {
      code: 'VALIDATION_FAILED',
      message: 'These pricing settings are not valid',
      details: [
        { code: 'too_small', path: ['delivery', 'bands', 'FR', 'standard', 2, 'fee'], message: 'Too small' },
        { code: 'custom', path: ['delivery', 'bands', 'EU', 'express'], message: 'Weight bands must go up in weight' },
        { code: 'too_small', path: ['inactivityLockSeconds'], message: 'first' },
        { code: 'too_small', path: ['inactivityLockSeconds'], message: 'second' },
      ],
    }
    expect(fieldIssues(error)).toEqual({
      'delivery.bands.FR.standard.2.fee': 'Too small',
      'delivery.bands.EU.express': 'Weight bands must go up in weight',
      inactivityLockSeconds: 'first',
    })
  })

  it('names no field for other errors or shapes it does not know', () => {
    expect(fieldIssues(null)).toEqual({})
    expect(fieldIssues({ code: 'FORBIDDEN', message: 'no', details: [{ path: ['x'], message: 'y' }] })).toEqual({})
    expect(fieldIssues({ code: 'VALIDATION_FAILED', message: 'no', details: { fields: [] } })).toEqual({})
  })
})

describe('an audit entry’s details in one line', () => {
  it('a settings change names only what changed, before → after', () => {
    const details = {
      before: { inactivityLockSeconds: 300, maxFailedPins: 5, shopName: 'Comptoir' },
      after: { inactivityLockSeconds: 600, maxFailedPins: 5, shopName: 'Comptoir' },
    }
    expect(summarizeAuditDetails(details)).toEqual([{ key: 'inactivityLockSeconds', before: '300', after: '600' }])
  })

  it('a nested change is named, not dumped', () => {
    const details = { before: { delivery: { a: 1 } }, after: { delivery: { a: 2 } } }
    expect(summarizeAuditDetails(details)).toEqual([{ key: 'delivery', before: undefined, after: undefined }])
  })

  it('a creation (nothing before) lists what was created', () => {
    const details = { before: null, after: { code: 'ETE', value: 1000 } }
    expect(summarizeAuditDetails(details)).toEqual([
      { key: 'code', value: 'ETE' },
      { key: 'value', value: '1000' },
    ])
  })

  it('plain details list their values', () => {
    expect(summarizeAuditDetails({ tillId: 'TILL-01' })).toEqual([{ key: 'tillId', value: 'TILL-01' }])
    expect(summarizeAuditDetails(null)).toEqual([])
  })
})

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) => keysOf(inner, prefix ? `${prefix}.${key}` : key))
}

describe('the administration screens speak both languages', () => {
  it('English has exactly the French keys', () => {
    expect(keysOf(administrationEn).sort()).toEqual(keysOf(administrationFr).sort())
  })

  it('every audit action main records and every administration error code has words', () => {
    const actions = new Set(keysOf(administrationFr.audit.actions))
    for (const action of KNOWN_AUDIT_ACTIONS) expect(actions.has(action), action).toBe(true)
    for (const code of Object.values(ADMINISTRATION_ERROR_CODES)) expect(code in administrationFr.errors, code).toBe(true)
  })
})
