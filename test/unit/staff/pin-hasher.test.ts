// The PIN hasher's rules, one by one (issue 20: each fails under a mutant of src/main/staff/pin-hasher.ts).
import { randomBytes, scryptSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPin, needsUpgrade, verifyPin, type PinPepper } from '../../../src/main/staff/pin-hasher'

const pepper: PinPepper = { id: 'pepper-a', key: Buffer.alloc(32, 1) }
const otherPepper: PinPepper = { id: 'pepper-b', key: Buffer.alloc(32, 2) }
const salt = Buffer.alloc(16, 7)

/** A hash as stored before the pepper existed: salted scrypt of the PIN alone. */
const beforeThePepper = (pin: string) => ({
  salt,
  hash: scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 }),
  pepperId: null,
})

describe('PIN hashes', () => {
  it('the right PIN matches its hash, a wrong one does not', () => {
    const stored = hashPin('1234', pepper, salt)
    expect(verifyPin('1234', stored, pepper)).toBe(true)
    expect(verifyPin('1235', stored, pepper)).toBe(false)
  })

  it('a hash made under another pepper never matches, even the right PIN', () => {
    expect(verifyPin('1234', hashPin('1234', otherPepper, salt), pepper)).toBe(false)
  })

  it('the pepper is part of the hash: the same PIN and salt hash differently under another pepper, or none', () => {
    const peppered = hashPin('1234', pepper, salt).hash
    expect(peppered.equals(hashPin('1234', otherPepper, salt).hash)).toBe(false)
    expect(peppered.equals(beforeThePepper('1234').hash)).toBe(false)
  })

  it('a hash made before the pepper still lets the right PIN in, and is to be upgraded', () => {
    expect(verifyPin('1234', beforeThePepper('1234'), pepper)).toBe(true)
    expect(verifyPin('9999', beforeThePepper('1234'), pepper)).toBe(false)
    expect(needsUpgrade(beforeThePepper('1234'), pepper)).toBe(true)
  })

  it('a hash under the current pepper needs no upgrade; one under another pepper does', () => {
    expect(needsUpgrade(hashPin('1234', pepper, salt), pepper)).toBe(false)
    expect(needsUpgrade(hashPin('1234', otherPepper, salt), pepper)).toBe(true)
  })

  it('a damaged stored hash of another length is refused, not a crash', () => {
    const damaged = { ...hashPin('1234', pepper, salt), hash: randomBytes(16) }
    expect(verifyPin('1234', damaged, pepper)).toBe(false)
  })

  it('each new hash gets its own 16-byte salt, so the same PIN never hashes the same twice', () => {
    const first = hashPin('1234', pepper)
    const second = hashPin('1234', pepper)
    expect(first.salt).toHaveLength(16)
    expect(first.salt.equals(second.salt)).toBe(false)
    expect(first.hash.equals(second.hash)).toBe(false)
    expect(first.pepperId).toBe('pepper-a')
  })
})
