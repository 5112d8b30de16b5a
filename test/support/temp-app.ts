import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallInput, CallName, CallOutput, Result } from '@shared/contract'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import type { DocumentPrinter } from '../../src/main/documents/document-printer'
import { createLogger } from '../../src/platform/logging/logger'
import { DEMO_USERS } from '../../src/main/seed/seed-demo-shop'
import { keepTestData } from './keep-test-data'

export interface TempApp {
  app: ComptoirApp
  dataDir: string
  /** Calls through the router, as the renderer would. */
  call<N extends CallName>(name: N, input: CallInput<N>, clientId?: string): Promise<Result<CallOutput<N>>>
  /** Calls and fails the test on an error answer. */
  value<N extends CallName>(name: N, input: CallInput<N>, clientId?: string): Promise<CallOutput<N>>
  loginAs(role: 'cashier' | 'admin', clientId?: string): Promise<void>
  dispose(): void
}

export const DEFAULT_CLIENT = 'test-client'

/** A real app over a real SQLite file in a fresh temporary folder. */
export function createTempApp(
  options: { now?: () => Date; dataDir?: string; documentPrinter?: DocumentPrinter; tillId?: string; appVersion?: string } = {},
): TempApp {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'comptoir-test-'))
  const app = createApp({
    dataDir,
    logger: createLogger(join(dataDir, 'logs', 'comptoir.log'), { quiet: true }),
    now: options.now,
    documentPrinter: options.documentPrinter,
    tillId: options.tillId,
    appVersion: options.appVersion,
  })
  const call = <N extends CallName>(name: N, input: CallInput<N>, clientId = DEFAULT_CLIENT) =>
    app.router.dispatch(name, input, clientId) as Promise<Result<CallOutput<N>>>
  const value = async <N extends CallName>(name: N, input: CallInput<N>, clientId = DEFAULT_CLIENT) => {
    const result = await call(name, input, clientId)
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  return {
    app,
    dataDir,
    call,
    value,
    async loginAs(role, clientId = DEFAULT_CLIENT) {
      const demo = DEMO_USERS.find((user) => user.role === role)!
      const users = await value('auth.listUsers', {}, clientId)
      const user = users.find((candidate) => candidate.displayName === demo.displayName)!
      await value('auth.login', { userId: user.id, pin: demo.pin }, clientId)
    },
    dispose() {
      app.close()
      if (!options.dataDir && !keepTestData()) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
