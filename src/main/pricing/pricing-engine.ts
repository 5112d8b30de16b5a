import { ok, type Result } from '@shared/contract/result'
import { allocateCartDiscount } from './cart-discount-allocation'
import { DEMO_PRICING_SETTINGS } from './demo-pricing-settings'
import { resolveDelivery } from './delivery-fee'
import { lineDiscountAmount } from './line-discounts'
import { validateLines } from './line-validation'
import {
  checkPromotionMinBasket,
  checkPromotionValidity,
  promotionGoodsDiscount,
} from './promotion-rules'
import type {
  PriceQuote,
  PricingInput,
  PricingLine,
  PricingSettings,
  Promotion,
  QuoteDelivery,
  QuoteLine,
  QuoteRate,
} from './pricing-types'
import { splitShippingFee } from './shipping-split'
import { addToRate, bucketVat, goodsTtc, ratesHighestFirst, unitPrices } from './vat-buckets'

interface LineAmounts {
  line: PricingLine
  gross: number
  lineDiscount: number
  afterLineDiscount: number
}

/**
 * Prices a cart: the quote the till shows on every change and that checkout freezes into the
 * order. The steps run in a fixed order, each on integers only:
 *
 * 1. check every line (quantity 1–9 999, prices, rates, weights);
 * 2. line amounts and line discounts (a line never goes below zero);
 * 3. the promotion code: validity window, usage, minimum basket; its cart discount is spread
 *    across lines in proportion to their amounts, so each rate's VAT base carries it;
 * 4. delivery, only when something physical is shipped: band fee, free-delivery threshold on
 *    goods TTC after discounts, then the fee split across the shipped goods' rates by net amount;
 * 5. VAT once per rate on goods plus shipping, and the totals as sums of the rate buckets.
 *
 * Expected failures come back as `err` values with a pricing error code; nothing is thrown for
 * bad input, and the caller's cart is never modified.
 */
export function priceCart(
  input: PricingInput,
  settings: PricingSettings = DEMO_PRICING_SETTINGS,
): Result<PriceQuote> {
  const mode = settings.priceMode
  const validated = validateLines(input.lines)
  if (!validated.ok) return validated

  const amounts: LineAmounts[] = []
  const afterLineByRate = new Map<number, number>()
  for (const line of input.lines) {
    const gross = line.unitPrice * line.quantity
    const discount = lineDiscountAmount(gross, line.discount, line.lineId)
    if (!discount.ok) return discount
    const afterLineDiscount = gross - discount.value
    amounts.push({ line, gross, lineDiscount: discount.value, afterLineDiscount })
    addToRate(afterLineByRate, line.vatRateBasisPoints, afterLineDiscount)
  }

  const promotion = input.promotion ?? null
  if (promotion) {
    const valid = checkPromotionValidity(promotion, input.pricedAt)
    if (!valid.ok) return valid
    const basket = checkPromotionMinBasket(promotion, goodsTtc(afterLineByRate, mode))
    if (!basket.ok) return basket
  }
  const goodsAfterLineDiscounts = sum(amounts.map((entry) => entry.afterLineDiscount))
  const promotionDiscount = promotion
    ? promotionGoodsDiscount(promotion, goodsAfterLineDiscounts)
    : 0
  const shares = allocateCartDiscount(
    promotionDiscount,
    amounts.map(({ line, afterLineDiscount }) => ({
      vatRateBasisPoints: line.vatRateBasisPoints,
      kind: line.kind,
      amount: afterLineDiscount,
    })),
  )

  const goodsByRate = new Map<number, number>()
  const shippedByRate = new Map<number, number>()
  const lines: QuoteLine[] = amounts.map((entry, index) => {
    const { line } = entry
    const promotionShare = shares[index]!
    const lineTotal = entry.afterLineDiscount - promotionShare
    addToRate(goodsByRate, line.vatRateBasisPoints, lineTotal)
    if (line.kind === 'physical') addToRate(shippedByRate, line.vatRateBasisPoints, lineTotal)
    const unit = unitPrices(line.unitPrice, line.vatRateBasisPoints, mode)
    return {
      lineId: line.lineId,
      productId: line.productId,
      name: line.name,
      kind: line.kind,
      quantity: line.quantity,
      vatRateBasisPoints: line.vatRateBasisPoints,
      unitPriceHt: unit.ht,
      unitPriceTtc: unit.ttc,
      grossAmount: entry.gross,
      discount: line.discount ?? null,
      lineDiscount: entry.lineDiscount,
      promotionDiscount: promotionShare,
      lineTotal,
    }
  })

  const delivery = priceDelivery(input, settings, promotion, {
    weightGrams: validated.value.weightGrams,
    goodsTtc: goodsTtc(goodsByRate, mode),
    shippedByRate,
  })
  if (!delivery.ok) return delivery
  const shippingByRate = new Map<number, number>()
  for (const part of delivery.value?.split ?? []) {
    addToRate(shippingByRate, part.rateBasisPoints, part.amount)
  }

  const rates: QuoteRate[] = ratesHighestFirst(goodsByRate).map((rate) => {
    const goods = goodsByRate.get(rate)!
    const shipping = shippingByRate.get(rate) ?? 0
    return { rateBasisPoints: rate, goods, shipping, ...bucketVat(goods + shipping, rate, mode) }
  })

  const lineDiscounts = sum(amounts.map((entry) => entry.lineDiscount))
  const waivedDelivery = delivery.value?.waiver === 'promotion' ? delivery.value.bandFee : 0
  return ok({
    currency: settings.currency,
    priceMode: mode,
    lines,
    rates,
    delivery: delivery.value,
    discounts: {
      lineDiscounts,
      promotion: promotion
        ? {
            code: promotion.code,
            type: promotion.discount.type,
            goodsDiscount: promotionDiscount,
            waivedDelivery,
          }
        : null,
      total: lineDiscounts + promotionDiscount,
    },
    totals: {
      goods: validated.value.goodsAmount,
      discounts: lineDiscounts + promotionDiscount,
      delivery: delivery.value?.fee ?? 0,
      ht: sum(rates.map((rate) => rate.ht)),
      vat: sum(rates.map((rate) => rate.vat)),
      ttc: sum(rates.map((rate) => rate.ttc)),
    },
  })
}

/**
 * Delivery of the shipped goods, or null when nothing physical is in the cart (digital goods
 * have no delivery step and no fee). The fee is split by the shipped goods' net amounts per rate.
 */
function priceDelivery(
  input: PricingInput,
  settings: PricingSettings,
  promotion: Promotion | null,
  cart: { weightGrams: number; goodsTtc: number; shippedByRate: ReadonlyMap<number, number> },
): Result<QuoteDelivery | null> {
  if (cart.shippedByRate.size === 0) return ok(null)
  const resolved = resolveDelivery(
    input.delivery ?? { option: 'pickup' },
    {
      weightGrams: cart.weightGrams,
      goodsTtc: cart.goodsTtc,
      freeDeliveryCode: promotion?.discount.type === 'free-delivery',
    },
    settings.delivery,
  )
  if (!resolved.ok) return resolved
  const shippedNetByRate = new Map<number, number>()
  for (const [rate, amount] of cart.shippedByRate) {
    shippedNetByRate.set(rate, bucketVat(amount, rate, settings.priceMode).ht)
  }
  return ok({ ...resolved.value, split: splitShippingFee(resolved.value.fee, shippedNetByRate) })
}

function sum(values: readonly number[]): number {
  let total = 0
  for (const value of values) total += value
  return total
}
