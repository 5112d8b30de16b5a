import { z } from 'zod'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema, minorUnitsSchema } from '../common-schemas'
import { DOWNLOAD_PATH_PREFIX } from './back-office-calls'

/** The kinds of record of the fiscal journal (issue 14). */
export const FISCAL_RECORD_KIND_NAMES = [
  'ticket',
  'credit_note',
  'cancellation',
  'duplicate',
  'float',
  'cash_in',
  'cash_out',
  'session_close',
  'closing_day',
  'closing_month',
  'closing_year',
  'invoice',
] as const
export const fiscalRecordKindSchema = z.enum(FISCAL_RECORD_KIND_NAMES)
export type FiscalRecordKindName = z.infer<typeof fiscalRecordKindSchema>

const fiscalDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A day is YYYY-MM-DD')

export const fiscalRecordRowSchema = z.object({
  id: idSchema,
  tillId: z.string(),
  chain: z.enum(['real', 'training']),
  sequence: z.number().int().positive(),
  kind: fiscalRecordKindSchema,
  /** The shop's local time to the second with its offset. */
  occurredAt: z.string(),
  operatorName: z.string(),
  orderNumber: z.string().nullable(),
  /** The record's TTC (a credit note's is negative), or a cash movement's amount; null when it has none. */
  amount: minorUnitsSchema.nullable(),
  gtNet: minorUnitsSchema,
  gtAbsolute: minorUnitsSchema,
  /** The signature's first characters, as the ticket prints them. */
  shortSignature: z.string(),
})
export type FiscalRecordRow = z.infer<typeof fiscalRecordRowSchema>

export const fiscalBreakSchema = z.object({
  table: z.enum(['fiscal_records', 'fiscal_events']),
  id: z.number().int(),
  tillId: z.string(),
  chain: z.string(),
  sequence: z.number().int(),
  problem: z.string(),
})

export const fiscalCheckSchema = z.object({
  ok: z.boolean(),
  /** When the check ran, the shop's local time with its offset. */
  at: z.string(),
  /** Only the last records of each chain (the start-up check). */
  tailOnly: z.boolean(),
  records: z.number().int().nonnegative(),
  events: z.number().int().nonnegative(),
  broken: fiscalBreakSchema.nullable(),
})
export type FiscalCheck = z.infer<typeof fiscalCheckSchema>

/** A daily closing (Z) as signed in the journal: the day's sums per VAT rate and payment mode, and the grand totals. */
export const fiscalDayClosingSchema = z.object({
  id: idSchema,
  tillId: z.string(),
  chain: z.enum(['real', 'training']),
  sequence: z.number().int().positive(),
  /** When the Z was written, the shop's local time with its offset. */
  occurredAt: z.string(),
  operatorName: z.string(),
  /** Written by the till itself (at its start, for a day left without its Z), not by a person. */
  automatic: z.boolean(),
  day: fiscalDaySchema,
  records: z.object({ count: z.number().int().nonnegative(), firstSequence: z.number().int().nullable(), lastSequence: z.number().int().nullable() }),
  counts: z.object({
    tickets: z.number().int().nonnegative(),
    creditNotes: z.number().int().nonnegative(),
    cancellations: z.number().int().nonnegative(),
    duplicates: z.number().int().nonnegative(),
  }),
  rates: z.array(z.object({ rateBasisPoints: z.number().int().nonnegative(), ht: minorUnitsSchema, vat: minorUnitsSchema, ttc: minorUnitsSchema })),
  payments: z.array(z.object({ mode: z.string(), amount: minorUnitsSchema })),
  dayTotals: z.object({ net: minorUnitsSchema, absolute: minorUnitsSchema }),
  perpetual: z.object({ gtNet: minorUnitsSchema, gtAbsolute: minorUnitsSchema }),
  /** The record's whole signature (base64), printed in short on the paper. */
  signature: z.string(),
})
export type FiscalDayClosing = z.infer<typeof fiscalDayClosingSchema>

/**
 * The fiscal journal's screen (administrators) and the duplicate of a ticket (staff). Records are
 * keyset-paged newest first: pass the previous page's `nextCursor` as `cursor`.
 */
export const fiscalCalls = {
  'fiscal.records': defineCall({
    summary: 'Fiscal journal records, newest first, by kind and shop day, with the last integrity check',
    role: 'admin',
    errors: [],
    input: z
      .object({
        kind: fiscalRecordKindSchema.optional(),
        fromDay: fiscalDaySchema.optional(),
        toDay: fiscalDaySchema.optional(),
        cursor: idSchema.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.object({
      records: z.array(fiscalRecordRowSchema),
      nextCursor: idSchema.nullable(),
      lastCheck: fiscalCheckSchema.nullable(),
    }),
  }),
  'fiscal.verify': defineCall({
    summary: 'Check every signature, link, number and grand total of the journal and the JET now (recorded in the JET)',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: fiscalCheckSchema,
  }),
  'fiscal.closeDay': defineCall({
    summary: 'The daily closing (Z) of a day that is over (yesterday by default) and of earlier days left open; a closed day refuses records',
    role: 'admin',
    errors: ['CONFLICT'],
    input: z.object({ day: fiscalDaySchema.optional() }).strict(),
    /** The closings written, oldest first, and the days they close. */
    output: z.object({ closings: z.array(fiscalRecordRowSchema), days: z.array(fiscalDaySchema) }),
  }),
  'fiscal.closing': defineCall({
    summary: 'A daily closing (Z) of the journal, to show and print (A4 or 80 mm)',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ id: idSchema }).strict(),
    output: fiscalDayClosingSchema,
  }),
  'fiscal.archive': defineCall({
    summary:
      'The fiscal archive of a closed period of this till (a month, a year, or every closed day): a signed ZIP, as a single-use download address for this session; recorded in the JET',
    role: 'admin',
    errors: ['FISCAL_PERIOD_OPEN'],
    input: z
      .object({ period: z.string().regex(/^(\d{4}(-(0[1-9]|1[0-2]))?|closed)$/, 'A period is YYYY-MM, YYYY or closed') })
      .strict(),
    output: z.object({
      url: z.string().startsWith(DOWNLOAD_PATH_PREFIX),
      fileName: z.string(),
      /** Records archived, every chain together. */
      records: z.number().int().nonnegative(),
      expiresInSeconds: z.number().int().positive(),
    }),
  }),
  'orders.reprintApproval': defineCall({
    summary: 'A duplicate of a sale’s approval (DUPLICATA n° k), recorded in the fiscal journal',
    role: 'staff',
    errors: ['NOT_FOUND'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({ html: z.string(), copyNumber: z.number().int().positive() }),
  }),
  'orders.cancellationTicket': defineCall({
    summary:
      'A voided card sale’s cancellation ticket (its approval under a band: amount, journal number, signature), printed without asking (AGEC exception); recorded in the audit log',
    role: 'admin',
    errors: ['NOT_FOUND', 'CONFLICT'],
    input: z.object({ orderId: idSchema }).strict(),
    output: z.object({
      html: z.string(),
      /** 'printed' by the receipt printer, 'failed' when it did not answer; absent without one (the page prints the HTML). */
      printer: z.enum(['printed', 'failed']).optional(),
    }),
  }),
}
