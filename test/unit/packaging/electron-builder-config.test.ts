import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The packaging configuration, checked offline with electron-builder's own loader and schema:
 * the same code `npm run package` runs before it downloads or builds anything.
 */

type Config = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>
  linux?: { target?: unknown }
  win?: { target?: unknown }
  mac?: { target?: unknown }
  directories?: { output?: string; buildResources?: string }
  files?: (string | { filter?: string[] })[]
  asarUnpack?: string[]
}
interface ConfigModule {
  getConfig(projectDir: string): Promise<Config>
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>
}

const projectRoot = resolve(import.meta.dirname, '../../..')
const configFile = join(projectRoot, 'electron-builder.cjs')
const require = createRequire(import.meta.url)
const { getConfig, validateConfiguration } =
  require('app-builder-lib/out/util/config/config') as ConfigModule
const { DebugLogger } = require('builder-util') as {
  DebugLogger: new (enabled: boolean) => unknown
}
const minimatch = require('minimatch') as (
  path: string,
  pattern: string,
  options?: object,
) => boolean

const validate = (config: Config) => validateConfiguration(config, new DebugLogger(false))

/** Loads the configuration file afresh, with ELECTRON_DIST set or not. */
function loadConfigFile(electronDist: string | undefined): Config {
  const previous = process.env['ELECTRON_DIST']
  if (electronDist === undefined) delete process.env['ELECTRON_DIST']
  else process.env['ELECTRON_DIST'] = electronDist
  try {
    delete require.cache[require.resolve(configFile)]
    return require(configFile) as Config
  } finally {
    if (previous === undefined) delete process.env['ELECTRON_DIST']
    else process.env['ELECTRON_DIST'] = previous
  }
}

function pngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path)
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

const targetsOf = (platform: { target?: unknown } | undefined) => [platform?.target].flat()

let config: Config

beforeAll(async () => {
  // electron-builder finds the file by its name, as `npm run package` will.
  config = await getConfig(projectRoot)
})

describe('the electron-builder configuration', () => {
  it('is the file electron-builder picks up, and passes its schema', async () => {
    expect(config['appId']).toBe('fr.comptoir.till')
    await expect(validate(config)).resolves.toBeUndefined()
  })

  it('is checked by a schema that does reject mistakes', async () => {
    await expect(validate({ ...config, electronFuses: { runAsNodes: false } })).rejects.toThrow()
    await expect(validate({ ...config, npmRebuild: 'no' })).rejects.toThrow()
  })

  it('names the app and writes to dist/', () => {
    expect(config['productName']).toBe('Comptoir')
    expect(config.directories?.output).toBe('dist')
  })

  it('packs the built app and package.json into an asar archive', () => {
    // electron-builder's loader turns the list into file sets; the patterns are the same.
    const patterns = (config.files ?? []).flatMap((entry) =>
      typeof entry === 'string' ? [entry] : (entry.filter ?? []),
    )
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json']))
    expect(config['asar']).toBe(true)
  })

  it('builds AppImage and deb for Linux, nsis for Windows, dmg for macOS', () => {
    expect(targetsOf(config.linux)).toEqual(['AppImage', 'deb'])
    expect(targetsOf(config.win)).toEqual(['nsis'])
    expect(targetsOf(config.mac)).toEqual(['dmg'])
  })

  it('flips the fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
    })
  })

  it('does not rebuild better-sqlite3, whose N-API prebuilds cover every target', () => {
    expect(config['npmRebuild']).toBe(false)
    const prebuilds = join(projectRoot, 'node_modules', 'better-sqlite3', 'prebuilds')
    for (const target of ['linux-x64', 'win32-x64', 'darwin-x64', 'darwin-arm64']) {
      expect(existsSync(join(prebuilds, `${target}.node`)), target).toBe(true)
    }
  })

  it("unpacks better-sqlite3's native files from the archive, which cannot load them", () => {
    const unpacked = (path: string) =>
      (config.asarUnpack ?? []).some((pattern) => minimatch(path, pattern, { dot: true }))
    expect(unpacked('node_modules/better-sqlite3/prebuilds/linux-x64.node')).toBe(true)
    expect(unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true)
    expect(unpacked('node_modules/better-sqlite3/lib/index.js')).toBe(false)
  })

  it('has a 512x512 PNG icon and its SVG source in resources/', () => {
    expect(config['icon']).toBe('resources/icon.png')
    expect(pngSize(join(projectRoot, 'resources', 'icon.png'))).toEqual({ width: 512, height: 512 })
    expect(readFileSync(join(projectRoot, 'resources', 'icon.svg'), 'utf8')).toContain('<svg')
  })

  it('has what the deb target needs from package.json', () => {
    const metadata = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      homepage?: string
      author?: { email?: string }
    }
    expect(metadata.homepage).toMatch(/^https:\/\//)
    expect(metadata.author?.email).toContain('@')
  })

  it('uses an unpacked Electron only when ELECTRON_DIST names one', async () => {
    expect(loadConfigFile(undefined)).not.toHaveProperty('electronDist')
    const offline = loadConfigFile('/opt/electron-45')
    expect(offline['electronDist']).toBe('/opt/electron-45')
    await expect(validate(offline)).resolves.toBeUndefined()
  })
})
