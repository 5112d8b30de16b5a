import { describe, expect, it } from 'vitest'
import { NETWORK_RULES, brandChoices } from '../../../src/shared/cards/card-brand'
import {
  cardBrandSchema,
  deliveryOptionSchema,
  deliveryZoneSchema,
  orderStatusSchemaShared,
  paymentMethodSchema,
  productKindSchema,
  vatCategorySchema,
} from '../../../src/shared/contract'
import { authorizationRequestSchema } from '../../../src/shared/issuer-protocol/issuer-protocol'
import {
  AWAITING_PAYMENT_STATUSES,
  CARD_BRANDS,
  CARD_NETWORKS,
  DELIVERY_OPTIONS,
  DELIVERY_ZONES,
  ORDER_DELIVERY_OPTIONS,
  ORDER_STATUSES,
  PAYMENT_METHODS,
  PRODUCT_KINDS,
  SHIPPING_OPTIONS,
  SOLD_STATUSES,
  VAT_CATEGORIES,
  awaitsPayment,
  isSold,
} from '../../../src/shared/domain'

describe("the domain's words", () => {
  it('an order is a sale once its payment is authorized, captured or received, refunded ones included', () => {
    expect(ORDER_STATUSES.filter(isSold).sort()).toEqual([...SOLD_STATUSES].sort())
    for (const status of ['pending_payment', 'declined', 'abandoned', 'voided'] as const) expect(isSold(status)).toBe(false)
    expect(isSold('refunded')).toBe(true)
  })

  it('only an order not paid yet, or declined, may still be paid, and it is never a sale', () => {
    expect(ORDER_STATUSES.filter(awaitsPayment)).toEqual(['pending_payment', 'declined'])
    expect(AWAITING_PAYMENT_STATUSES.some((status) => isSold(status))).toBe(false)
  })

  it('the brands are CB and the networks, and every network has its number rules', () => {
    expect(CARD_BRANDS).toEqual(['cb', ...CARD_NETWORKS])
    expect(Object.keys(NETWORK_RULES).sort()).toEqual([...CARD_NETWORKS].sort())
    for (const network of CARD_NETWORKS) {
      for (const brand of brandChoices(network, true)) expect(CARD_BRANDS).toContain(brand)
    }
  })

  it('shipping options are the delivery options that go to an address; an order may have none', () => {
    expect(DELIVERY_OPTIONS.filter((option) => option !== 'pickup')).toEqual([...SHIPPING_OPTIONS])
    expect(ORDER_DELIVERY_OPTIONS).toEqual(['none', ...DELIVERY_OPTIONS])
  })

  it('the contract and the issuer protocol accept exactly the domain words', () => {
    expect(orderStatusSchemaShared.options).toEqual([...ORDER_STATUSES])
    expect(paymentMethodSchema.options).toEqual([...PAYMENT_METHODS])
    expect(cardBrandSchema.options).toEqual([...CARD_BRANDS])
    expect(authorizationRequestSchema.shape.brand.options).toEqual([...CARD_BRANDS])
    expect(vatCategorySchema.options).toEqual([...VAT_CATEGORIES])
    expect(productKindSchema.options).toEqual([...PRODUCT_KINDS])
    expect(deliveryOptionSchema.options).toEqual([...DELIVERY_OPTIONS])
    expect(deliveryZoneSchema.options).toEqual([...DELIVERY_ZONES])
  })
})
