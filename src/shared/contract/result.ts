/**
 * Answers crossing the bridge are values, never thrown errors: Electron's ipcMain.handle would
 * otherwise strip everything but the message, and HTTP would need a second error channel.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'USER_LOCKED',
  'NOT_FOUND',
  'UNKNOWN_CALL',
  'UNKNOWN_BARCODE',
  'INVALID_BARCODE',
  'QUANTITY_OUT_OF_RANGE',
  'LINE_NOT_FOUND',
  'PRODUCT_INACTIVE',
  'CONFLICT',
  'CARD_DECLINED',
  'PAYMENT_UNAVAILABLE',
  'NOT_AVAILABLE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {})

export interface AppError {
  code: ErrorCode
  message: string
  details?: unknown
}

export type Ok<T> = { ok: true; value: T }
export type Err = { ok: false; error: AppError }
export type Result<T> = Ok<T> | Err

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value }
}

export function err(code: ErrorCode, message: string, details?: unknown): Err {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}
