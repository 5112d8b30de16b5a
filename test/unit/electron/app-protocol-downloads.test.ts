import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../../src/main/electron/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/window-security'
import { contentDisposition, DownloadTickets, type StreamedDownload } from '../../../src/main/rpc/download-tickets'
import type { ActiveSession } from '../../../src/main/rpc/call-context'

/**
 * The desktop app's side of the CSV export: the window fetches `app://comptoir/downloads/<ticket>`
 * (an `<a download>` click) and the app:// handler answers it with a streamed Response, which
 * Chromium's own download saves. Electron itself is not needed: the handler takes a Request.
 */
const rendererRoot = mkdtempSync(join(tmpdir(), 'comptoir-protocol-downloads-'))
writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Comptoir</title>')
afterAll(() => rmSync(rendererRoot, { recursive: true, force: true }))

const admin: ActiveSession = { userId: 3, displayName: 'Alex Dubois', role: 'admin', lastActivityMs: 0 }
let current: ActiveSession | null = admin
let now = 1_000_000
const tickets = new DownloadTickets({ touch: () => current }, () => now)
const handler = createAppProtocolHandler({ rendererRoot, downloads: tickets })

/** A download of `count` pieces that records how many were asked for and whether it was stopped. */
function countedDownload(count: number) {
  const seen = { pulled: 0, stopped: false }
  const download: StreamedDownload = {
    fileName: 'orders-2026-12-07.csv',
    contentType: 'text/csv; charset=utf-8',
    pieces: () =>
      (async function* () {
        try {
          for (let index = 0; index < count; index++) {
            seen.pulled++
            yield index === 0 ? '\uFEFFNuméro;Total TTC\r\n' : `C-${String(index).padStart(6, '0')};12,50\r\n`
          }
        } finally {
          seen.stopped = true
        }
      })(),
  }
  return { download, seen }
}

const get = (path: string, method = 'GET') => handler(new Request(`app://comptoir${path}`, { method }))

describe('app://comptoir/downloads/<ticket>', () => {
  it('streams the file as an attachment, piece by piece as Chromium reads it', async () => {
    const { download, seen } = countedDownload(1000)
    const { url } = tickets.issue('window-1', admin, download)
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="orders-2026-12-07.csv"; filename*=UTF-8''orders-2026-12-07.csv`)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('content-length')).toBeNull()
    // Nothing is made before it is read.
    expect(seen.pulled).toBe(0)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value)).toBe('\uFEFFNuméro;Total TTC\r\n')
    expect(seen.pulled).toBeLessThanOrEqual(2)
    let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(first.value)
    for (let part = await reader.read(); !part.done; part = await reader.read()) text += new TextDecoder('utf-8', { ignoreBOM: true }).decode(part.value)
    expect(text.split('\r\n')).toHaveLength(1001)
    expect(text.endsWith('C-000999;12,50\r\n')).toBe(true)
  })

  it('stops making the file when the download is cancelled', async () => {
    const { download, seen } = countedDownload(1_000_000)
    const response = await get(tickets.issue('window-1', admin, download).url)
    const reader = response.body!.getReader()
    await reader.read()
    await reader.read()
    await reader.cancel()
    expect(seen.stopped).toBe(true)
    expect(seen.pulled).toBeLessThan(10)
  })

  it('is good once, for a minute, while the session that asked is still the window’s', async () => {
    const { url } = tickets.issue('window-1', admin, countedDownload(2).download)
    expect((await get(url)).status).toBe(200)
    expect((await get(url)).status).toBe(404)

    const late = tickets.issue('window-1', admin, countedDownload(2).download)
    now += 60_001
    expect((await get(late.url)).status).toBe(410)

    const loggedOut = tickets.issue('window-1', admin, countedDownload(2).download)
    current = null
    expect((await get(loggedOut.url)).status).toBe(403)
    // Someone else logged in on the window since: another session, even an administrator's.
    const other = tickets.issue('window-1', admin, countedDownload(2).download)
    current = { ...admin, userId: 4 }
    expect((await get(other.url)).status).toBe(403)
    current = admin
  })

  it('answers a made-up ticket 404 and a HEAD 404 without spending the ticket, and still serves the app', async () => {
    expect((await get(`/downloads/${'x'.repeat(43)}`)).status).toBe(404)
    expect((await get('/downloads/nope')).status).toBe(404)
    const { url } = tickets.issue('window-1', admin, countedDownload(2).download)
    expect((await get(url, 'HEAD')).status).toBe(404)
    expect((await get(url)).status).toBe(200)
    expect((await get('/')).status).toBe(200)
  })

  it('is 404 where the shell gives no tickets', async () => {
    const bare = createAppProtocolHandler({ rendererRoot })
    const { url } = tickets.issue('window-1', admin, countedDownload(2).download)
    expect((await bare(new Request(`app://comptoir${url}`))).status).toBe(404)
  })
})

describe('the file name of a download', () => {
  it('is given as is when plain ASCII, and in RFC 5987 form beside a safe ASCII one otherwise', () => {
    expect(contentDisposition('orders-2026-12-07.csv')).toBe(`attachment; filename="orders-2026-12-07.csv"; filename*=UTF-8''orders-2026-12-07.csv`)
    expect(contentDisposition('ventes "été".csv')).toBe(`attachment; filename="ventes __t__.csv"; filename*=UTF-8''ventes%20%22%C3%A9t%C3%A9%22.csv`)
  })
})
