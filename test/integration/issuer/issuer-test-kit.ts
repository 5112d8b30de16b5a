import { mkdtempSync, rmSync } from 'node:fs'
import { keepTestData } from '../../support/keep-test-data'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ensureIssuerTlsMaterial,
  type IssuerTlsMaterial,
} from '../../../src/issuer/issuer-certificates'
import type { IssuerGateway } from '../../../src/main/payments/issuer-gateway'
import { startIssuerHttpsServer } from '../../../src/issuer/issuer-https-server'
import { createHttpsIssuerGateway } from '../../../src/main/payments/https-issuer-gateway'
import { createInProcessIssuerGateway } from '../../../src/main/payments/in-process-issuer-gateway'
import type { AuthorizationRequest } from '../../../src/shared/issuer-protocol/issuer-protocol'
import {
  openIssuer,
  type IssuerInstance,
  type OpenIssuerOptions,
} from '../../../src/issuer/open-issuer'

export const folders: string[] = []

export function tempFolder(prefix = 'comptoir-issuer-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix))
  folders.push(folder)
  return folder
}

export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) if (!keepTestData()) rmSync(folder, { recursive: true, force: true })
}

export function openTestIssuer(options: Partial<OpenIssuerOptions> = {}): IssuerInstance {
  return openIssuer({ folder: join(tempFolder(), 'issuer'), ...options })
}

/** TLS material is slow to make (RSA keys): made once per test file and reused. */
let sharedTls: IssuerTlsMaterial | null = null
export function testTlsMaterial(): IssuerTlsMaterial {
  sharedTls ??= ensureIssuerTlsMaterial(join(tempFolder('comptoir-tls-'), 'tls'))
  return sharedTls
}

export interface GatewayUnderTest {
  gateway: IssuerGateway
  close(): Promise<void>
}

export interface GatewayKind {
  name: 'in-process' | 'https (mutual TLS)'
  connect(issuer: IssuerInstance): Promise<GatewayUnderTest>
}

export const GATEWAY_KINDS: readonly GatewayKind[] = [
  {
    name: 'in-process',
    connect: async (issuer) => {
      const gateway = createInProcessIssuerGateway(issuer.simulator)
      return { gateway, close: () => gateway.close() }
    },
  },
  {
    name: 'https (mutual TLS)',
    connect: async (issuer) => {
      const tls = testTlsMaterial()
      const server = await startIssuerHttpsServer(issuer.simulator, tls, { port: 0 })
      const gateway = createHttpsIssuerGateway({ url: server.url, tls })
      return {
        gateway,
        close: async () => {
          await gateway.close()
          await server.close()
        },
      }
    },
  },
]

let trace = 0
export function nextTrace(): string {
  trace = (trace % 999_999) + 1
  return String(trace).padStart(6, '0')
}

export function authorizationRequest(
  overrides: Partial<AuthorizationRequest> = {},
): AuthorizationRequest {
  return {
    messageType: '0100',
    merchantId: 'COMPTOIR0001',
    terminalId: 'TILL01',
    traceNumber: nextTrace(),
    transmissionTime: new Date().toISOString(),
    merchantName: 'Épicerie Comptoir',
    merchantCity: 'Lyon',
    merchantCountry: 'FR',
    merchantCategoryCode: '5411',
    amount: 1_000,
    currency: 'EUR',
    pan: '4242424242424242',
    expiryMonth: 12,
    expiryYear: 2030,
    securityCode: '123',
    entryMode: 'manual',
    brand: 'visa',
    ...overrides,
  }
}
