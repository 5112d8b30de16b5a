// `npm start`: opens the desktop app when Electron's binary is here, browser mode otherwise.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const browserModeEntry = join(projectRoot, 'out', 'main', 'browser-mode.js')

/**
 * Where Electron's executable is, or undefined. `require('electron')` is not used: when the
 * binary is missing it tries to download it, which hangs or fails on an offline machine.
 */
function findElectronBinary(env) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH) ? env.ELECTRON_EXEC_PATH : undefined
  }
  let packageDir
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return undefined
  }
  // The same lookup as electron/index.js, minus the download.
  const pathFile = join(packageDir, 'path.txt')
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron')
    : relativePath && join(packageDir, 'dist', relativePath)
  return candidate && existsSync(candidate) ? candidate : undefined
}

function hasDisplay(env) {
  if (process.platform !== 'linux') return true
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
}

/** Runs a child with this terminal, passes Ctrl-C on, and exits with the child's code. */
function run(command, args, env) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`)
    process.exit(1)
  })
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

const argv = process.argv.slice(2)
const electronBinary = findElectronBinary(process.env)

if (electronBinary && hasDisplay(process.env)) {
  // A leftover ELECTRON_RUN_AS_NODE would start Electron as plain Node instead of the app.
  const env = { ...process.env }
  delete env.ELECTRON_RUN_AS_NODE
  run(electronBinary, ['.', ...argv], env)
} else {
  console.log(
    electronBinary
      ? 'There is no graphical display on this machine, so Comptoir starts in browser mode instead.'
      : "Electron's binary is not available on this machine, so Comptoir starts in browser mode instead.",
  )
  if (!existsSync(browserModeEntry)) {
    console.error(`${browserModeEntry} is missing: run \`npx electron-vite build\` first.`)
    process.exit(1)
  }
  run(process.execPath, [browserModeEntry, ...argv], process.env)
}
