/**
 * Card authorizations per second, in process and over mutual TLS with keep-alive, each as a ratio
 * to an empty call (0800 echo) over the same transport in the same run. Every authorization is
 * a real decision: a SQLite transaction with the hold, the journal row and the idempotency record.
 */
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { enrolCard } from '../../src/issuer/account-enrolment'
import { createHttpsIssuerGateway } from '../../src/main/payments/https-issuer-gateway'
import { createInProcessIssuerGateway } from '../../src/main/payments/in-process-issuer-gateway'
import { ensureIssuerTlsMaterial } from '../../src/issuer/issuer-certificates'
import type { IssuerGateway } from '../../src/main/payments/issuer-gateway'
import { startIssuerHttpsServer } from '../../src/issuer/issuer-https-server'
import type { AuthorizationRequest } from '../../src/shared/issuer-protocol/issuer-protocol'
import { openIssuer } from '../../src/issuer/open-issuer'
import { heading, reportThroughput } from './bench-harness'

const BENCH_CARD = '4000056655665556'
let trace = 0

function request(): AuthorizationRequest {
  trace = (trace % 999_999) + 1
  return {
    messageType: '0100',
    merchantId: 'BENCH0001',
    terminalId: 'BENCH01',
    traceNumber: String(trace).padStart(6, '0'),
    transmissionTime: new Date().toISOString(),
    merchantName: 'Bench',
    merchantCity: 'Lyon',
    merchantCountry: 'FR',
    merchantCategoryCode: '5411',
    amount: 100,
    currency: 'EUR',
    pan: BENCH_CARD,
    expiryMonth: 12,
    expiryYear: 2030,
    securityCode: '123',
    entryMode: 'manual',
    brand: 'visa',
    idempotencyKey: randomUUID(),
  }
}

/** Operations per second over `count` sequential calls, after a short warm-up. */
async function throughput(count: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(50, count); i++) await call()
  const start = process.hrtime.bigint()
  for (let i = 0; i < count; i++) await call()
  return count / (Number(process.hrtime.bigint() - start) / 1e9)
}

async function authorizeOrThrow(gateway: IssuerGateway): Promise<void> {
  const answer = await gateway.authorize(request())
  if (!answer.ok || answer.value.responseCode !== '00')
    throw new Error('bench authorization was not approved')
}

export async function run(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-'))
  const issuer = openIssuer({
    folder: join(folder, 'issuer'),
    velocity: { maxAttempts: Number.MAX_SAFE_INTEGER },
  })
  enrolCard(
    issuer.repositories,
    issuer.hasher,
    {
      pan: BENCH_CARD,
      securityCode: '123',
      holderName: 'Bench',
      expiryMonth: 12,
      expiryYear: 2030,
      kind: 'credit',
      creditLimit: 1_000_000_000_000,
      perTransactionLimit: 1_000_000,
      dailyLimit: 1_000_000_000_000,
    },
    new Date(),
  )
  try {
    heading('Payments: card authorizations (each one a durable SQLite transaction at the issuer)')
    const local = createInProcessIssuerGateway(issuer.simulator)
    const localEcho = await throughput(5_000, () => local.echo())
    const localAuth = await throughput(2_000, () => authorizeOrThrow(local))
    reportThroughput('authorizations, in process', localAuth, localEcho, 'in-process echo')

    const tls = ensureIssuerTlsMaterial(join(folder, 'tls'))
    const server = await startIssuerHttpsServer(issuer.simulator, tls)
    const remote = createHttpsIssuerGateway({ url: server.url, tls })
    try {
      const remoteEcho = await throughput(1_000, () => remote.echo())
      const remoteAuth = await throughput(1_000, () => authorizeOrThrow(remote))
      reportThroughput(
        'authorizations, HTTPS mutual TLS 1.3, keep-alive',
        remoteAuth,
        remoteEcho,
        'TLS echo',
      )
      reportThroughput('TLS echo vs in-process echo', remoteEcho, localEcho, 'in-process echo')
    } finally {
      await remote.close()
      await server.close()
    }
  } finally {
    issuer.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
