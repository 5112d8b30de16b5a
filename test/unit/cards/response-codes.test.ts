import { describe, expect, it } from 'vitest'
import { RESPONSE_CODES, RESPONSE_CODE_TABLE, describeResponseCode } from '@shared/cards'

describe('response codes for the cashier', () => {
  it('every code has a meaning and a message in French and English saying what to do', () => {
    for (const code of RESPONSE_CODES) {
      const info = RESPONSE_CODE_TABLE[code]
      expect(info.code).toBe(code)
      expect(info.meaning).not.toBe('')
      expect(info.cashierMessage.fr.length).toBeGreaterThan(10)
      expect(info.cashierMessage.en.length).toBeGreaterThan(10)
      expect(info.nextSteps.length).toBeGreaterThan(0)
    }
  })

  it('a refusal for funds offers another card or cash; a lost card says to call the issuer', () => {
    expect(RESPONSE_CODE_TABLE['51'].nextSteps).toEqual(['another-card', 'cash'])
    expect(RESPONSE_CODE_TABLE['41'].nextSteps).toContain('call-issuer')
    expect(RESPONSE_CODE_TABLE['00'].approved).toBe(true)
  })

  it('an unknown code reads as a refusal instead of breaking the till', () => {
    expect(describeResponseCode('Q9').meaning).toBe('unknown code Q9')
  })
})
