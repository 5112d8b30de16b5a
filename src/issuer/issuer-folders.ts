import { join } from 'node:path'

/**
 * Where the issuer keeps its files under the app's data folder: its own subfolder, never read by
 * merchant code except for the TLS authority and the merchant's client identity in `tls/`.
 */
export function issuerFolder(dataDir: string): string {
  return join(dataDir, 'issuer')
}

export function issuerTlsFolder(dataDir: string): string {
  return join(issuerFolder(dataDir), 'tls')
}

/** Written by `npm run issuer` so that the merchant side can find the port it chose. */
export function issuerAddressFile(dataDir: string): string {
  return join(issuerFolder(dataDir), 'issuer-address.json')
}

export const DEFAULT_ISSUER_PORT = 8583
