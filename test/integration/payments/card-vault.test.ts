import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createInProcessIssuerGateway } from '../../../src/main/payments/in-process-issuer-gateway'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import { CardVault, KeyFileKeyProvider } from '../../../src/main/payments/card-vault'
import { PaymentService } from '../../../src/main/payments/payment-service'
import {
  SafeStorageKeyProvider,
  type SafeStorageApi,
} from '../../../src/main/payments/safe-storage-key-provider'
import { openTestIssuer, removeTempFolders } from '../issuer/issuer-test-kit'
import { MERCHANT, openMerchantSide, type MerchantSide } from './payment-test-kit'

const CAMILLE = {
  pan: '4970101234567893',
  expiryMonth: 9,
  expiryYear: 2028,
  holderName: 'Camille Martin',
}

afterAll(removeTempFolders)

describe('the card vault', () => {
  let merchant: MerchantSide
  let keyFile: string
  let vault: CardVault

  beforeEach(async () => {
    merchant = openMerchantSide()
    keyFile = join(merchant.folder, 'keys', 'card-vault.key')
    vault = await CardVault.open(merchant.db, new KeyFileKeyProvider(keyFile))
  })
  afterEach(() => merchant.db.close())

  it('saves a card as a token showing only brand, BIN, last four, expiry and holder', () => {
    const saved = vault.save({ ...CAMILLE, coBadgedCb: true, consentAt: new Date() })
    expect(saved.ok && saved.value).toMatchObject({
      alreadySaved: false,
      card: {
        network: 'visa',
        coBadgedCb: true,
        bin: '497010',
        lastFour: '7893',
        masked: '4970 10•• •••• 7893',
        holderName: 'Camille Martin',
      },
    })
    expect(saved.ok && saved.value.card.token).toMatch(/^card_/)
  })

  it('a card saved twice is recognised by its keyed fingerprint', () => {
    const first = vault.save({ ...CAMILLE, consentAt: new Date() })
    const second = vault.save({ ...CAMILLE, holderName: 'C. Martin', consentAt: new Date() })
    expect(second.ok && second.value.alreadySaved).toBe(true)
    expect(second.ok && first.ok && second.value.card.token).toBe(
      first.ok && first.value.card.token,
    )
    expect(vault.list()).toHaveLength(1)
  })

  it('the number is unreadable in the database file; the key file is outside it, mode 0600', () => {
    vault.save({ ...CAMILLE, consentAt: new Date() })
    merchant.db.pragma('wal_checkpoint(TRUNCATE)')
    for (const name of readdirSync(merchant.folder).filter((file) =>
      file.startsWith('comptoir.sqlite'),
    )) {
      expect(readFileSync(join(merchant.folder, name)).toString('latin1')).not.toContain(
        CAMILLE.pan,
      )
    }
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
  })

  it('reads a card back for a payment only with the same key', async () => {
    const saved = vault.save({ ...CAMILLE, consentAt: new Date() })
    const token = saved.ok ? saved.value.card.token : ''
    const read = await vault.readForPayment(token)
    expect(read.ok && read.value).toEqual({
      pan: CAMILLE.pan,
      expiryMonth: 9,
      expiryYear: 2028,
      brand: 'visa',
    })
    const otherVault = await CardVault.open(
      merchant.db,
      new KeyFileKeyProvider(join(merchant.folder, 'other.key')),
    )
    expect((await otherVault.readForPayment(token)).ok).toBe(false)
  })

  it('a ciphertext moved to another row does not decrypt', async () => {
    const a = vault.save({ ...CAMILLE, consentAt: new Date() })
    const b = vault.save({
      pan: '5555555555554444',
      expiryMonth: 12,
      expiryYear: 2030,
      holderName: 'Test',
      consentAt: new Date(),
    })
    const [tokenA, tokenB] = [a.ok ? a.value.card.token : '', b.ok ? b.value.card.token : '']
    merchant.db
      .prepare(
        `UPDATE saved_cards SET (pan_ciphertext, pan_iv, pan_tag) =
        (SELECT pan_ciphertext, pan_iv, pan_tag FROM saved_cards WHERE token = ?) WHERE token = ?`,
      )
      .run(tokenB, tokenA)
    const read = await vault.readForPayment(tokenA)
    expect(!read.ok && read.error.code).toBe('INTERNAL')
  })

  it('refuses an expired or mistyped card, and forgets a card on request', () => {
    expect(vault.save({ ...CAMILLE, expiryYear: 2020, consentAt: new Date() }).ok).toBe(false)
    expect(vault.save({ ...CAMILLE, pan: '4970101234567894', consentAt: new Date() }).ok).toBe(
      false,
    )
    const saved = vault.save({ ...CAMILLE, consentAt: new Date() })
    expect(vault.remove(saved.ok ? saved.value.card.token : '').ok).toBe(true)
    expect(vault.list()).toEqual([])
  })
})

describe('paying with a saved card', () => {
  let issuer: IssuerInstance
  let merchant: MerchantSide

  beforeEach(() => {
    issuer = openTestIssuer()
    merchant = openMerchantSide()
  })
  afterEach(() => {
    issuer.close()
    merchant.db.close()
  })

  it('is a stored-credential transaction without security code, approved by the issuer', async () => {
    const vault = await CardVault.open(
      merchant.db,
      new KeyFileKeyProvider(join(merchant.folder, 'vault.key')),
    )
    const saved = vault.save({ ...CAMILLE, consentAt: new Date() })
    const gateway = createInProcessIssuerGateway(issuer.simulator)
    const sent: unknown[] = []
    const spying = {
      ...gateway,
      authorize: (
        request: Parameters<typeof gateway.authorize>[0],
        options?: Parameters<typeof gateway.authorize>[1],
      ) => {
        sent.push(request)
        return gateway.authorize(request, options)
      },
    }
    const service = new PaymentService({
      gateway: spying,
      attempts: merchant.attempts,
      merchant: MERCHANT,
      savedCards: vault,
      timeoutMs: 1_000,
    })
    const result = await service.authorizeSavedCard({
      token: saved.ok ? saved.value.card.token : '',
      amount: 3_999,
      idempotencyKey: PaymentService.newIdempotencyKey(),
    })
    expect(result.ok && result.value).toMatchObject({
      kind: 'approved',
      card: { lastFour: '7893' },
    })
    expect(sent[0]).toMatchObject({ entryMode: 'stored-credential' })
    expect(sent[0]).not.toHaveProperty('securityCode')
    expect(
      merchant.attempts.forIdempotencyKey((sent[0] as { idempotencyKey: string }).idempotencyKey)[0]
        ?.entryMode,
    ).toBe('stored-credential')
    service.close()
  })
})

function fakeSafeStorage(
  backend: ReturnType<SafeStorageApi['getSelectedStorageBackend']>,
  reEncrypt = false,
): SafeStorageApi & { wraps: number } {
  const mask = (text: Buffer) => Buffer.from(text.map((byte) => byte ^ 0x5a))
  const fake = {
    wraps: 0,
    isAsyncEncryptionAvailable: async () => true,
    encryptStringAsync: async (plain: string) => {
      fake.wraps++
      return mask(Buffer.from(plain, 'utf8'))
    },
    decryptStringAsync: async (encrypted: Buffer) => ({
      result: mask(encrypted).toString('utf8'),
      shouldReEncrypt: reEncrypt,
    }),
    getSelectedStorageBackend: () => backend,
  }
  return fake
}

describe('the data key wrapped by the operating system (safeStorage)', () => {
  let merchant: MerchantSide
  beforeEach(() => {
    merchant = openMerchantSide()
  })
  afterEach(() => merchant.db.close())

  it('keeps only the wrapped key on disk and gives the same key back', async () => {
    const file = join(merchant.folder, 'vault-key.wrapped')
    const provider = new SafeStorageKeyProvider(fakeSafeStorage('gnome_libsecret'), file, 'linux')
    const first = await provider.loadDataKey()
    const again = await provider.loadDataKey()
    expect(again).toEqual(first)
    expect(readFileSync(file).toString('base64')).not.toBe(first.key.toString('base64'))
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('says when the Linux store is basic_text, i.e. not really protected', async () => {
    const file = join(merchant.folder, 'k.wrapped')
    expect(
      await new SafeStorageKeyProvider(
        fakeSafeStorage('basic_text'),
        file,
        'linux',
      ).describeProtection(),
    ).toEqual({
      kind: 'os-secret-store',
      osBacked: false,
      backend: 'basic_text',
    })
    expect(
      (
        await new SafeStorageKeyProvider(
          fakeSafeStorage('kwallet6'),
          file,
          'linux',
        ).describeProtection()
      ).osBacked,
    ).toBe(true)
    expect(
      (
        await new SafeStorageKeyProvider(
          fakeSafeStorage('unknown'),
          file,
          'darwin',
        ).describeProtection()
      ).osBacked,
    ).toBe(true)
    expect((await new KeyFileKeyProvider(file).describeProtection()).osBacked).toBe(false)
  })

  it('re-wraps the key when the store asks for it', async () => {
    const storage = fakeSafeStorage('gnome_libsecret', true)
    const provider = new SafeStorageKeyProvider(
      storage,
      join(merchant.folder, 'k2.wrapped'),
      'linux',
    )
    await provider.loadDataKey()
    expect(storage.wraps).toBe(2)
  })
})
