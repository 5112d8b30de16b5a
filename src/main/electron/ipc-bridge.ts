import type { IpcMain } from 'electron'
import { BRIDGE_CHANNEL, err, type Result } from '@shared/contract'
import type { Logger } from '../../platform/logging/logger'
import type { Router } from '../rpc/router'
import type { OriginCheck } from './app-origin'

/** The parts of `IpcMainInvokeEvent` the bridge reads; a plain object in tests. */
export interface BridgeEvent {
  readonly senderFrame: { readonly url: string } | null
  readonly sender: { readonly id: number }
}

export interface BridgeOptions {
  router: Pick<Router, 'dispatch'>
  isTrustedUrl: OriginCheck
  logger?: Pick<Logger, 'warn' | 'error'>
}

export type BridgeHandler = (
  event: BridgeEvent,
  name: unknown,
  input: unknown,
) => Promise<Result<unknown>>

/** Each window is its own client, so each has its own login session. */
export function clientIdForWebContents(webContentsId: number): string {
  return `window-${webContentsId}`
}

/**
 * Handles `comptoir:call`. Only a frame of the app's own origin may call: an iframe or a page
 * that got in some other way gets FORBIDDEN. Answers are always values, because an error thrown
 * from `ipcMain.handle` reaches the renderer as a bare message.
 */
export function createBridgeHandler(options: BridgeOptions): BridgeHandler {
  return async (event, name, input) => {
    const frameUrl = event.senderFrame?.url
    if (frameUrl === undefined || !options.isTrustedUrl(frameUrl)) {
      options.logger?.warn('Refused a bridge call from a frame outside the app', {
        call: typeof name === 'string' ? name.slice(0, 60) : typeof name,
      })
      return err('FORBIDDEN', 'This page may not use the till')
    }
    if (typeof name !== 'string') return err('UNKNOWN_CALL', 'A call needs a name')
    try {
      return await options.router.dispatch(name, input, clientIdForWebContents(event.sender.id))
    } catch (error) {
      // The router answers values already; this only guards the IPC boundary itself.
      options.logger?.error(`Bridge call ${name.slice(0, 60)} failed`, error)
      return err('INTERNAL', 'Something went wrong; the action was not completed')
    }
  }
}

/** Listens on the one bridge channel; returns what stops listening. */
export function registerBridge(ipcMain: IpcMain, handler: BridgeHandler): () => void {
  ipcMain.handle(BRIDGE_CHANNEL, (event, name: unknown, input: unknown) =>
    handler(event, name, input),
  )
  return () => ipcMain.removeHandler(BRIDGE_CHANNEL)
}
