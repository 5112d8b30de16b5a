import { z } from 'zod'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema, roleSchema } from '../common-schemas'
import { basisPointsSchema } from '../pricing-schemas'
import { pinSchema } from './auth-calls'
import { vatCategorySchema } from './catalogue-calls'
import { staffMemberSchema } from './user-calls'
import {
  moneyAmountSchema,
  auditEntrySchema,
  auditVerificationSchema,
  isoInstantSchema,
  issuerAccountSchema,
  issuerAccountStatusSchema,
  issuerFaultsSchema,
  issuerJournalEntrySchema,
  keysetPageInput,
  pricingSettingsViewSchema,
  promotionInputSchema,
  settingsViewSchema,
  shopIdentityViewSchema,
  shopSettingsViewSchema,
} from './administration-schemas'

export * from './administration-schemas'

/**
 * The administration screens: users, shop settings, the audit log and the issuer console.
 * Every call is for administrators only. Settings updates take a partial object and answer the
 * whole settings view, so a screen simply replaces what it shows. Lists are keyset-paged:
 * pass the previous page's `nextCursor` as `cursor`; null means there is nothing older.
 *
 * Error codes besides VALIDATION_FAILED / FORBIDDEN / NOT_FOUND: see ADMINISTRATION_ERROR_CODES.
 */
export const administrationCalls = {
  'audit.list': defineCall({
    summary: 'Audit entries, newest first; pass the previous page’s nextCursor for older ones',
    role: 'admin',
    errors: [],
    input: z.object({ ...keysetPageInput, action: z.string().max(60).optional() }).strict(),
    output: z.object({ entries: z.array(auditEntrySchema), nextCursor: idSchema.nullable() }),
  }),
  'audit.verify': defineCall({
    summary: 'Recompute the hash chain and name the first entry that was altered',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: auditVerificationSchema,
  }),
  'users.create': defineCall({
    summary: 'Add a cashier or an administrator with their PIN',
    role: 'admin',
    errors: ['USER_NAME_TAKEN'],
    input: z
      .object({ displayName: z.string().trim().min(1).max(60), role: roleSchema, pin: pinSchema })
      .strict(),
    output: staffMemberSchema,
  }),
  'users.changeRole': defineCall({
    summary: 'Make a user a cashier or an administrator (the last active administrator stays one)',
    role: 'admin',
    errors: ['NOT_FOUND', 'LAST_ADMINISTRATOR'],
    input: z.object({ userId: idSchema, role: roleSchema }).strict(),
    output: staffMemberSchema,
  }),
  'users.resetPin': defineCall({
    summary: 'Give a user a new PIN; this also lifts a lockout',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ userId: idSchema, pin: pinSchema }).strict(),
    output: staffMemberSchema,
  }),
  'users.deactivate': defineCall({
    summary: 'Stop a user from logging in and end their sessions (never the last administrator)',
    role: 'admin',
    errors: ['NOT_FOUND', 'LAST_ADMINISTRATOR'],
    input: z.object({ userId: idSchema }).strict(),
    output: staffMemberSchema,
  }),
  'users.reactivate': defineCall({
    summary: 'Let a deactivated user log in again',
    role: 'admin',
    errors: ['NOT_FOUND', 'USER_NAME_TAKEN'],
    input: z.object({ userId: idSchema }).strict(),
    output: staffMemberSchema,
  }),
  'settings.get': defineCall({
    summary:
      'Shop identity, shop and pricing settings, VAT rates, promotion codes, card vault protection',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: settingsViewSchema,
  }),
  'settings.updateShop': defineCall({
    summary: 'Change some shop settings (lock delay, PIN lockout, issuer timeout, name, currency)',
    role: 'admin',
    errors: [],
    input: shopSettingsViewSchema.partial().strict(),
    output: settingsViewSchema,
  }),
  'settings.updateIdentity': defineCall({
    summary: 'Change who the shop is on its documents',
    role: 'admin',
    errors: [],
    input: shopIdentityViewSchema.partial().strict(),
    output: settingsViewSchema,
  }),
  'settings.updatePricing': defineCall({
    summary:
      'Change price mode, delivery bands and fees, free-delivery threshold, approval threshold',
    role: 'admin',
    errors: [],
    input: pricingSettingsViewSchema.partial().strict(),
    output: settingsViewSchema,
  }),
  'settings.addVatRate': defineCall({
    summary: 'A new rate for a category from a future instant on; carts priced before keep theirs',
    role: 'admin',
    errors: ['EFFECTIVE_DATE_IN_PAST'],
    input: z
      .object({
        category: vatCategorySchema,
        rateBasisPoints: basisPointsSchema,
        effectiveFrom: isoInstantSchema,
      })
      .strict(),
    output: settingsViewSchema,
  }),
  'settings.savePromotion': defineCall({
    summary: 'Create or change a promotion code (its use count is kept)',
    role: 'admin',
    errors: ['PROMOTION_INVALID'],
    input: promotionInputSchema,
    output: settingsViewSchema,
  }),
  'settings.deactivatePromotion': defineCall({
    summary: 'Stop a promotion code from applying to new carts',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ code: z.string().trim().min(1).max(40) }).strict(),
    output: settingsViewSchema,
  }),
  'issuer.accounts': defineCall({
    summary: 'The simulated issuer’s cardholder accounts with funds, holds and limits',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: z.array(issuerAccountSchema),
  }),
  'issuer.journal': defineCall({
    summary: 'One account’s append-only movements, newest first',
    role: 'admin',
    errors: ['NOT_FOUND'],
    input: z.object({ accountId: idSchema, ...keysetPageInput }).strict(),
    output: z.object({
      account: issuerAccountSchema,
      entries: z.array(issuerJournalEntrySchema),
      nextCursor: idSchema.nullable(),
    }),
  }),
  'issuer.updateAccount': defineCall({
    summary: 'Change an account’s balance (an adjustment movement), limit, expiry or status',
    role: 'admin',
    errors: ['NOT_FOUND', 'ACCOUNT_CHANGE_REFUSED'],
    input: z
      .object({
        accountId: idSchema,
        balance: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
        creditLimit: moneyAmountSchema.max(1_000_000_000).optional(),
        overdraft: moneyAmountSchema.max(1_000_000_000).optional(),
        perTransactionLimit: z.number().int().positive().max(1_000_000_000).optional(),
        dailyLimit: z.number().int().positive().max(1_000_000_000).optional(),
        expiryMonth: z.number().int().min(1).max(12).optional(),
        expiryYear: z.number().int().min(2000).max(2099).optional(),
        status: issuerAccountStatusSchema.optional(),
      })
      .strict(),
    output: issuerAccountSchema,
  }),
  'issuer.faults': defineCall({
    summary: 'The simulator’s fault injection: latency and shares of 91, 96 and silence',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: issuerFaultsSchema,
  }),
  'issuer.setFaults': defineCall({
    summary: 'Set the simulator’s fault injection (applies to every message type)',
    role: 'admin',
    errors: [],
    input: issuerFaultsSchema
      .strict()
      .refine((faults) => faults.share91 + faults.share96 <= 1, {
        message: 'share91 + share96 must be at most 1',
      }),
    output: issuerFaultsSchema,
  }),
}
