/**
 * Answers crossing the bridge are values, never thrown errors: Electron's ipcMain.handle would
 * otherwise strip everything but the message, and HTTP would need a second error channel.
 */
export { ERROR_CODES, type ErrorCode } from './errors'
import type { ErrorCode } from './errors'

export interface AppError<C extends ErrorCode = ErrorCode> {
  code: C
  message: string
  details?: unknown
}

export type Ok<T> = { ok: true; value: T }
export type Err<C extends ErrorCode = ErrorCode> = { ok: false; error: AppError<C> }
/** `C` narrows the codes an answer may carry (a call's own and the common ones). */
export type Result<T, C extends ErrorCode = ErrorCode> = Ok<T> | Err<C>

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value }
}

export function err<C extends ErrorCode>(code: C, message: string, details?: unknown): Err<C> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}
