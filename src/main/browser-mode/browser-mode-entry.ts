import { chmodSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createApp } from '../app/create-app'
import { connectToIssuerOverHttps } from '../payments'
import { startDownloadServer, type DownloadServer } from '../fulfilment'
import { createLogger } from '../../platform/logging/logger'
import { preparePrivateFolder } from '../../platform/files/private-folder'
import { parseBrowserModeOptions } from './browser-mode-options'
import { startBrowserModeServer } from './browser-mode-server'

/** Where `npm run open-url` finds the running server and the secret to ask it for a fresh address. */
const CONTROL_FILE = 'browser-mode.json'

async function main(): Promise<void> {
  const options = parseBrowserModeOptions(process.argv.slice(2), process.env)
  // The data folder is made private (or refused) before the logger writes its first line there.
  preparePrivateFolder(options.dataDir)
  const logger = createLogger(join(options.dataDir, 'logs', 'comptoir.log'))
  // Known once the customers' download server listens; a sale before that prints no link.
  let downloadBaseUrl: string | null = null
  const app = createApp({
    dataDir: options.dataDir,
    logger,
    downloadBaseUrl: () => downloadBaseUrl,
    issuerGateway:
      options.issuer === 'https' ? connectToIssuerOverHttps(options.dataDir, options.issuerUrl) : undefined,
  })
  // Before start-up recovery: a sale it completes prints its download links too.
  const downloads: DownloadServer | null = await startDownloadServer({
    links: app.downloadLinks,
    downloadsDir: app.downloadsDir,
    ...options.downloads,
    logger,
  }).catch((error: unknown) => {
    logger.warn('The customers\' download server could not start: approvals print no download link', String(error))
    return null
  })
  downloadBaseUrl = downloads?.publicUrl ?? null
  await app.start()
  const server = await startBrowserModeServer({
    router: app.router,
    downloads: app.downloads,
    logger,
    rendererDir: join(__dirname, '../renderer'),
    port: options.port,
  })
  // Readable by this user only: whoever reads it may open a till tab.
  const controlFile = join(options.dataDir, CONTROL_FILE)
  writeFileSync(controlFile, `${JSON.stringify({ url: server.url, controlSecret: server.controlSecret, pid: process.pid })}\n`, {
    mode: 0o600,
  })
  chmodSync(controlFile, 0o600)
  // Stopping politely is possible before the ready lines: a script may stop us as soon as it reads them.
  const stop = (): void => {
    void Promise.all([server.close(), downloads?.close()]).then(() => {
      rmSync(controlFile, { force: true })
      app.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  // The address is the one line people and scripts look for; its token opens one tab, once.
  process.stdout.write(`Comptoir (browser mode) is ready at ${server.newLaunchUrl()}\n`)
  process.stdout.write('This address opens one tab once, within 5 minutes; `npm run open-url` prints a fresh one.\n')
  process.stdout.write(`Data folder: ${options.dataDir}\n`)
  process.stdout.write(`Card issuer: ${options.issuer === 'https' ? 'separate process over mutual TLS' : 'in-process'}\n`)
  process.stdout.write(
    downloads
      ? `Customer downloads: ${downloads.publicUrl}/d (QR codes and short codes on approvals)\n`
      : `Customer downloads: not served (port ${options.downloads.port} on ${options.downloads.host} unavailable)\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`Comptoir could not start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
