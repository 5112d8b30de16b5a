import { describe, expect, it } from 'vitest'
import { promotionState } from '@renderer/back-office/promotion-state'

const NOEL = { active: true, validFrom: '2025-12-01T00:00:00+01:00', validUntil: '2026-01-01T00:00:00+01:00', usageLimit: null, timesUsed: 3 }

describe('the state a promotion code shows in the settings', () => {
  it('an expired code reads expired, not active, though nobody switched it off', () => {
    expect(promotionState(NOEL, new Date('2026-12-07T10:00:00Z'))).toBe('expired')
  })

  it('the window is open from its first instant and closed at its end instant, as pricing reads it', () => {
    expect(promotionState(NOEL, new Date('2025-11-30T22:59:59.999Z'))).toBe('not-yet-valid')
    expect(promotionState(NOEL, new Date('2025-11-30T23:00:00Z'))).toBe('active')
    expect(promotionState(NOEL, new Date('2025-12-31T22:59:59.999Z'))).toBe('active')
    expect(promotionState(NOEL, new Date('2025-12-31T23:00:00Z'))).toBe('expired')
  })

  it('a code switched off is disabled whatever its dates; a code at its limit is used up', () => {
    expect(promotionState({ ...NOEL, active: false }, new Date('2025-12-10T10:00:00Z'))).toBe('disabled')
    expect(promotionState({ ...NOEL, usageLimit: 3 }, new Date('2025-12-10T10:00:00Z'))).toBe('used-up')
    expect(promotionState({ ...NOEL, usageLimit: 4 }, new Date('2025-12-10T10:00:00Z'))).toBe('active')
  })

  it('a code without dates is active', () => {
    expect(promotionState({ ...NOEL, validFrom: null, validUntil: null }, new Date())).toBe('active')
  })
})
