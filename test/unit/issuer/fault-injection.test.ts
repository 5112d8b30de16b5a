import { describe, expect, it } from 'vitest'
import {
  NO_FAULTS,
  drawFault,
  validateFaultSettings,
} from '../../../src/issuer/fault-injection'

describe('fault injection', () => {
  it('draws 91 and 96 in the configured shares', () => {
    const settings = { ...NO_FAULTS, share91: 0.2, share96: 0.3 }
    expect(drawFault(settings, 'authorization', () => 0.1)).toEqual({ kind: 'code', code: '91' })
    expect(drawFault(settings, 'authorization', () => 0.4)).toEqual({ kind: 'code', code: '96' })
    expect(drawFault(settings, 'authorization', () => 0.6)).toEqual({ kind: 'none' })
  })

  it('stays silent only for the messages it applies to', () => {
    const settings = { ...NO_FAULTS, silentShare: 1, appliesTo: ['authorization' as const] }
    expect(drawFault(settings, 'authorization', () => 0.5)).toEqual({ kind: 'silence' })
    expect(drawFault(settings, 'reversal', () => 0.5)).toEqual({ kind: 'none' })
  })

  it('refuses shares outside 0..1', () => {
    expect(() => validateFaultSettings({ ...NO_FAULTS, share91: 0.7, share96: 0.5 })).toThrow()
    expect(() => validateFaultSettings({ ...NO_FAULTS, silentShare: -1 })).toThrow()
  })
})

describe('fault overrides per message', () => {
  it('a silent authorization can be followed by reversals answered 91', () => {
    const settings = {
      ...NO_FAULTS,
      silentShare: 1,
      overrides: { reversal: { silentShare: 0, share91: 1 } },
    }
    expect(drawFault(settings, 'authorization', () => 0.5)).toEqual({ kind: 'silence' })
    expect(drawFault(settings, 'reversal', () => 0.5)).toEqual({ kind: 'code', code: '91' })
  })
})
