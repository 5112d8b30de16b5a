/**
 * Disk work per sale, counted by the kernel rather than estimated: the sale probe runs under
 * `strace -f -y`, and every fsync/fdatasync and every byte written to a `-wal` file between its
 * two markers is added up per file. Syncs of the shop's database and of the simulated issuer's
 * (a separate party with its own file, in process here) are reported apart.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Transport } from './sale-scenario'
import { END_MARKER, START_MARKER } from './sale-io-probe'

export interface SaleIo {
  sales: number
  /** fsync + fdatasync per sale, on the shop's database and its WAL (checkpoints included). */
  shopSyncs: number
  /** The same on the simulated issuer's own database. */
  issuerSyncs: number
  /** Bytes appended to the shop's WAL per sale (frames of 4 KiB pages and their headers). */
  shopWalBytes: number
  issuerWalBytes: number
}

export function straceAvailable(): boolean {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const ROOT = resolve(__dirname, '../..')

/** Which database a path belongs to, or null for any other file. */
function ownerOf(path: string): 'shop' | 'issuer' | null {
  if (/\/issuer\/[^/]*\.sqlite(-wal)?$/.test(path)) return 'issuer'
  // The raw baseline's one file holds the shop's rows and the issuer's.
  if (/\.sqlite(-wal)?$/.test(path)) return 'shop'
  return null
}

/** Adds up one strace log (`-f -y`), counting only between the probe's markers. */
export function countSaleIo(log: string, sales: number): SaleIo {
  const syncs = { shop: 0, issuer: 0 }
  const walBytes = { shop: 0, issuer: 0 }
  /** A call strace split in two (`<unfinished ...>` then `<... resumed>`), by pid. */
  const unfinished = new Map<string, string>()
  let counting = false
  for (const line of log.split('\n')) {
    const pid = line.split(' ', 1)[0]!
    let text = line.slice(pid.length + 1).trim()
    if (text.endsWith('<unfinished ...>')) {
      unfinished.set(pid, text)
      continue
    }
    const resumed = /^<\.\.\. \w+ resumed>(.*)$/.exec(text)
    if (resumed) {
      text = (unfinished.get(pid) ?? '').replace(/<unfinished \.\.\.>$/, '') + resumed[1]!
      unfinished.delete(pid)
    }
    if (text.includes(START_MARKER)) counting = true
    if (text.includes(END_MARKER)) counting = false
    if (!counting) continue
    const call = /^(fsync|fdatasync|pwrite64|write)\(\d+<([^>]*)>.*\)\s+=\s+(-?\d+)/.exec(text)
    if (!call) continue
    const owner = ownerOf(call[2]!)
    if (!owner) continue
    if (call[1] === 'fsync' || call[1] === 'fdatasync') syncs[owner] += 1
    else if (call[2]!.endsWith('-wal') && Number(call[3]) > 0) walBytes[owner] += Number(call[3])
  }
  return {
    sales,
    shopSyncs: syncs.shop / sales,
    issuerSyncs: syncs.issuer / sales,
    shopWalBytes: walBytes.shop / sales,
    issuerWalBytes: walBytes.issuer / sales,
  }
}

/** Runs `sales` sales through `transport` (or the raw baseline) under strace and counts their disk work. */
export function measureSaleIo(transport: Transport | 'raw' | 'ship', sales: number): SaleIo {
  const folder = mkdtempSync(join(tmpdir(), 'comptoir-bench-strace-'))
  const log = join(folder, 'strace.log')
  try {
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-y',
        '-qq',
        '-s',
        '48',
        '-e',
        'trace=fsync,fdatasync,pwrite64,write',
        '-e',
        'signal=none',
        '-o',
        log,
        // This very Node (the project's own, as npm runs it), not whichever one is first on the path.
        process.execPath,
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        '--tsconfig',
        join(ROOT, 'tsconfig.node.json'),
        join(__dirname, 'sale-io-probe.ts'),
        transport,
        String(sales),
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    if (run.status !== 0) throw new Error(`the sale probe failed under strace: ${run.stderr}`)
    return countSaleIo(readFileSync(log, 'utf8'), sales)
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
