import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { checkFiscalChains } from '../../../src/main/fiscal'
import { APP_VERSION } from '../../../src/main/app/app-version'
import { DownloadTickets } from '../../../src/main/rpc/download-tickets'
import { createTempApp, type TempApp } from '../../support/temp-app'

let subject: TempApp | undefined
let folder: string | undefined
afterEach(() => {
  subject?.dispose()
  subject = undefined
  if (folder) rmSync(folder, { recursive: true, force: true })
  folder = undefined
})

/** The JET's events of this till, oldest first. */
function jet(app: TempApp): Array<{ kind: string; details: unknown }> {
  return app.app.fiscal.events.page(null, 1000).reverse().map(({ kind, details }) => ({ kind, details }))
}

async function startedAt(version: string | undefined, clock: { now: Date }): Promise<TempApp> {
  subject = createTempApp({ dataDir: folder, now: () => clock.now, appVersion: version })
  await subject.app.start()
  return subject
}

describe('the app’s version in the fiscal record', () => {
  it('a start on another version than the last start is a JET event of its own (from, to); a start on the same version is not', { timeout: 20_000 }, async () => {
    folder = mkdtempSync(join(tmpdir(), 'comptoir-version-'))
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    let app = await startedAt('1.0.0', clock)
    expect(jet(app).filter((event) => event.kind === 'app.versionChanged')).toEqual([])
    app.dispose()

    app = await startedAt('1.1.0', clock)
    const events = jet(app)
    const changed = events.findIndex((event) => event.kind === 'app.versionChanged')
    expect(events[changed]!.details).toEqual({ from: '1.0.0', to: '1.1.0', tillId: 'TILL-01' })
    // Before the start it precedes, which carries the new version.
    expect(events[changed + 1]).toMatchObject({ kind: 'app.start', details: { version: '1.1.0' } })
    app.dispose()

    app = await startedAt('1.1.0', clock)
    expect(jet(app).filter((event) => event.kind === 'app.versionChanged')).toHaveLength(1)
    expect(checkFiscalChains(app.app.db, app.app.fiscal.signer.publicKey)).toMatchObject({ ok: true })
  })

  it('every start writes package.json’s version unless told another, and the archive’s manifest carries it', { timeout: 20_000 }, async () => {
    const clock = { now: new Date('2026-12-07T09:00:00Z') }
    subject = createTempApp({ now: () => clock.now })
    await subject.app.start()
    expect(APP_VERSION).toBe((JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as { version: string }).version)
    expect(jet(subject).find((event) => event.kind === 'app.start')!.details).toMatchObject({ version: APP_VERSION })

    clock.now = new Date('2026-12-08T09:00:00Z')
    await subject.loginAs('admin')
    await subject.value('fiscal.closeDay', {})
    const answer = await subject.value('fiscal.archive', { period: 'closed' })
    const redeemed = subject.app.downloads.redeem(DownloadTickets.ticketOf(answer.url)!, () => true)
    if (!redeemed.ok) throw new Error(redeemed.reason)
    const pieces: Uint8Array[] = []
    const iterator = redeemed.download.pieces()
    for (let piece = await iterator.next(); !piece.done; piece = await iterator.next()) pieces.push(typeof piece.value === 'string' ? strToU8(piece.value) : piece.value)
    const manifest = JSON.parse(strFromU8(unzipSync(Buffer.concat(pieces))['manifest.json']!)) as { app: { name: string; version: string | null } }
    expect(manifest.app).toMatchObject({ name: 'Comptoir', version: APP_VERSION })
  })
})
