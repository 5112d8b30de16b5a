import { readFileSync } from 'node:fs'
import { z } from 'zod'
import { createHttpsIssuerGateway } from './https-issuer-gateway'
import { readIssuerTlsMaterial } from '../../issuer'
import { issuerAddressFile, issuerTlsFolder } from '../../issuer'
import type { IssuerGateway } from './issuer-gateway'

const addressSchema = z.object({ url: z.url() })

/**
 * The merchant side's HTTPS gateway to an issuer started with `npm run issuer` on the same data
 * folder: it trusts the local authority and presents the merchant certificate found there, and
 * reads the address the issuer wrote unless one is given.
 */
export function connectToIssuerOverHttps(dataDir: string, url?: string): IssuerGateway {
  const address =
    url ?? addressSchema.parse(JSON.parse(readFileSync(issuerAddressFile(dataDir), 'utf8'))).url
  const { caCertificate, merchant } = readIssuerTlsMaterial(issuerTlsFolder(dataDir))
  return createHttpsIssuerGateway({ url: address, tls: { caCertificate, merchant } })
}
