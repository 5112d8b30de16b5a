import {
  ADMINISTRATION_ERROR_CODES,
  err,
  ok,
  type PricingSettingsView,
  type Result,
  type SettingsView,
  type ShopIdentityView,
  type ShopSettingsView,
  type VatCategory,
} from '@shared/contract'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { PromotionCodes, VatRates } from '../pricing'
import type { SettingsRepository } from './settings-repository'
import {
  readPricingSettings,
  storedPricingSettingsSchema,
  writePricingSettings,
  type StoredPricingSettings,
} from './pricing-settings'
import {
  readShopIdentity,
  shopIdentitySchema,
  writeShopIdentity,
  type ShopIdentity,
} from './shop-identity'
import {
  readShopSettings,
  shopSettingsSchema,
  writeShopSettings,
  type ShopSettings,
} from './shop-settings'
import type { PromotionChange } from '../pricing'
import { vatRatesWithCurrent } from './vat-rate-view'

/** The contract's copies of the settings shapes must stay the ones main stores: checked here. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const shapesMatch: [
  Same<ShopSettings, ShopSettingsView>,
  Same<ShopIdentity, ShopIdentityView>,
  Same<StoredPricingSettings, PricingSettingsView>,
] = [true, true, true]
void shapesMatch

export interface SettingsAdministrationDependencies {
  db: SqliteDatabase
  settings: SettingsRepository
  vatRates: VatRates
  promotions: PromotionCodes
  /** Whether the card vault's key sits behind a real OS secret store. */
  cardVaultProtection: () => Promise<{ osBacked: boolean; backend: string }>
  now: () => Date
}

/**
 * The shop's settings as the administration screen edits them. Each change is validated whole
 * (the patch merged onto what is stored), written, and audited with before and after in one
 * transaction. Settings are read where they are used, so changes apply to the next cart, login
 * or payment without a restart.
 */
export class SettingsAdministration {
  private readonly promotions: PromotionCodes

  constructor(private readonly deps: SettingsAdministrationDependencies) {
    this.promotions = deps.promotions
  }

  async view(): Promise<SettingsView> {
    const { settings, vatRates } = this.deps
    const protection = await this.deps.cardVaultProtection()
    return {
      shop: readShopSettings(settings),
      identity: readShopIdentity(settings),
      pricing: readPricingSettings(settings),
      vatRates: vatRatesWithCurrent(vatRates.history(), this.deps.now()),
      promotions: this.promotions.list(),
      cardVault: { osBacked: protection.osBacked, backend: protection.backend },
    }
  }

  updateShop(actorId: number, patch: Partial<ShopSettings>): Result<void, 'VALIDATION_FAILED'> {
    const before = readShopSettings(this.deps.settings)
    const after = shopSettingsSchema.safeParse({ ...before, ...patch })
    if (!after.success)
      return err('VALIDATION_FAILED', 'These shop settings are not valid', after.error.issues)
    return this.write(actorId, 'settings.shopChanged', 'settings:shop', before, after.data, () =>
      writeShopSettings(this.deps.settings, after.data),
    )
  }

  updateIdentity(actorId: number, patch: Partial<ShopIdentity>): Result<void, 'VALIDATION_FAILED'> {
    const before = readShopIdentity(this.deps.settings)
    const after = shopIdentitySchema.safeParse({ ...before, ...patch })
    if (!after.success)
      return err('VALIDATION_FAILED', 'This shop identity is not valid', after.error.issues)
    return this.write(
      actorId,
      'settings.identityChanged',
      'settings:identity',
      before,
      after.data,
      () => writeShopIdentity(this.deps.settings, after.data),
    )
  }

  updatePricing(actorId: number, patch: Partial<StoredPricingSettings>): Result<void, 'VALIDATION_FAILED'> {
    const before = readPricingSettings(this.deps.settings)
    const after = storedPricingSettingsSchema.safeParse({ ...before, ...patch })
    if (!after.success)
      return err('VALIDATION_FAILED', 'These pricing settings are not valid', after.error.issues)
    return this.write(
      actorId,
      'settings.pricingChanged',
      'settings:pricing',
      before,
      after.data,
      () => writePricingSettings(this.deps.settings, after.data),
    )
  }

  /**
   * A rate change is a new row from a future instant on: carts priced before it, and the orders
   * frozen from them, keep the rate they were priced at.
   */
  addVatRate(
    actorId: number,
    category: VatCategory,
    rateBasisPoints: number,
    effectiveFrom: string,
  ): Result<void, 'EFFECTIVE_DATE_IN_PAST'> {
    const now = this.deps.now()
    if (!(Date.parse(effectiveFrom) > now.getTime())) {
      return err(
        ADMINISTRATION_ERROR_CODES.effectiveDateInPast,
        'A new VAT rate must start in the future',
        {
          effectiveFrom,
        },
      )
    }
    const current = vatRatesWithCurrent(this.deps.vatRates.history(), now).find(
      (rate) => rate.category === category && rate.current,
    )
    const after = { category, rateBasisPoints, effectiveFrom }
    return this.write(
      actorId,
      'settings.vatRateAdded',
      `vat-rate:${category}`,
      current ?? null,
      after,
      () => this.deps.vatRates.add(after, now.toISOString()),
    )
  }

  savePromotion(actorId: number, promotion: PromotionChange): Result<void, 'PROMOTION_INVALID'> {
    const code = promotion.code.toUpperCase()
    if (promotion.type === 'percent' && promotion.value > 10_000) {
      return err(ADMINISTRATION_ERROR_CODES.promotionInvalid, 'A percentage cannot exceed 100 %', {
        code,
      })
    }
    if (
      promotion.validFrom &&
      promotion.validUntil &&
      !(Date.parse(promotion.validUntil) > Date.parse(promotion.validFrom))
    ) {
      return err(
        ADMINISTRATION_ERROR_CODES.promotionInvalid,
        'A promotion must end after it starts',
        { code },
      )
    }
    const before = this.promotions.find(code)
    // A free-delivery code has no value of its own; the stored row keeps its original spelling.
    const after = {
      ...promotion,
      code: before?.code ?? code,
      value: promotion.type === 'free-delivery' ? 0 : promotion.value,
    }
    return this.write(
      actorId,
      'settings.promotionSaved',
      `promotion:${after.code}`,
      before,
      after,
      () => this.promotions.save(after),
    )
  }

  deactivatePromotion(actorId: number, code: string): Result<void, 'NOT_FOUND'> {
    const before = this.promotions.find(code)
    if (!before) return err('NOT_FOUND', 'There is no such promotion code', { code })
    if (!before.active) return ok(undefined)
    const after = { ...before, active: false }
    return this.write(
      actorId,
      'settings.promotionDeactivated',
      `promotion:${before.code}`,
      before,
      after,
      () => this.promotions.setActive(before.code, false),
    )
  }

  private write(
    actorId: number,
    action: string,
    subject: string,
    before: unknown,
    after: unknown,
    change: () => void,
  ): Result<void, never> {
    const at = this.deps.now().toISOString()
    this.deps.db.transaction(() => {
      change()
      recordAudit(this.deps.db, {
        action,
        userId: actorId,
        subject,
        details: { before, after },
        at,
      })
    })()
    return ok(undefined)
  }
}
