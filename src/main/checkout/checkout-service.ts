import { randomUUID } from 'node:crypto'
import { deliveryZoneOf, type ShippingAddress } from '@shared/checkout/address-rules'
import type { CardExpiry } from '@shared/cards/card-expiry'
import type { CardEntry, ValidatedCard } from '@shared/cards/card-validation'
import type { ShippingOption } from '@shared/domain/delivery'
import { err, ok, type Locale, type OrderInfo, type Result, type SavedCardInfo } from '@shared/contract'
import type { Logger } from '../../platform/logging/logger'
import type { AuthorizationOutcome } from '../payments'
import type { CardVault } from '../payments'
import type { PaymentService } from '../payments'
import { refusalOf } from '../payments'
import type { CustomerDirectory } from '../customers'
import type { Order, OrderService } from '../orders'
import type { CartService } from '../cart'
import type { OrderCompletion } from './order-completion'
import { awaitsPayment } from '../orders'

export type CheckoutDelivery = { option: 'pickup' } | { option: ShippingOption; address: ShippingAddress }

/** A card as the contract hands it over: the expiry already parsed, nothing else checked yet. */
export interface TypedCard extends CardEntry {
  expiry: CardExpiry
  holderName: string
}

export interface CheckoutDependencies {
  orders: OrderService
  customers: CustomerDirectory
  cart: CartService
  payments: PaymentService
  vault: () => Promise<CardVault>
  completion: OrderCompletion
  tillId: string
  now: () => Date
  logger: Logger
  /** The till's cash session: a sale begins and is paid only while one is open. */
  cashSession?: { requireOpen(): Result<null, 'CASH_SESSION_NOT_OPEN'> }
  /** The till's training mode (MODE ÉCOLE): a checkout opened while it is on is a training sale. */
  training?: { isOn(): boolean }
}

/**
 * A training sale is paid in cash only: its card payment would be a real authorization at the
 * issuer (a hold on a real card, money moved by its capture). Simulating the issuer locally would
 * teach a screen that is not the real one; cash, counted apart from the drawer, is the honest part.
 */
function refuseTrainingCard(order: Order): Result<never, 'TRAINING_CASH_ONLY'> | null {
  return order.training ? err('TRAINING_CASH_ONLY', 'Training sales are paid in cash only: no card is charged while training', { orderId: order.id }) : null
}

export const customerReference = (customerId: number): string => `customer-${customerId}`

/**
 * Checkout at the till: the priced cart is frozen into an order awaiting payment, then paid by a
 * typed card, a saved card or cash. A payment in flight locks its order, and an order already
 * paid answers as it is, so pressing pay twice never charges twice.
 */
export class CheckoutService {
  private readonly paymentsInFlight = new Set<number>()
  /** Per order whose card payment waits for the issuer: what ends the wait early. */
  private readonly waits = new Map<number, AbortController>()

  constructor(private readonly deps: CheckoutDependencies) {}

  begin(cashierId: number, customerId: number | null, delivery: CheckoutDelivery, locale: Locale): Result<OrderInfo> {
    const { cart, customers, orders, tillId } = this.deps
    const open = this.deps.cashSession?.requireOpen()
    if (open && !open.ok) return open
    const current = cart.get()
    if (current.lines.length === 0) return err('CART_EMPTY', 'The cart is empty')
    const customer = customerId === null ? null : customers.findById(customerId)
    if (customerId !== null && !customer) return err('NOT_FOUND', 'This customer does not exist', { customerId })
    const shipping = current.lines.some((line) => line.kind === 'physical') && delivery.option !== 'pickup' ? delivery : null
    const selection = shipping
      ? { option: shipping.option, zone: deliveryZoneOf(shipping.address.country, shipping.address.postcode) }
      : ({ option: 'pickup' } as const)
    // Re-pricing only when the choice changes: the cart was priced on its last change already.
    const unchanged =
      current.delivery.option === selection.option &&
      (selection.option === 'pickup' || (current.delivery.option !== 'pickup' && current.delivery.zone === selection.zone))
    const priced = unchanged ? ok(current) : cart.setDelivery(selection)
    if (!priced.ok) return priced
    if (priced.value.delivery.option !== selection.option) {
      return err('DELIVERY_UNAVAILABLE', priced.value.notice?.message ?? 'This delivery option is not available')
    }
    const hasPhysical = priced.value.lines.some((line) => line.kind === 'physical')
    const at = this.deps.now().toISOString()
    const orderId = orders.openCheckout({
      tillId,
      cashierId,
      customer: customer ? { id: customer.id, name: customer.name, email: customer.email } : null,
      idempotencyKey: randomUUID(),
      quote: priced.value.quote,
      deliveryOption: !hasPhysical ? 'none' : shipping ? shipping.option : 'pickup',
      deliveryAddress: shipping ? shipping.address : null,
      promotionCode: priced.value.promotionCode,
      locale,
      at,
      training: this.deps.training?.isOn() ?? false,
    })
    return ok(this.info(orderId))
  }

  async payByCard(cashierId: number, orderId: number, card: TypedCard, saveCard: boolean): Promise<Result<OrderInfo>> {
    let cardSaving: OrderInfo['cardSaving']
    const paid = await this.pay(orderId, async (order, attemptKey, stopWaiting) => {
      // Checked once, here where it enters: the authorization and the vault take this value.
      const checked = this.deps.payments.validateCard(card)
      if (!checked.ok) return { outcome: checked, method: 'card' as const }
      const outcome = await this.deps.payments.authorizeValidatedCard({
        amount: order.totalTtc,
        currency: order.currency,
        idempotencyKey: attemptKey,
        orderId: order.id,
        card: checked.value,
        stopWaiting,
      })
      if (outcome.ok && outcome.value.kind === 'approved' && saveCard && order.customerId) {
        cardSaving = (await this.saveCard(order.customerId, checked.value, card.holderName)) ? 'saved' : 'failed'
      }
      return { outcome, method: 'card' as const }
    }, cashierId)
    // The cashier learns whether the card was kept: a vault failure does not undo the payment.
    return paid.ok && cardSaving ? ok({ ...paid.value, cardSaving }) : paid
  }

  async payBySavedCard(cashierId: number, orderId: number, token: string): Promise<Result<OrderInfo>> {
    return this.pay(orderId, async (order, attemptKey, stopWaiting) => {
      const vault = await this.deps.vault()
      const saved = vault.list(order.customerId ? customerReference(order.customerId) : undefined)
      if (!order.customerId || !saved.some((card) => card.token === token)) {
        return { outcome: err('NOT_FOUND', "This card is not one of the customer's saved cards"), method: 'saved_card' as const }
      }
      const outcome = await this.deps.payments.authorizeSavedCard({
        amount: order.totalTtc,
        currency: order.currency,
        idempotencyKey: attemptKey,
        orderId: order.id,
        token,
        stopWaiting,
      })
      return { outcome, method: 'saved_card' as const }
    }, cashierId)
  }

  async payCash(cashierId: number, orderId: number, tendered: number): Promise<Result<OrderInfo>> {
    const order = this.deps.orders.findById(orderId)
    if (!order) return err('NOT_FOUND', 'This order does not exist', { orderId })
    if (!awaitsPayment(order.status)) return ok(this.info(orderId))
    const open = this.deps.cashSession?.requireOpen()
    if (open && !open.ok) return open
    if (tendered < order.totalTtc) {
      return err('CASH_SHORT', 'The cash tendered is less than the total', { missing: order.totalTtc - tendered })
    }
    if (this.paymentsInFlight.has(orderId)) return err('PAYMENT_IN_PROGRESS', 'A payment for this order is already in progress')
    this.paymentsInFlight.add(orderId)
    try {
      await this.deps.completion.complete(order, { kind: 'cash', tendered, changeDue: tendered - order.totalTtc }, cashierId)
    } finally {
      this.paymentsInFlight.delete(orderId)
    }
    return ok(this.info(orderId))
  }

  /**
   * The cashier stops waiting for the issuer's answer to the order's card payment: the wait ends
   * now through the timeout's own path (the attempt is recorded as timed out, its reversal is
   * written and sent until acknowledged, the order stays unpaid). Answers whether a wait was ended;
   * an answer that already came stands.
   */
  stopWaiting(orderId: number): Result<{ stopped: boolean }> {
    if (!this.deps.orders.findById(orderId)) return err('NOT_FOUND', 'This order does not exist', { orderId })
    const wait = this.waits.get(orderId)
    if (!wait || wait.signal.aborted) return ok({ stopped: false })
    this.deps.logger.info('The cashier stopped waiting for the issuer', { orderId })
    wait.abort()
    return ok({ stopped: true })
  }

  /** How long a card payment waits for the issuer before the automatic timeout, in seconds. */
  paymentWait(): { timeoutSeconds: number } {
    return { timeoutSeconds: Math.ceil(this.deps.payments.authorizationTimeoutMs() / 1000) }
  }

  cancel(cashierId: number, orderId: number): Result<Record<string, never>> {
    const order = this.deps.orders.findById(orderId)
    if (!order) return err('NOT_FOUND', 'This order does not exist', { orderId })
    if (!awaitsPayment(order.status)) return err('CONFLICT', 'This order is no longer awaiting payment')
    if (this.paymentsInFlight.has(orderId)) return err('PAYMENT_IN_PROGRESS', 'A payment is in progress')
    this.deps.orders.transition(orderId, order.status, 'abandoned', cashierId, this.deps.now().toISOString(), 'Cancelled at the till')
    return ok({})
  }

  async savedCards(customerId: number): Promise<SavedCardInfo[]> {
    const vault = await this.deps.vault()
    return vault.list(customerReference(customerId)).map((card) => ({
      token: card.token,
      brand: card.network,
      lastFour: card.lastFour,
      expiryMonth: card.expiryMonth,
      expiryYear: card.expiryYear,
      holderName: card.holderName,
      masked: card.masked,
    }))
  }

  info(orderId: number): OrderInfo {
    return this.deps.orders.info(orderId)!
  }

  /**
   * One payment attempt on an order. Each attempt has its own idempotency key derived from the
   * order's, so a retry with another card is a new logical payment while a resubmission of the
   * same attempt can never place a second hold.
   */
  private async pay(
    orderId: number,
    authorize: (
      order: Order,
      attemptKey: string,
      stopWaiting: AbortSignal,
    ) => Promise<{ outcome: Result<AuthorizationOutcome>; method: 'card' | 'saved_card' }>,
    cashierId: number,
  ): Promise<Result<OrderInfo>> {
    const order = this.deps.orders.findById(orderId)
    if (!order) return err('NOT_FOUND', 'This order does not exist', { orderId })
    if (!awaitsPayment(order.status)) {
      if (order.status === 'abandoned' || order.status === 'voided') return err('CONFLICT', 'This order was cancelled')
      return ok(this.info(orderId))
    }
    if (this.paymentsInFlight.has(orderId)) {
      return err('PAYMENT_IN_PROGRESS', 'A payment for this order is already in progress')
    }
    const open = this.deps.cashSession?.requireOpen()
    if (open && !open.ok) return open
    const training = refuseTrainingCard(order)
    if (training) return training
    this.paymentsInFlight.add(orderId)
    const wait = new AbortController()
    this.waits.set(orderId, wait)
    try {
      const attemptKey = this.deps.payments.nextAttemptKey(order.id, order.idempotencyKey)
      const authorized = authorize(order, attemptKey, wait.signal)
      const { outcome, method } = await authorized.finally(() => this.waits.delete(orderId))
      if (!outcome.ok) return outcome
      return await this.settle(order, outcome.value, method, cashierId)
    } finally {
      this.waits.delete(orderId)
      this.paymentsInFlight.delete(orderId)
    }
  }

  private async settle(
    order: Order,
    outcome: AuthorizationOutcome,
    method: 'card' | 'saved_card',
    cashierId: number,
  ): Promise<Result<OrderInfo>> {
    const { orders } = this.deps
    const at = this.deps.now().toISOString()
    if (outcome.kind === 'approved') {
      await this.deps.completion.complete(
        order,
        {
          kind: 'card',
          payment: {
            method,
            brand: outcome.card.brand,
            lastFour: outcome.card.lastFour,
            masked: outcome.card.masked,
            authorizationCode: outcome.authorizationCode,
            attemptId: outcome.attemptId,
          },
        },
        cashierId,
      )
      return ok(this.info(order.id))
    }
    // Payments decide the decline code and the error; the order records them.
    const refusal = refusalOf(outcome)
    const { code, card } = refusal
    orders.recordDecline(order.id, { code, brand: card.brand, lastFour: card.lastFour, masked: card.masked }, cashierId, at)
    const details = {
      orderId: order.id,
      responseCode: code,
      meaning: refusal.meaning,
      message: refusal.message,
      nextSteps: refusal.nextSteps,
      card: { brand: card.brand, lastFour: card.lastFour },
    }
    return err(refusal.errorCode, refusal.message.en, details)
  }

  /** Saves an approved card (as checked before its authorization) for the customer; answers whether the vault kept it. */
  private async saveCard(customerId: number, card: ValidatedCard, holderName: string): Promise<boolean> {
    try {
      const vault = await this.deps.vault()
      const saved = vault.saveChecked(card, {
        holderName,
        customerReference: customerReference(customerId),
        consentAt: this.deps.now(),
      })
      if (!saved.ok) this.deps.logger.warn('The card could not be saved', saved.error.code)
      return saved.ok
    } catch (error) {
      this.deps.logger.error('The card vault failed', error)
      return false
    }
  }
}
