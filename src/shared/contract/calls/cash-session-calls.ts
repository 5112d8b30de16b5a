import { z } from 'zod'
import { EURO_DENOMINATIONS, MAX_DENOMINATION_QUANTITY } from '../../domain/euro-denominations'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema, minorUnitsSchema } from '../common-schemas'
import { pinSchema } from './auth-calls'

/** One line of a count: so many of this euro note or coin (in cents). */
export const denominationCountSchema = z
  .object({
    denomination: z.literal(EURO_DENOMINATIONS),
    quantity: z.number().int().min(0).max(MAX_DENOMINATION_QUANTITY),
  })
  .strict()

/** A count of the drawer by denomination: each note or coin at most once; empty lines allowed. */
export const cashCountSchema = z
  .array(denominationCountSchema)
  .max(EURO_DENOMINATIONS.length)
  .refine((lines) => new Set(lines.map((line) => line.denomination)).size === lines.length, 'Each denomination at most once')

export const cashMovementKindSchema = z.enum(['in', 'out'])
export type CashMovementKind = z.infer<typeof cashMovementKindSchema>

/** Why cash goes in or out of the drawer besides a sale: `other` needs a note. */
export const cashMovementReasonSchema = z.enum(['bank_deposit', 'change', 'petty_expense', 'other'])
export type CashMovementReason = z.infer<typeof cashMovementReasonSchema>

export const cashMovementSchema = z.object({
  id: idSchema,
  kind: cashMovementKindSchema,
  amount: minorUnitsSchema,
  reason: cashMovementReasonSchema,
  note: z.string().nullable(),
  userName: z.string(),
  at: z.string(),
})
export type CashMovement = z.infer<typeof cashMovementSchema>

/**
 * A till's session (its day): `open` takes sales, `counting` has its blind count submitted and
 * waits for the difference to be confirmed (no sale meanwhile), `closed` is over.
 */
export const cashSessionStatusSchema = z.enum(['open', 'counting', 'closed'])
export type CashSessionStatus = z.infer<typeof cashSessionStatusSchema>

/** The closing's figures: shown only once the count is submitted. */
export const cashClosingSchema = z.object({
  countedAmount: minorUnitsSchema,
  count: z.array(denominationCountSchema),
  expectedCash: minorUnitsSchema,
  /** counted − expected: positive when the drawer holds more than expected. */
  difference: minorUnitsSchema,
  /** Above this (in absolute value) an administrator confirms the difference. */
  approvalThreshold: minorUnitsSchema,
  needsApproval: z.boolean(),
  countedAt: z.string(),
  countedBy: z.string(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
})
export type CashClosing = z.infer<typeof cashClosingSchema>

export const cashSessionSchema = z.object({
  id: idSchema,
  /** The app's till id (`TILL-01`). */
  tillId: z.string(),
  /** The till as its sale numbers name it (`T01`). */
  till: z.string(),
  status: cashSessionStatusSchema,
  openedAt: z.string(),
  openedBy: z.string(),
  floatAmount: minorUnitsSchema,
  floatCount: z.array(denominationCountSchema),
  /** Opened on an earlier day of the shop's clock and still not closed: the till asks to close it. */
  leftOpenFromEarlierDay: z.boolean(),
  /** Set once the blind count is submitted. */
  closing: cashClosingSchema.nullable(),
})
export type CashSession = z.infer<typeof cashSessionSchema>

/** An X report: the session's figures at this moment; reading it changes nothing. */
export const xReportSchema = z.object({
  session: cashSessionSchema,
  at: z.string(),
  currency: z.string(),
  sales: z.object({ count: z.number().int().nonnegative(), cash: minorUnitsSchema, card: minorUnitsSchema, total: minorUnitsSchema }),
  refunds: z.object({ count: z.number().int().nonnegative(), cash: minorUnitsSchema, card: minorUnitsSchema, total: minorUnitsSchema }),
  movements: z.array(cashMovementSchema),
  cashIn: minorUnitsSchema,
  cashOut: minorUnitsSchema,
  /**
   * float + cash sales − cash refunds + cash in − cash out; null for a cashier, so that the
   * closing count stays blind (an administrator reads it).
   */
  expectedCash: minorUnitsSchema.nullable(),
})
export type XReport = z.infer<typeof xReportSchema>

export const cashSessionSettingsSchema = z.object({
  /** A closing difference above this, in absolute value and cents, needs an administrator. */
  differenceApprovalThreshold: z.number().int().min(0).max(100_000_00),
})
export type CashSessionSettings = z.infer<typeof cashSessionSettingsSchema>

const approvalSchema = z.object({ userId: idSchema, pin: pinSchema }).strict()

export const cashSessionCalls = {
  'cashSession.current': defineCall({
    summary: "The till's open session (or the one whose closing waits for confirmation), or null",
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: z.object({ session: cashSessionSchema.nullable() }),
  }),
  'cashSession.open': defineCall({
    summary: 'Open the till with its float counted by denomination',
    role: 'staff',
    errors: ['CASH_SESSION_ALREADY_OPEN'],
    input: z.object({ count: cashCountSchema }).strict(),
    output: cashSessionSchema,
  }),
  'cashSession.moveCash': defineCall({
    summary: 'Put cash in or take it out of the drawer, with a reason',
    role: 'staff',
    errors: ['CASH_SESSION_NOT_OPEN'],
    input: z
      .object({
        kind: cashMovementKindSchema,
        amount: z.number().int().min(1).max(100_000_00),
        reason: cashMovementReasonSchema,
        note: z.string().trim().max(200).optional(),
      })
      .strict(),
    output: cashMovementSchema,
  }),
  'cashSession.xReport': defineCall({
    summary: "The open session's figures now (X report); changes nothing",
    role: 'staff',
    errors: ['CASH_SESSION_NOT_OPEN'],
    input: emptyInputSchema,
    output: xReportSchema,
  }),
  'cashSession.submitCount': defineCall({
    summary: 'Submit the blind closing count; answers the expected cash and the difference',
    role: 'staff',
    errors: ['CASH_SESSION_NOT_OPEN', 'INVALID_TRANSITION'],
    input: z.object({ count: cashCountSchema }).strict(),
    output: cashSessionSchema,
  }),
  'cashSession.confirmClose': defineCall({
    summary: "Confirm the counted difference and close the session; above the threshold with an administrator's PIN",
    role: 'staff',
    errors: ['CASH_SESSION_NOT_OPEN', 'INVALID_TRANSITION', 'CASH_DIFFERENCE_APPROVAL_REQUIRED', 'INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'],
    input: z.object({ approval: approvalSchema.optional() }).strict(),
    output: cashSessionSchema,
  }),
  'cashSession.settings': defineCall({
    summary: 'The cash sessions settings (the difference an administrator must confirm)',
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: cashSessionSettingsSchema,
  }),
  'cashSession.saveSettings': defineCall({
    summary: 'Change the cash sessions settings',
    role: 'admin',
    errors: [],
    input: cashSessionSettingsSchema.strict(),
    output: cashSessionSettingsSchema,
  }),
}

export type CashSessionCallName = keyof typeof cashSessionCalls
