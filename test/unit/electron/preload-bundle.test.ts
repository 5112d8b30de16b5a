import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BRIDGE_CHANNEL, CALL_NAMES } from '@shared/contract'

/**
 * Builds the preload with the project's own electron-vite configuration and runs the bundle the
 * way a sandboxed renderer does: `require` knows 'electron' and nothing else. A preload that
 * still required zod from node_modules would load in tests and fail in the real app.
 */

const projectRoot = resolve(import.meta.dirname, '../../..')
const outDir = mkdtempSync(join(tmpdir(), 'comptoir-preload-bundle-'))
// The wrapper config must sit inside the project so it resolves the project's packages.
const configDir = join(projectRoot, 'node_modules', '.cache', `comptoir-preload-${process.pid}`)
let bundle = ''
let build: { status: number | null; output: string }

beforeAll(() => {
  mkdirSync(configDir, { recursive: true })
  const configFile = join(configDir, 'electron.vite.config.mjs')
  writeFileSync(
    configFile,
    `import config from '../../../electron.vite.config'
export default {
  preload: { ...config.preload, build: { ...config.preload.build, outDir: ${JSON.stringify(outDir)} } },
}
`,
  )
  const cli = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const run = spawnSync(process.execPath, [cli, 'build', '-c', configFile, '--logLevel', 'warn'], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
  })
  build = { status: run.status, output: `${run.stdout}${run.stderr}` }
  if (run.status === 0) bundle = readFileSync(join(outDir, 'index.js'), 'utf8')
}, 60_000)

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true })
  rmSync(configDir, { recursive: true, force: true })
})

describe('the built preload', () => {
  it('builds to a single CommonJS file', () => {
    expect(build.status, build.output).toBe(0)
    expect(bundle).not.toMatch(/^\s*import\s/m)
  })

  it('requires nothing but electron, as a sandboxed preload must', () => {
    const required = [...bundle.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(new Set(required)).toEqual(new Set(['electron']))
  })

  it('runs with a sandbox-like require and exposes one function per call', async () => {
    const exposed: { name?: string; api?: Record<string, (input: unknown) => Promise<unknown>> } =
      {}
    const invocations: unknown[][] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (
          name: string,
          api: Record<string, (input: unknown) => Promise<unknown>>,
        ) => {
          exposed.name = name
          exposed.api = api
        },
      },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invocations.push(args)
          return Promise.resolve({ ok: true, value: null })
        },
      },
    }
    const sandboxRequire = (id: string) => {
      if (id !== 'electron') throw new Error(`module not found: ${id}`)
      return electron
    }
    const module = { exports: {} }
    runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports })
    expect(exposed.name).toBe('comptoir')
    expect(Object.keys(exposed.api ?? {}).sort()).toEqual([...CALL_NAMES].sort())
    await exposed.api?.['cart.get']?.({})
    expect(invocations).toEqual([[BRIDGE_CHANNEL, 'cart.get', {}]])
  })
})
