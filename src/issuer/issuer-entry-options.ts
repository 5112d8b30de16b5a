import { DEFAULT_ISSUER_PORT } from './issuer-folders'
import type { FaultSettings } from './fault-injection'
import type { VelocitySettings } from './authorization-rules'

export interface IssuerEntryOptions {
  dataDir: string
  port: number
  faults: Partial<FaultSettings>
  /** `--max-attempts`: authorizations allowed per card in the velocity window (tests and training). */
  velocity?: Partial<VelocitySettings>
}

const USAGE =
  'Usage: npm run issuer -- --data-dir <folder> [--port <n>] [--latency-ms <n>] [--share-91 <0..1>] ' +
  '[--share-96 <0..1>] [--silent-share <0..1>] [--max-attempts <n>]\n(or set COMPTOIR_DATA_DIR)'

/** Reads the command line of `npm run issuer`; throws with the usage on a mistake. */
export function parseIssuerEntryOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): IssuerEntryOptions {
  const values = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]
    const value = argv[i + 1]
    if (!name?.startsWith('--') || value === undefined)
      throw new Error(`Unexpected argument ${name ?? ''}\n${USAGE}`)
    values.set(name.slice(2), value)
    i++
  }
  const number = (name: string, fallback: number): number => {
    const raw = values.get(name)
    if (raw === undefined) return fallback
    const parsed = Number(raw)
    if (!Number.isFinite(parsed) || parsed < 0)
      throw new Error(`--${name} must be a number\n${USAGE}`)
    return parsed
  }
  const dataDir = values.get('data-dir') ?? env['COMPTOIR_DATA_DIR']
  if (!dataDir) throw new Error(`No data folder given\n${USAGE}`)
  const port = number('port', DEFAULT_ISSUER_PORT)
  if (!Number.isInteger(port) || port > 65_535)
    throw new Error(`--port must be a port number\n${USAGE}`)
  const maxAttempts = values.has('max-attempts') ? number('max-attempts', 0) : undefined
  return {
    ...(maxAttempts !== undefined ? { velocity: { maxAttempts } } : {}),
    dataDir,
    port,
    faults: {
      latencyMs: number('latency-ms', 0),
      share91: number('share-91', 0),
      share96: number('share-96', 0),
      silentShare: number('silent-share', 0),
    },
  }
}
