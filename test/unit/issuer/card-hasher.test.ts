import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { CardHasher, loadOrCreateHmacKey } from '../../../src/issuer/card-hasher'
import { keepTestData } from '../../support/keep-test-data'

// Issue 20: what the mutation run of card-hasher.ts found untested.

/** Lets a test play another process: the key file appears between the check and the write. */
const race = vi.hoisted(() => ({ fileAppears: false, writeError: null as string | null }))
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>()
  return {
    ...fs,
    existsSync: (path: string) => (race.fileAppears ? false : fs.existsSync(path)),
    writeFileSync: (...args: Parameters<typeof fs.writeFileSync>) => {
      if (race.writeError) throw Object.assign(new Error(race.writeError), { code: race.writeError })
      return fs.writeFileSync(...args)
    },
  }
})

const folder = mkdtempSync(join(tmpdir(), 'comptoir-card-hasher-'))
afterAll(() => {
  if (!keepTestData()) rmSync(folder, { recursive: true, force: true })
})

describe('the issuer keyed hashes', () => {
  const hasher = new CardHasher(Buffer.alloc(32, 7))

  it('are stable across versions: a stored card, code or idempotency request still matches after an upgrade', () => {
    // Computed once with this key; a change of purpose label or separator makes every stored
    // card unknown and every replayed request a reused key.
    expect(hasher.panHash('4242424242424242').toString('hex')).toBe(
      'e4b91630d901d703f3c48e06a38f168ac9fead59bcee1a89bb018f2085733b2a',
    )
    expect(hasher.securityCodeHash('4242424242424242', '123').toString('hex')).toBe(
      '53d38345caa98b12677fede5cf408e54709e92f25da557e0de298f4dcd876d2b',
    )
    expect(hasher.requestHash(['COMPTOIR0001', 'TILL01', 1000, 'EUR']).toString('hex')).toBe(
      '18f74c2ed8d59dc75e84a017defa223a87cdd0700c9882a16f3841bc3e06e907',
    )
  })
})

describe('the issuer key file', () => {
  it('is made once and read back the same', () => {
    const file = join(folder, 'once', 'issuer-hmac.key')
    const key = loadOrCreateHmacKey(file)
    expect(key).toHaveLength(32)
    expect(loadOrCreateHmacKey(file).equals(key)).toBe(true)
  })

  it('made by another process between the check and the write is read, not overwritten nor refused', () => {
    const file = join(folder, 'race', 'issuer-hmac.key')
    const theirs = loadOrCreateHmacKey(file)
    race.fileAppears = true
    try {
      expect(loadOrCreateHmacKey(file).equals(theirs)).toBe(true)
    } finally {
      race.fileAppears = false
    }
  })

  it('that cannot be written reports why (a full disk), not a later missing file', () => {
    race.writeError = 'ENOSPC'
    try {
      expect(() => loadOrCreateHmacKey(join(folder, 'full', 'issuer-hmac.key'))).toThrow(
        expect.objectContaining({ code: 'ENOSPC' }),
      )
    } finally {
      race.writeError = null
    }
  })

  it('left readable by others (copied, restored from a backup) is made owner-only again when read', () => {
    const file = join(folder, 'loose', 'issuer-hmac.key')
    loadOrCreateHmacKey(file)
    chmodSync(file, 0o644)
    loadOrCreateHmacKey(file)
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('holding anything but a 32-byte key is refused: hashes under a short key could be brute-forced', () => {
    const file = join(folder, 'short', 'issuer-hmac.key')
    loadOrCreateHmacKey(file)
    writeFileSync(file, Buffer.alloc(16, 1).toString('base64'))
    expect(() => loadOrCreateHmacKey(file)).toThrow(/not a 32-byte key/)
    expect(readFileSync(file, 'utf8')).toBe(Buffer.alloc(16, 1).toString('base64'))
  })
})
