import { z } from 'zod'
import { defineCall } from '../define-call'
import { currencySchema, emptyInputSchema, emptyOutputSchema, idSchema, roleSchema } from '../common-schemas'

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'A PIN is 4 to 8 digits')

export const userSummarySchema = z.object({
  id: idSchema,
  displayName: z.string(),
  role: roleSchema,
})
export type UserSummary = z.infer<typeof userSummarySchema>

export const sessionSchema = z.object({
  user: userSummarySchema.nullable(),
  tillId: z.string(),
  shopName: z.string(),
  currency: currencySchema,
  /** Seconds without activity before the till locks itself. */
  inactivityLockSeconds: z.number().int().positive(),
  /** The shop's IANA time zone: dates on the screens are shown in it, not in the browser's. */
  timeZone: z.string(),
})
export type SessionInfo = z.infer<typeof sessionSchema>

export const authCalls = {
  'session.current': defineCall({
    summary: 'Who is logged in at this till, and the shop settings the screens need',
    role: 'none',
    errors: [],
    input: emptyInputSchema,
    output: sessionSchema,
  }),
  'auth.listUsers': defineCall({
    summary: 'Active users, for the login screen tiles',
    role: 'none',
    errors: [],
    input: emptyInputSchema,
    output: z.array(userSummarySchema),
  }),
  'auth.login': defineCall({
    summary: 'Log a user in with their PIN',
    role: 'none',
    // TOO_MANY_ATTEMPTS: details.retryAfter, the seconds to wait (a delay, never a lock).
    errors: ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'],
    input: z.object({ userId: idSchema, pin: pinSchema }).strict(),
    output: sessionSchema,
  }),
  'auth.logout': defineCall({
    summary: 'End the session at this till',
    role: 'none',
    errors: [],
    input: emptyInputSchema,
    output: emptyOutputSchema,
  }),
}
