import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

/**
 * `npm start` runs scripts/start.mjs. It is run here inside a throw-away project folder, with a
 * fake Electron executable and a fake browser-mode entry that print what they were given.
 */

const startScript = resolve(import.meta.dirname, '../../../scripts/start.mjs')
const NOT_AVAILABLE =
  "Electron's binary is not available on this machine, so Comptoir starts in browser mode instead."
const folders: string[] = []

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function fakeProject(
  options: { electronPackage?: 'none' | 'without-binary' | 'with-binary' } = {},
) {
  const root = mkdtempSync(join(tmpdir(), 'comptoir-start-'))
  folders.push(root)
  mkdirSync(join(root, 'scripts'))
  copyFileSync(startScript, join(root, 'scripts', 'start.mjs'))
  mkdirSync(join(root, 'out', 'main'), { recursive: true })
  writeFileSync(
    join(root, 'out', 'main', 'browser-mode.js'),
    "console.log('browser-mode ' + process.argv.slice(2).join(' ')); process.exit(4)\n",
  )
  const fakeElectron = join(root, 'fake-electron.sh')
  writeFileSync(
    fakeElectron,
    '#!/bin/sh\necho "electron $* run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 3\n',
  )
  chmodSync(fakeElectron, 0o755)
  const kind = options.electronPackage ?? 'none'
  if (kind !== 'none') {
    const packageDir = join(root, 'node_modules', 'electron')
    mkdirSync(join(packageDir, 'dist'), { recursive: true })
    writeFileSync(join(packageDir, 'package.json'), '{"name":"electron","version":"45.5.0"}')
    writeFileSync(join(packageDir, 'path.txt'), 'electron')
    if (kind === 'with-binary') copyFileSync(fakeElectron, join(packageDir, 'dist', 'electron'))
    chmodSync(join(packageDir, 'dist'), 0o755)
    if (kind === 'with-binary') chmodSync(join(packageDir, 'dist', 'electron'), 0o755)
  }
  return { root, fakeElectron }
}

function start(root: string, env: NodeJS.ProcessEnv, args: string[] = ['--port', '4321']) {
  const clean: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs'), ...args], {
    env: clean,
    encoding: 'utf8',
    timeout: 20_000,
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm start', () => {
  it('opens Electron on the app, with the same arguments, when ELECTRON_EXEC_PATH names it', () => {
    const { root, fakeElectron } = fakeProject()
    const run = start(root, {
      ELECTRON_EXEC_PATH: fakeElectron,
      DISPLAY: ':0',
      ELECTRON_RUN_AS_NODE: '1',
    })
    expect(run.stdout).toContain('electron . --port 4321 run-as-node=unset')
    expect(run.stdout).not.toContain('browser mode')
    expect(run.status).toBe(3)
  })

  it('finds the binary installed in node_modules/electron', () => {
    const { root } = fakeProject({ electronPackage: 'with-binary' })
    const run = start(root, { DISPLAY: ':0' })
    expect(run.stdout).toContain('electron . --port 4321')
    expect(run.status).toBe(3)
  })

  it('says so in one sentence and starts browser mode when the binary was never downloaded', () => {
    const { root } = fakeProject({ electronPackage: 'without-binary' })
    const run = start(root, { DISPLAY: ':0' })
    expect(run.stdout.split('\n')).toEqual([NOT_AVAILABLE, 'browser-mode --port 4321', ''])
    expect(run.status).toBe(4)
  })

  it('starts browser mode when there is no electron package at all', () => {
    const { root } = fakeProject()
    const run = start(root, {}, ['--data-dir', '/tmp/shop'])
    expect(run.stdout).toContain(NOT_AVAILABLE)
    expect(run.stdout).toContain('browser-mode --data-dir /tmp/shop')
  })

  it('starts browser mode when ELECTRON_EXEC_PATH names nothing', () => {
    const { root } = fakeProject({ electronPackage: 'with-binary' })
    const run = start(root, { ELECTRON_EXEC_PATH: join(root, 'missing'), DISPLAY: ':0' })
    expect(run.stdout).toContain(NOT_AVAILABLE)
  })

  it.runIf(process.platform === 'linux')(
    'starts browser mode on a Linux machine with no display',
    () => {
      const { root, fakeElectron } = fakeProject()
      const run = start(root, { ELECTRON_EXEC_PATH: fakeElectron })
      expect(run.stdout).toContain(
        'There is no graphical display on this machine, so Comptoir starts in browser mode instead.',
      )
      expect(run.stdout).toContain('browser-mode --port 4321')
    },
  )

  it('says what to do when the app was not built', () => {
    const { root } = fakeProject()
    rmSync(join(root, 'out'), { recursive: true })
    const run = start(root, {})
    expect(run.stderr).toContain('electron-vite build')
    expect(run.status).toBe(1)
  })
})
