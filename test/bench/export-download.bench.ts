import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ExportTicket, Result } from '@shared/contract'
import { createApp, MERCHANT_DATABASE_FILE } from '../../src/main/app/create-app'
import { fillLargeHistory } from '../../src/main/orders/history-generator/fill-large-history'
import { createLogger } from '../../src/platform/logging/logger'
import { heading } from './bench-harness'

/**
 * The CSV export of the whole order history as the browser downloads it (issue 13): browser mode
 * (the built `out/main/browser-mode.js`, its own process) prepares the export and streams
 * `GET /downloads/<ticket>` to a client that counts and drops the bytes. Printed: the time, its
 * ratio to iterating the same rows with a prepared statement and formatting nothing (the least
 * work that reads them), and the server process's resident memory growth during the download
 * (sampled from /proc every 5 ms, against its resident memory just before).
 *
 * `COMPTOIR_BENCH_DATA_DIR=<folder seeded by npm run seed:large>` reuses a folder; otherwise
 * `COMPTOIR_BENCH_ORDERS` orders (1,000,000 by default) are generated into a temporary folder.
 */
const ORDERS = Number(process.env.COMPTOIR_BENCH_ORDERS ?? 1_000_000)
const REUSED = process.env.COMPTOIR_BENCH_DATA_DIR
const ROOT = join(__dirname, '../..')

interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

function request(port: number, path: string, method: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(body)
  })
}

/** Reads the download to its end, keeping only its size and its line count. */
function drain(port: number, path: string, cookie: string): Promise<{ status: number; bytes: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, path, method: 'GET', agent: false, headers: { Host: `127.0.0.1:${port}`, Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } },
      (response) => {
        let bytes = 0
        let lines = 0
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length
          for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) lines++
        })
        response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, lines }))
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end()
  })
}

/** Resident memory of a process, in MiB, from /proc (Linux). */
function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : Number.NaN
}

/** Starts browser mode on the folder and resolves with its process and launch address. */
function startServer(dataDir: string): Promise<{ child: ChildProcess; launchUrl: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'out/main/browser-mode.js'), '--data-dir', dataDir, '--port', '0', '--downloads-host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, COMPTOIR_DOWNLOADS_PORT: '0' },
    })
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /is ready at (\S+)/.exec(output)
      if (found) resolve({ child, launchUrl: found[1]! })
    })
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}) before it was ready: ${output}`)))
  })
}

export async function run(): Promise<void> {
  heading('CSV export streamed from browser mode (issue 13)')
  if (!existsSync(join(ROOT, 'out/main/browser-mode.js'))) {
    console.log('skipped: build first (npx electron-vite build)')
    return
  }
  const dataDir = REUSED ?? mkdtempSync(join(tmpdir(), 'comptoir-bench-export-'))
  if (!REUSED) {
    const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
    const started = performance.now()
    fillLargeHistory(app.db, { orders: ORDERS, end: new Date('2026-01-01T00:00:00.000Z') })
    app.close()
    console.log(`generated ${ORDERS.toLocaleString('en')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  const { child, launchUrl } = await startServer(dataDir)
  try {
    const port = Number(new URL(launchUrl).port)
    const { pathname, search } = new URL(launchUrl)
    const opened = await request(port, `${pathname}${search}`, 'GET', { Host: `127.0.0.1:${port}` })
    const cookie = String(opened.headers['set-cookie']![0]!.split(';')[0])
    const api = async <T>(name: string, input: unknown): Promise<T> => {
      const answer = await request(
        port,
        `/api/${name}`,
        'POST',
        { Host: `127.0.0.1:${port}`, Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json', Cookie: cookie, 'X-Comptoir-Client': 'bench-export-0001' },
        JSON.stringify(input),
      )
      const result = JSON.parse(answer.body) as Result<T>
      if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
      return result.value
    }
    const users = await api<Array<{ id: number; displayName: string }>>('auth.listUsers', {})
    await api('auth.login', { userId: users.find((user) => user.displayName === 'Alex Dubois')!.id, pin: '4321' })

    // Baseline: the same rows in the same order through a prepared statement, nothing formatted.
    const db = new Database(join(dataDir, MERCHANT_DATABASE_FILE), { readonly: true })
    const iterateStarted = performance.now()
    let iterated = 0
    for (const row of db.prepare('SELECT * FROM orders ORDER BY created_at DESC, id DESC').iterate()) if (row) iterated++
    const iterateMs = performance.now() - iterateStarted
    db.close()

    for (const [label, filters] of [['whole history', {}], ['declined orders', { statuses: ['declined'] }]] as const) {
      const ticket = await api<ExportTicket>('exports.prepare', { kind: 'orders', filters, locale: 'fr', format: 'french' })
      const baseRss = rssMb(child.pid!)
      let peakRss = baseRss
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(child.pid!))), 5)
      const started = performance.now()
      const download = await drain(port, ticket.url, cookie)
      const ms = performance.now() - started
      clearInterval(sampler)
      if (download.status !== 200 || download.lines !== ticket.rows + 1) throw new Error(`download ${download.status}: ${download.lines} lines for ${ticket.rows} rows`)
      console.log(
        `CSV download, ${label}, ${ticket.rows.toLocaleString('en')} rows, ${(download.bytes / 2 ** 20).toFixed(0)} MiB: ${(ms / 1000).toFixed(1)} s` +
          (label === 'whole history'
            ? ` = ${(ms / iterateMs).toFixed(2)} x baseline (iterating ${iterated.toLocaleString('en')} rows with a prepared statement: ${(iterateMs / 1000).toFixed(1)} s)`
            : '') +
          `; server RSS ${baseRss.toFixed(0)} MB before, peak ${peakRss.toFixed(0)} MB: growth ${(peakRss - baseRss).toFixed(0)} MB`,
      )
    }
  } finally {
    child.kill('SIGINT')
    await new Promise((resolve) => child.once('exit', resolve))
    if (!REUSED) rmSync(dataDir, { recursive: true, force: true })
  }
}
