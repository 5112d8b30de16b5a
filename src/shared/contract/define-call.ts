import type { z } from 'zod'

/**
 * Who may make a call. `staff` is any logged-in user (cashier or administrator); `admin` is
 * administrators only. Checked in main, whatever the renderer shows.
 */
export type CallRole = 'none' | 'staff' | 'admin'

export interface CallDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
  R extends CallRole = CallRole,
> {
  input: I
  output: O
  role: R
  summary: string
}

/** Declares one bridge call; the helper only exists so TypeScript keeps the exact schema types. */
export function defineCall<I extends z.ZodType, O extends z.ZodType, R extends CallRole>(
  definition: CallDefinition<I, O, R>,
): CallDefinition<I, O, R> {
  return definition
}
