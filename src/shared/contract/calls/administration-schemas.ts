import { z } from 'zod'
import { currencySchema, idSchema, minorUnitsSchema } from '../common-schemas'
import { basisPointsSchema, priceModeSchema, promotionTypeSchema } from '../pricing-schemas'
import { isTimeZone } from '../../time/shop-time-zone'
import { vatCategorySchema } from './catalogue-calls'
import type { CallErrorCode } from '../errors'

/**
 * What the administration calls exchange: audit entries, settings, the issuer console. First, the
 * administration's own error codes by name; their sentences are in the registry (`../errors`).
 */
export const ADMINISTRATION_ERROR_CODES = {
  /** Deactivating or demoting the last active administrator. */
  lastAdministrator: 'LAST_ADMINISTRATOR',
  /** Another active user already has this display name (the login tiles would be ambiguous). */
  userNameTaken: 'USER_NAME_TAKEN',
  /** A VAT rate may only start in the future: carts already priced keep their rate. */
  effectiveDateInPast: 'EFFECTIVE_DATE_IN_PAST',
  /** A promotion whose end is not after its start, or a percentage above 100 %. */
  promotionInvalid: 'PROMOTION_INVALID',
  /** An issuer account change the simulator refuses (e.g. a debit account given a credit limit). */
  accountChangeRefused: 'ACCOUNT_CHANGE_REFUSED',
} as const satisfies Record<string, CallErrorCode>

export const moneyAmountSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
export const isoInstantSchema = z.iso.datetime({ offset: true })
const shareSchema = z.number().min(0).max(1)

// ---- Audit log ------------------------------------------------------------------------------

/** Actions main records; `action` stays a string so later features can add their own. */
export const KNOWN_AUDIT_ACTIONS = [
  'auth.login',
  'auth.wrongPin',
  /** Older databases only: wrong PINs now make the caller wait (`auth.throttled`), never lock. */
  'auth.lockout',
  'auth.throttled',
  'auth.unlocked',
  'discount.approved',
  'user.created',
  'user.roleChanged',
  'user.pinReset',
  'user.pinHashUpgraded',
  'user.deactivated',
  'user.reactivated',
  'settings.shopChanged',
  'settings.identityChanged',
  'settings.pricingChanged',
  'settings.vatRateAdded',
  'settings.promotionSaved',
  'settings.promotionDeactivated',
  /** The SMTP server or the receipt printer changed (never the password itself). */
  'settings.receiptsChanged',
  'order.voided',
  'order.refunded',
  /** A CSV export (orders or the VAT report) was prepared for download. */
  'order.exported',
  /** The customer's answer to 'Ticket ?' after a sale: printed, e-mailed (a recorded request) or none. */
  'order.ticketRequested',
] as const

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  action: z.string(),
  /** Who did it; null when nobody was logged in (a failed PIN names the user it was typed for). */
  userId: idSchema.nullable(),
  userDisplayName: z.string().nullable(),
  /** What it was done to, e.g. `user:3`, `order:C-000123`, `settings:shop`. */
  subject: z.string(),
  /** Before/after and whatever else the action records; never a PIN or a card number. */
  details: z.unknown(),
  previousHash: z.string(),
  hash: z.string(),
})
export type AuditEntry = z.infer<typeof auditEntrySchema>

export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  /** `brokenAt` is the id of the first entry whose link does not hold. */
  z.object({ ok: z.literal(false), brokenAt: z.number().int(), reason: z.string() }),
])
export type AuditVerification = z.infer<typeof auditVerificationSchema>

// ---- Settings -------------------------------------------------------------------------------

export const shopSettingsViewSchema = z.object({
  shopName: z.string().trim().min(1).max(80),
  currency: currencySchema,
  inactivityLockSeconds: z.number().int().min(30).max(86_400),
  maxFailedPins: z.number().int().min(1).max(20),
  pinLockMinutes: z.number().int().min(1).max(1440),
  /** Applies to the next authorization, without a restart. */
  issuerTimeoutSeconds: z.number().int().min(1).max(60),
  /** The shop's IANA time zone (Europe/Paris by default): back-office days, hours and export dates. */
  timeZone: z.string().refine(isTimeZone, 'An IANA time zone name, such as Europe/Paris'),
  /** A parked cart waiting longer than this (24 h by default) is listed for clean-up at the till. */
  parkedCartStaleHours: z.number().int().min(1).max(720),
})
export type ShopSettingsView = z.infer<typeof shopSettingsViewSchema>

export const shopIdentityViewSchema = z.object({
  name: z.string().trim().min(1).max(80),
  addressLine: z.string().trim().min(1).max(120),
  postcode: z.string().trim().min(1).max(10),
  city: z.string().trim().min(1).max(80),
  siret: z.string().regex(/^\d{3} ?\d{3} ?\d{3} ?\d{5}$/, 'A SIRET is 14 digits'),
  vatNumber: z
    .string()
    .regex(/^FR[0-9A-Z]{2} ?\d{9}$/, 'A French VAT number is FR, 2 characters, 9 digits'),
  merchantId: z.string().regex(/^[0-9A-Z]{8,15}$/),
  merchantCategoryCode: z.string().regex(/^\d{4}$/),
})
export type ShopIdentityView = z.infer<typeof shopIdentityViewSchema>

const weightBandSchema = z.object({
  upToGrams: z.number().int().positive().max(1_000_000),
  fee: moneyAmountSchema,
})
/** Bands in ascending weight; an empty list means the option is not offered in that zone. */
const bandListSchema = z
  .array(weightBandSchema)
  .max(20)
  .refine(
    (bands) => bands.every((band, i) => i === 0 || band.upToGrams > bands[i - 1]!.upToGrams),
    {
      message: 'Weight bands must go up in weight',
    },
  )
const zoneBandsSchema = z.object({ standard: bandListSchema, express: bandListSchema })

export const pricingSettingsViewSchema = z.object({
  priceMode: priceModeSchema,
  delivery: z.object({
    bands: z.object({ FR: zoneBandsSchema, EU: zoneBandsSchema, WORLD: zoneBandsSchema }),
    /** Standard delivery in France is free from this goods TTC; null: never free. */
    freeStandardThresholdFr: moneyAmountSchema.nullable(),
  }),
  /** A cashier's line discount above this share of the line needs an administrator's PIN. */
  discountApprovalThresholdBasisPoints: basisPointsSchema,
})
export type PricingSettingsView = z.infer<typeof pricingSettingsViewSchema>

export const vatRateSchema = z.object({
  category: vatCategorySchema,
  rateBasisPoints: basisPointsSchema,
  effectiveFrom: z.string(),
  /** The rate carts are priced at right now for its category. */
  current: z.boolean(),
})

export const promotionSchema = z.object({
  code: z.string(),
  type: promotionTypeSchema,
  /** Basis points for `percent`, minor units for `amount`, 0 for `free-delivery`. */
  value: moneyAmountSchema,
  minBasket: moneyAmountSchema.nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  usageLimit: z.number().int().nonnegative().nullable(),
  timesUsed: z.number().int().nonnegative(),
  active: z.boolean(),
})
export type PromotionView = z.infer<typeof promotionSchema>

export const settingsViewSchema = z.object({
  shop: shopSettingsViewSchema,
  identity: shopIdentityViewSchema,
  pricing: pricingSettingsViewSchema,
  /** Every rate ever set, oldest first per category. */
  vatRates: z.array(vatRateSchema),
  promotions: z.array(promotionSchema),
  /** `osBacked` false: saved cards' key sits in a plain file or `basic_text`; warn the admin. */
  cardVault: z.object({ osBacked: z.boolean(), backend: z.string() }),
})
export type SettingsView = z.infer<typeof settingsViewSchema>

export const promotionInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,40}$/, 'A code is 3 to 40 letters, digits, - or _'),
    type: promotionTypeSchema,
    value: moneyAmountSchema,
    minBasket: moneyAmountSchema.nullable().default(null),
    validFrom: isoInstantSchema.nullable().default(null),
    validUntil: isoInstantSchema.nullable().default(null),
    usageLimit: z.number().int().nonnegative().max(1_000_000_000).nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()

// ---- Issuer console -------------------------------------------------------------------------

export const issuerAccountStatusSchema = z.enum([
  'active',
  'lost',
  'stolen',
  'blocked',
  'restricted',
])

export const issuerAccountSchema = z.object({
  id: idSchema,
  /** The issuer keeps only a keyed hash and these four digits. */
  lastFour: z.string(),
  maskedCard: z.string(),
  holderName: z.string(),
  kind: z.enum(['credit', 'debit']),
  status: issuerAccountStatusSchema,
  expiryMonth: z.number().int(),
  expiryYear: z.number().int(),
  currency: currencySchema,
  /** Credit: amount owed. Debit: money in the account. */
  balance: minorUnitsSchema,
  creditLimit: moneyAmountSchema,
  overdraft: moneyAmountSchema,
  held: moneyAmountSchema,
  openHolds: z.number().int().nonnegative(),
  available: minorUnitsSchema,
  perTransactionLimit: moneyAmountSchema,
  dailyLimit: moneyAmountSchema,
})
export type IssuerAccountView = z.infer<typeof issuerAccountSchema>

export const issuerJournalEntrySchema = z.object({
  id: idSchema,
  movement: z.enum(['opening', 'hold', 'release', 'capture', 'refund', 'adjustment']),
  amount: moneyAmountSchema,
  balanceDelta: minorUnitsSchema,
  heldDelta: minorUnitsSchema,
  authorizationId: idSchema.nullable(),
  recordedAt: z.string(),
})

export const issuerFaultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(30_000),
  share91: shareSchema,
  share96: shareSchema,
  /** The issuer handles the message but never answers: the payment software must reverse. */
  silentShare: shareSchema,
})
export type IssuerFaultsView = z.infer<typeof issuerFaultsSchema>

export const keysetPageInput = {
  cursor: idSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
}
