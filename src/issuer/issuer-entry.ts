/**
 * `npm run issuer`: the card issuer as its own process, serving mutual TLS 1.3 on 127.0.0.1.
 * Its database, key file and certificates live in `<data dir>/issuer/`, created on first use.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createLogger } from '../platform/logging/logger'
import { ensureIssuerTlsMaterial } from './issuer-certificates'
import { parseIssuerEntryOptions } from './issuer-entry-options'
import { issuerAddressFile, issuerFolder, issuerTlsFolder } from './issuer-folders'
import { startIssuerHttpsServer } from './issuer-https-server'
import { openIssuer } from './open-issuer'

async function main(): Promise<void> {
  const options = parseIssuerEntryOptions(process.argv.slice(2), process.env)
  const folder = issuerFolder(options.dataDir)
  const issuer = openIssuer({ folder, faults: options.faults, velocity: options.velocity })
  const logger = createLogger(join(folder, 'issuer.log'))
  const tls = ensureIssuerTlsMaterial(issuerTlsFolder(options.dataDir))
  const server = await startIssuerHttpsServer(issuer.simulator, tls, { port: options.port, logger })
  writeFileSync(
    issuerAddressFile(options.dataDir),
    JSON.stringify({ url: server.url, pid: process.pid }),
    { mode: 0o600 },
  )
  logger.info(`Card issuer listening on ${server.url}`)
  console.log(server.url)
  const stop = (): void => {
    void server.close().then(() => {
      issuer.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
