import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

export interface BrowserModeOptions {
  dataDir: string
  port: number
}

/** `--data-dir <folder>` (or COMPTOIR_DATA_DIR, default ~/.comptoir) and `--port <n>` (default: free). */
export function parseBrowserModeOptions(argv: string[], env: NodeJS.ProcessEnv): BrowserModeOptions {
  const { values } = parseArgs({
    args: argv,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
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
  return { dataDir: resolve(dataDir), port }
}
