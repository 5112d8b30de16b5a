import { describe, expect, it } from 'vitest'
import {
  ADMINISTRATION_ERROR_CODES,
  CALL_NAMES,
  COMMON_ERROR_CODES,
  ERROR_CODES,
  ERRORS,
  PRICING_ERROR_CODES,
  contract,
  defineCall,
  emptyInputSchema,
  err,
  mayAnswer,
  type CallResult,
  type ErrorCode,
  type InternalErrorCode,
} from '@shared/contract'
import type { IssuerRejectionCode } from '@shared/issuer-protocol/issuer-protocol'

const listedByCalls = new Set<string>(CALL_NAMES.flatMap((name) => [...contract[name].errors]))

describe('the registry of error codes', () => {
  it.each(ERROR_CODES)('%s has a French and an English sentence, plain text for vue-i18n', (code) => {
    for (const message of [ERRORS[code].fr, ERRORS[code].en]) {
      expect(message.trim()).not.toBe('')
      // vue-i18n reads {…}, @, | and $ as syntax: a registry sentence is shown as it is written.
      expect(message).not.toMatch(/[{}@|$]/)
    }
    expect(ERRORS[code].fr).not.toBe(ERRORS[code].en)
  })

  it('every code a call may list is listed by at least one call', () => {
    const unused = ERROR_CODES.filter((code) => ERRORS[code].scope === 'call' && !listedByCalls.has(code))
    expect(unused).toEqual([])
  })

  it('no call lists a common code, a renderer-only code or a code that stays between the till and the issuer', () => {
    const misplaced = [...listedByCalls].filter((code) => ERRORS[code as ErrorCode]?.scope !== 'call')
    expect(misplaced).toEqual([])
  })

  it.each(CALL_NAMES)('%s lists each of its codes once', (name) => {
    const codes = contract[name].errors
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('the common codes are those the router and the transports answer for any call', () => {
    expect([...COMMON_ERROR_CODES].sort()).toEqual(
      ['FISCAL_PERIOD_CLOSED', 'FORBIDDEN', 'INTERNAL', 'NETWORK', 'REQUEST_TOO_LARGE', 'UNAUTHENTICATED', 'UNKNOWN_CALL', 'VALIDATION_FAILED'].sort(),
    )
  })

  it('the pricing and administration codes are codes of the registry that calls list', () => {
    for (const code of [...PRICING_ERROR_CODES, ...Object.values(ADMINISTRATION_ERROR_CODES)]) {
      expect(ERRORS[code].scope, code).toBe('call')
      expect(listedByCalls.has(code), code).toBe(true)
    }
  })

  it('a call may answer its own codes and the common ones, and nothing else', () => {
    expect(mayAnswer('checkout.payCash', 'CASH_SHORT')).toBe(true)
    expect(mayAnswer('checkout.payCash', 'VALIDATION_FAILED')).toBe(true)
    expect(mayAnswer('checkout.payCash', 'CARD_DECLINED')).toBe(false)
    expect(mayAnswer('cart.get', 'NOT_FOUND')).toBe(false)
  })

  it('TypeScript refuses a code outside the registry, a common code in a call, and a code the call does not answer', () => {
    // @ts-expect-error: there is no open string; a new code goes in the registry first.
    err('MADE_UP', 'nope')
    defineCall({
      summary: 'a call that lists a common code',
      role: 'staff',
      input: emptyInputSchema,
      output: emptyInputSchema,
      // @ts-expect-error: VALIDATION_FAILED is common to every call, never listed
      errors: ['VALIDATION_FAILED'],
    })
    const answer = { ok: false, error: { code: 'CASH_SHORT', message: '' } } as CallResult<'checkout.payCash'>
    // @ts-expect-error: a cash payment never answers CARD_DECLINED, so the renderer cannot wait for it
    if (!answer.ok && answer.error.code === 'CARD_DECLINED') expect.unreachable()
    // The issuer's protocol refusals are codes of the registry, kept between the till and the issuer.
    const rejection: IssuerRejectionCode = 'MALFORMED_REQUEST'
    const internal: InternalErrorCode = rejection
    expect(ERRORS[internal].scope).toBe('internal')
  })
})
