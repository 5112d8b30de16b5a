import { request } from 'node:https'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  ensureIssuerTlsMaterial,
  type IssuerTlsMaterial,
} from '../../../src/issuer/issuer-certificates'
import { createHttpsIssuerGateway } from '../../../src/main/payments/https-issuer-gateway'
import {
  startIssuerHttpsServer,
  type IssuerHttpsServer,
} from '../../../src/issuer/issuer-https-server'
import type { IssuerInstance } from '../../../src/issuer/open-issuer'
import { PaymentService } from '../../../src/main/payments/payment-service'
import { MERCHANT, VISA, openMerchantSide } from '../payments/payment-test-kit'
import {
  authorizationRequest,
  openTestIssuer,
  removeTempFolders,
  tempFolder,
  testTlsMaterial,
} from './issuer-test-kit'

let local: IssuerTlsMaterial
let foreign: IssuerTlsMaterial
let issuer: IssuerInstance
let server: IssuerHttpsServer | null = null

beforeAll(() => {
  local = testTlsMaterial()
  foreign = ensureIssuerTlsMaterial(join(tempFolder('comptoir-foreign-tls-'), 'tls'))
  issuer = openTestIssuer()
})
afterEach(async () => {
  await server?.close()
  server = null
})
afterAll(() => {
  issuer.close()
  removeTempFolders()
})

describe('mutual TLS between the payment software and the issuer', () => {
  it('the material is made once and kept: private keys readable by their owner only', async () => {
    const folder = join(tempFolder(), 'tls')
    const first = ensureIssuerTlsMaterial(folder)
    expect(ensureIssuerTlsMaterial(folder)).toEqual(first)
    const { statSync } = await import('node:fs')
    for (const key of ['ca-key.pem', 'issuer-key.pem', 'merchant-key.pem']) {
      expect(statSync(join(folder, key)).mode & 0o777).toBe(0o600)
    }
  })

  it("a merchant with the local authority's client certificate is served over TLS 1.3", async () => {
    server = await startIssuerHttpsServer(issuer.simulator, local)
    const gateway = createHttpsIssuerGateway({ url: server.url, tls: local })
    const answer = await gateway.authorize(authorizationRequest())
    await gateway.close()
    expect(answer.ok && answer.value.responseCode).toBe('00')
  })

  it('a client whose certificate comes from another authority is refused', async () => {
    server = await startIssuerHttpsServer(issuer.simulator, local)
    const before = issuer.simulator.fundsForCard('4242424242424242')?.held
    const intruder = createHttpsIssuerGateway({
      url: server.url,
      tls: { caCertificate: local.caCertificate, merchant: foreign.merchant },
    })
    const answer = await intruder.authorize(authorizationRequest())
    await intruder.close()
    expect(answer.ok).toBe(false)
    // TLS 1.3 checks the client's certificate after the client's side of the handshake: the
    // client sees the connection reset, which it cannot tell from a loss after sending.
    expect(!answer.ok && answer.error.code).toMatch(/^ISSUER_(UNREACHABLE|CONNECTION_LOST)$/)
    expect(issuer.simulator.fundsForCard('4242424242424242')?.held).toBe(before)
  })

  it('a client without any certificate is refused', async () => {
    server = await startIssuerHttpsServer(issuer.simulator, local)
    const outcome = await new Promise<string>((resolve) => {
      const attempt = request(
        server!.url,
        { method: 'POST', ca: [local.caCertificate], minVersion: 'TLSv1.3' },
        (response) => resolve(`HTTP ${response.statusCode}`),
      )
      attempt.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      attempt.end('{}')
    })
    expect(outcome).not.toMatch(/^HTTP/)
  })

  it('a TLS 1.2 client is refused: no fallback', async () => {
    server = await startIssuerHttpsServer(issuer.simulator, local)
    const outcome = await new Promise<string>((resolve) => {
      const attempt = request(
        server!.url,
        {
          method: 'POST',
          ca: [local.caCertificate],
          cert: local.merchant.certificate,
          key: local.merchant.privateKey,
          maxVersion: 'TLSv1.2',
        },
        (response) => resolve(`HTTP ${response.statusCode}`),
      )
      attempt.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'))
      attempt.end('{}')
    })
    expect(outcome).not.toMatch(/^HTTP/)
  })

  it('the payment software refuses an issuer whose certificate does not chain to the local authority', async () => {
    // An impostor issuer, with a certificate from another authority that trusts our merchant.
    server = await startIssuerHttpsServer(issuer.simulator, {
      ...foreign,
      caCertificate: local.caCertificate,
    })
    const merchant = openMerchantSide()
    const gateway = createHttpsIssuerGateway({ url: server.url, tls: local })
    const service = new PaymentService({
      gateway,
      attempts: merchant.attempts,
      merchant: MERCHANT,
      timeoutMs: 2_000,
    })
    const before = issuer.simulator.fundsForCard('4242424242424242')?.held
    const result = await service.authorizeCard({
      card: VISA,
      amount: 1_000,
      idempotencyKey: PaymentService.newIdempotencyKey(),
    })
    service.close()
    await gateway.close()
    merchant.db.close()
    expect(result.ok && result.value).toMatchObject({
      kind: 'unavailable',
      reason: 'unreachable',
      reversal: 'none',
    })
    expect(issuer.simulator.fundsForCard('4242424242424242')?.held).toBe(before)
  })
})
