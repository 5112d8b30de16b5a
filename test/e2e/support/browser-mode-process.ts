import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ENTRY = resolve(__dirname, '../../../out/main/browser-mode.js')

export interface BrowserModeProcess {
  /** The origin, without a token (opening it without a session is refused). */
  url: string
  /** The address the server printed at start, with its one-time launch token. */
  launchUrl: string
  dataDir: string
  child: ChildProcess
  /** Stops the server politely (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>
  /** Kills the server at once, as a power cut or a crash would. */
  kill(): Promise<void>
  /** Resolves when the process has exited, whatever ended it. */
  exited: Promise<void>
}

/** The data folder of each server started here, by origin, to ask it for fresh launch addresses. */
const dataDirByUrl = new Map<string, string>()

/**
 * A fresh one-time launch address from the server running at `url`, as `npm run open-url` gets
 * it: the control secret from the data folder's 0600 file, `POST /launch` on loopback.
 */
export async function freshLaunchUrl(url: string): Promise<string> {
  const dataDir = dataDirByUrl.get(url)
  if (!dataDir) throw new Error(`no browser-mode server was started here at ${url}`)
  const { controlSecret } = JSON.parse(readFileSync(join(dataDir, 'browser-mode.json'), 'utf8')) as { controlSecret: string }
  const response = await fetch(`${url}/launch`, { method: 'POST', headers: { 'X-Comptoir-Control': controlSecret } })
  const answer = (await response.json()) as { ok: boolean; value?: { url: string } }
  if (!answer.ok || !answer.value) throw new Error(`${url} gave no launch address (HTTP ${response.status})`)
  return answer.value.url
}

/**
 * Starts the built browser-mode server (`npm test` builds it first) on a free port over a data
 * folder, and resolves once it prints its launch address (`ready at http://127.0.0.1:PORT/?token=…`).
 */
export function startBrowserMode(
  dataDir = mkdtempSync(join(tmpdir(), 'comptoir-e2e-')),
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
): Promise<BrowserModeProcess> {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npx electron-vite build" first`)
  // The customers' download server on loopback and any free port: tests never reach the LAN nor collide.
  const downloads = ['--downloads-host', '127.0.0.1', '--downloads-port', '0']
  const child = spawn(process.execPath, [ENTRY, '--data-dir', dataDir, '--port', '0', ...downloads, ...extraArgs], {
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
      const match = /ready at ((http:\/\/127\.0\.0\.1:\d+)\/\?token=[\w-]+)\n/.exec(output)
      if (match) {
        clearTimeout(timer)
        dataDirByUrl.set(match[2]!, dataDir)
        resolveStart({
          url: match[2]!,
          launchUrl: match[1]!,
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
