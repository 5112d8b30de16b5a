import { spawn } from 'node:child_process'
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const ENTRY = resolve(__dirname, '../../out/main/browser-mode.js')
const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

/**
 * Starts built browser mode under umask 022 (the usual default), waits until ready, hands the
 * running server's folder to `whileRunning` (the databases' -wal and -shm files exist then), stops it.
 */
async function startAndStop(dataDir: string, whileRunning: () => void = () => {}): Promise<{ code: number | null; output: string }> {
  // The shell's umask is inherited: 022 is what a till's account usually has.
  const child = spawn('/bin/sh', ['-c', `umask 022 && exec "${process.execPath}" "${ENTRY}" --data-dir "${dataDir}" --port 0`], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  await new Promise<void>((ready, failed) => {
    const timer = setTimeout(() => failed(new Error(`browser mode did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      // The last line it prints once ready, after which it stops politely on SIGTERM.
      if (/is ready at http[\s\S]*Card issuer: .*\n/.test(output)) {
        clearTimeout(timer)
        ready()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      ready()
    })
  })
  if (child.exitCode === null) {
    whileRunning()
    child.kill('SIGTERM')
  }
  const code = await exited
  if (code !== 0) throw new Error(`browser mode ended with ${code}:\n${output}`)
  return { code, output }
}

/** The permission bits of every entry under `folder` (itself included), folders marked. */
function modes(folder: string): Map<string, { mode: number; folder: boolean }> {
  const found = new Map<string, { mode: number; folder: boolean }>()
  const visit = (path: string): void => {
    const stats = lstatSync(path)
    found.set(path, { mode: stats.mode & 0o777, folder: stats.isDirectory() })
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(folder)
  return found
}

describe.skipIf(process.platform === 'win32')('the data folder on a shared PC', () => {
  it('browser mode in a fresh folder makes it 0700 and every file in it 0600, and narrows them again at each start', async () => {
    const root = mkdtempSync(join(tmpdir(), 'comptoir-modes-'))
    roots.push(root)
    chmodSync(root, 0o755)
    const dataDir = join(root, 'fresh', 'data')
    let entries = new Map<string, { mode: number; folder: boolean }>()
    expect((await startAndStop(dataDir, () => (entries = modes(dataDir)))).code).toBe(0)

    const names = [...entries.keys()].map((path) => path.slice(dataDir.length))
    // The databases, their journals, the keys, the log and the issuer's folder were all written.
    expect(names).toEqual(
      expect.arrayContaining([
        '/comptoir.sqlite',
        '/comptoir.sqlite-wal',
        '/comptoir.sqlite-shm',
        '/logs/comptoir.log',
        '/keys/pin-pepper.key',
        '/issuer/issuer.sqlite',
        '/issuer/issuer.sqlite-wal',
        '/issuer/issuer-hmac.key',
      ]),
    )
    for (const [path, { mode, folder }] of entries) {
      expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: (folder ? 0o700 : 0o600).toString(8) })
    }
    expect(lstatSync(join(root, 'fresh')).mode & 0o777).toBe(0o700)

    // Someone loosens them (a copy, an archive restored): the next start narrows them again.
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, 'comptoir.sqlite'), 0o644)
    chmodSync(join(dataDir, 'issuer'), 0o755)
    chmodSync(join(dataDir, 'issuer', 'issuer.sqlite'), 0o644)
    expect((await startAndStop(dataDir)).code).toBe(0)
    for (const [path, { mode }] of modes(dataDir)) expect(mode & 0o077, path).toBe(0)
  }, 90_000)
})
