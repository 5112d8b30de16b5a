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

describe('a decline message says only what to do next', () => {
  // The till shows the title ("Paiement refusé"), the meaning and the card-retention advice itself.
  it('no message repeats the refusal, the card-retention advice or one of its own sentences', () => {
    for (const code of RESPONSE_CODES) {
      for (const text of Object.values(RESPONSE_CODE_TABLE[code].cashierMessage)) {
        expect(text, code).not.toMatch(/refus|declined|refused/i)
        expect(text, code).not.toMatch(/ne rendez pas|keep the card|conservez/i)
        const sentences = text.split(/[.;:]\s*/).map((sentence) => sentence.trim().toLowerCase()).filter(Boolean)
        expect(new Set(sentences).size, code).toBe(sentences.length)
      }
    }
  })

  it('lost and stolen cards ask to call the issuer once', () => {
    for (const code of ['41', '43'] as const) {
      expect(RESPONSE_CODE_TABLE[code].cashierMessage.fr.match(/banque/g)).toHaveLength(1)
      expect(RESPONSE_CODE_TABLE[code].nextSteps).toEqual(['retain-card', 'call-issuer'])
    }
  })
})
