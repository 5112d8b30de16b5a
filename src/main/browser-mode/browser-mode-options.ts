import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { IssuerTransport } from '@shared/domain/payment'
import { downloadServerSettings, type DownloadServerSettings } from '../fulfilment'

export interface BrowserModeOptions {
  dataDir: string
  port: number
  /** In-process issuer (default), or the one `npm run issuer` serves over mutual TLS. */
  issuer: IssuerTransport
  /** The HTTPS issuer's address; read from the data folder when absent. */
  issuerUrl?: string
  /** The customers' download server (QR codes on approvals): its interface, port and printed address. */
  downloads: DownloadServerSettings
}

/**
 * `--data-dir <folder>` (or COMPTOIR_DATA_DIR, default ~/.comptoir), `--port <n>` (default: a
 * free port), `--issuer https` to pay through the issuer process of `npm run issuer` on the same
 * data folder (`--issuer-url` to name its address). The customers' download server:
 * `--downloads-host` (default 0.0.0.0, the shop's network; 127.0.0.1 keeps it on this machine),
 * `--downloads-port` (default 8470, 0 for any free port), `--downloads-url` (the address printed in
 * QR codes, by default this machine's LAN address), or COMPTOIR_DOWNLOADS_HOST/PORT/URL.
 */
export function parseBrowserModeOptions(argv: string[], env: NodeJS.ProcessEnv): BrowserModeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      issuer: { type: 'string' },
      'issuer-url': { type: 'string' },
      'downloads-host': { type: 'string' },
      'downloads-port': { type: 'string' },
      'downloads-url': { type: 'string' },
    },
    strict: false,
    allowPositionals: true,
  })
  const dataDirValue = values['data-dir']
  const portValue = values.port
  const dataDir =
    typeof dataDirValue === 'string' ? dataDirValue : (env.COMPTOIR_DATA_DIR ?? join(homedir(), '.comptoir'))
  const port = typeof portValue === 'string' ? Number(portValue) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number between 0 and 65535, not "${String(portValue)}"`)
  }
  const issuerUrl = typeof values['issuer-url'] === 'string' ? values['issuer-url'] : undefined
  const issuer = values.issuer === 'https' || issuerUrl ? 'https' : 'in-process'
  if (values.issuer !== undefined && values.issuer !== 'https' && values.issuer !== 'in-process') {
    throw new Error(`--issuer is "in-process" or "https", not "${String(values.issuer)}"`)
  }
  const text = (name: string, envName: string): string | undefined => {
    const value = values[name]
    return typeof value === 'string' ? value : env[envName]
  }
  const downloads = downloadServerSettings({
    host: text('downloads-host', 'COMPTOIR_DOWNLOADS_HOST'),
    port: text('downloads-port', 'COMPTOIR_DOWNLOADS_PORT'),
    url: text('downloads-url', 'COMPTOIR_DOWNLOADS_URL'),
  })
  return { dataDir: resolve(dataDir), port, issuer, issuerUrl, downloads }
}
