import { z } from 'zod'
import { defineCall } from '../define-call'

/**
 * The purge of old detail (issue 14, "Archives"): an administrator's action, a JET event. Only
 * the detail of a year over six years old, archived and verified, goes; closings and grand totals
 * stay, and so do the invoices.
 */
export const fiscalPurgeCalls = {
  'fiscal.purge': defineCall({
    summary: 'Purge the journal’s detail of a year (and the years before it) over six years old, archived and verified; closings stay',
    role: 'admin',
    errors: ['FISCAL_PURGE_TOO_RECENT', 'FISCAL_PURGE_NOT_ARCHIVED', 'FISCAL_PURGE_NOT_VERIFIED'],
    input: z.object({ year: z.number().int().min(2000).max(9999) }).strict(),
    output: z.object({
      year: z.number().int(),
      /** The last day whose detail is gone. */
      throughDay: z.string(),
      /** Records deleted, every chain together (closings and invoices are never among them). */
      deleted: z.number().int().nonnegative(),
      chains: z.array(z.object({ chain: z.string(), throughSequence: z.number().int().positive(), deleted: z.number().int().nonnegative() })),
    }),
  }),
}
