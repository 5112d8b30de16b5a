import type { z } from 'zod'
import type { CallErrorCode } from './errors'

/**
 * Who may make a call. `staff` is any logged-in user (cashier or administrator); `admin` is
 * administrators only. Checked in main, whatever the renderer shows.
 */
export type CallRole = 'none' | 'staff' | 'admin'

export interface CallDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  R extends CallRole = CallRole,
  E extends readonly CallErrorCode[] = readonly CallErrorCode[],
> {
  input: I
  output: O
  role: R
  /**
   * The codes this call may answer besides the common ones (`COMMON_ERROR_CODES`); the router
   * answers INTERNAL, and logs a breach, for any other.
   */
  errors: E
  summary: string
}

/** Declares one bridge call; the helper only exists so TypeScript keeps the exact schema types. */
export function defineCall<
  I extends z.ZodType,
  O extends z.ZodType,
  R extends CallRole,
  const E extends readonly CallErrorCode[],
>(definition: CallDefinition<I, O, R, E>): CallDefinition<I, O, R, E> {
  return definition
}
