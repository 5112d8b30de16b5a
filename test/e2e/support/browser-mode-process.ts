import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ENTRY = resolve(__dirname, '../../../out/main/browser-mode.js')

export interface BrowserModeProcess {
  url: string
  dataDir: string
  child: ChildProcess
  /** Stops the server politely (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>
  /** Kills the server at once, as a power cut or a crash would. */
  kill(): Promise<void>
  /** Resolves when the process has exited, whatever ended it. */
  exited: Promise<void>
}

/**
 * Starts the built browser-mode server (`npm test` builds it first) on a free port over a data
 * folder, and resolves once it prints its address.
 */
export function startBrowserMode(
  dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-')),
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<BrowserModeProcess> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npx electron-vite build" first`)
  const child = spawn(process.execPath, [ENTRY, '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  const stopWith = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited
  }
  return new Promise((resolveStart, rejectStart) => {
    let output = ''
    const timer = setTimeout(() => rejectStart(new Error(`browser mode did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = /ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveStart({
          url: match[1]!,
          dataDir,
          child,
          stop: () => stopWith('SIGTERM'),
          kill: () => stopWith('SIGKILL'),
          exited,
        })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      rejectStart(new Error(`browser mode exited with ${code}:\n${output}`))
    })
  })
}

const ISSUER_ENTRY = resolve(__dirname, '../../../out/main/issuer.js')

export interface IssuerProcess {
  url: string
  stop(): Promise<void>
  /** Kills the issuer at once, as a power cut or a crash would. */
  kill(): Promise<void>
  /** Resolves when the process has exited, whatever ended it. */
  exited: Promise<void>
}

/**
 * `npm run issuer` on the same data folder: the issuer as its own process, over mutual TLS (on
 * a free port, unless `extraArgs` gives `--port`: a fixed port lets a restarted issuer be found
 * at the same address).
 */
export function startIssuerProcess(dataDir: string, extraArgs: string[] = [], env: NodeJS.ProcessEnv = process.env): Promise<IssuerProcess> {
  const portArgs = extraArgs.includes('--port') ? [] : ['--port', '0']
  const child = spawn(process.execPath, [ISSUER_ENTRY, '--data-dir', dataDir, ...portArgs, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  })
  const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()))
  return new Promise((resolveStart, rejectStart) => {
    let output = ''
    const timer = setTimeout(() => rejectStart(new Error(`issuer did not start:\n${output}`)), 30_000)
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /(https:\/\/127\.0\.0\.1:\d+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        resolveStart({
          url: match[1]!,
          stop: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
            await exited
          },
          kill: async () => {
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
            await exited
          },
          exited,
        })
      }
    })
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      rejectStart(new Error(`issuer exited with ${code}:\n${output}`))
    })
  })
}
