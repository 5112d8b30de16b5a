import { computed, reactive, ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  AppError,
  CallInput,
  Cart,
  CustomerInfo,
  DeliverySelection,
  Locale,
  OrderInfo,
  Result,
  SavedCardInfo,
} from '@shared/contract'
import { call } from '@renderer/bridge'
import {
  checkAddress,
  emptyAddress,
  toShippingAddress,
  type AddressDraft,
} from '@renderer/checkout/address-validation'

export type DeliveryChoice = 'pickup' | 'standard' | 'express'
export type PaymentMethod = 'card' | 'saved' | 'cash'
type BeginInput = CallInput<'checkout.begin'>
type CardInput = CallInput<'checkout.payByCard'>['card']

/**
 * One checkout at the till: the customer, the delivery and the order they were frozen into, and
 * the payment. An order answers one exact set of choices (`orderKey`); any change begins a new
 * one, and paying is only possible while the order on screen answers the choices on screen.
 * Card numbers and security codes pass through here to the bridge and are never kept.
 */
export const useCheckoutStore = defineStore('checkout', () => {
  const customer = ref<CustomerInfo | null>(null)
  const savedCards = ref<SavedCardInfo[]>([])
  const delivery = ref<DeliveryChoice>('pickup')
  const address = reactive<AddressDraft>(emptyAddress())
  const locale = ref<Locale>('fr')

  const order = ref<OrderInfo | null>(null)
  const orderKey = ref<string | null>(null)
  const beginning = ref(false)
  const beginError = ref<AppError | null>(null)
  const paying = ref(false)
  const paymentError = ref<AppError | null>(null)
  /** When the payment on its way was sent (ms since the epoch), while it waits for its answer. */
  const payingSince = ref<number | null>(null)
  /** The card payment's wait before the automatic timeout, as main applies it. */
  const timeoutSeconds = ref<number | null>(null)
  /** The cashier asked to stop waiting for the issuer; the answer is on its way. */
  const stopping = ref(false)
  /** The cart as the checkout found it: its goods and its quote until an order answers. */
  const cart = ref<Cart | null>(null)
  /** The cart's own delivery choice before checkout, put back if the checkout is cancelled. */
  let cartDelivery: DeliverySelection | null = null
  let beginRequest = 0

  const hasPhysicalGoods = computed(() =>
    order.value
      ? order.value.quote.lines.some((line) => line.kind === 'physical')
      : (cart.value?.lines.some((line) => line.kind === 'physical') ?? false),
  )

  /** What `checkout.begin` would be sent now, or null while the address is not complete. */
  const beginInput = computed<BeginInput | null>(() => {
    const customerId = customer.value?.id ?? null
    if (delivery.value === 'pickup' || (order.value && !hasPhysicalGoods.value)) {
      return { customerId, delivery: { option: 'pickup' }, locale: locale.value }
    }
    if (Object.keys(checkAddress(address)).length > 0) return null
    return {
      customerId,
      delivery: { option: delivery.value, address: toShippingAddress(address) },
      locale: locale.value,
    }
  })
  const beginKey = computed(() => (beginInput.value ? JSON.stringify(beginInput.value) : null))
  const awaitingPayment = computed(
    () => order.value?.status === 'pending_payment' || order.value?.status === 'declined',
  )
  /** The order on screen answers the choices on screen and may be paid. */
  const ready = computed(
    () => !beginning.value && awaitingPayment.value && beginKey.value !== null && beginKey.value === orderKey.value,
  )

  /** Starts a checkout; answers false when the cart is empty. */
  async function start(currentLocale: Locale): Promise<boolean> {
    reset()
    locale.value = currentLocale
    const found = await call('cart.get')
    if (!found.ok) {
      beginError.value = found.error
      return true
    }
    if (found.value.lines.length === 0) return false
    cart.value = found.value
    void call('checkout.paymentWait', {}).then((wait) => {
      if (wait.ok) timeoutSeconds.value = wait.value.timeoutSeconds
    })
    cartDelivery = found.value.delivery
    startWithTillDelivery(found.value)
    const result = await sync()
    return !(result && !result.ok && result.error.code === 'CART_EMPTY')
  }

  /**
   * The checkout starts with the delivery the cashier chose at the till (F8). Shipping needs an
   * address, so the order waits for it; a zone other than France leaves the country to choose.
   */
  function startWithTillDelivery(found: Cart): void {
    const chosen = found.delivery
    if (chosen.option === 'pickup' || !found.lines.some((line) => line.kind === 'physical')) return
    delivery.value = chosen.option
    if (chosen.zone !== 'FR') address.country = ''
  }

  /** Freezes the cart into an order for the current choices, unless one already answers them. */
  async function sync(): Promise<Result<OrderInfo> | null> {
    const input = beginInput.value
    const key = beginKey.value
    // A new order would abandon the one being paid: choices wait for the payment's answer.
    if (!input || !key || paying.value) return null
    if (key === orderKey.value && order.value && !beginning.value) return null
    const request = ++beginRequest
    beginning.value = true
    const result = await call('checkout.begin', input)
    if (request !== beginRequest) return result
    beginning.value = false
    if (result.ok) {
      order.value = result.value
      orderKey.value = key
      beginError.value = null
      paymentError.value = null
    } else {
      beginError.value = result.error
      orderKey.value = null
    }
    return result
  }

  async function selectCustomer(next: CustomerInfo | null): Promise<void> {
    if (paying.value) return
    customer.value = next
    savedCards.value = []
    if (next && address.recipient.trim() === '') address.recipient = next.name
    if (!next) return
    const result = await call('customers.savedCards', { customerId: next.id })
    if (result.ok && customer.value?.id === next.id) savedCards.value = result.value
  }

  function setDelivery(choice: DeliveryChoice): void {
    if (!paying.value) delivery.value = choice
  }

  /**
   * Sends one payment for the order on screen. Nothing is sent while another payment is in
   * flight or while the order is being replaced: a double click or a second Enter is ignored
   * here, before any await, and main refuses a second attempt on its side too.
   */
  async function pay(send: (orderId: number) => Promise<Result<OrderInfo>>): Promise<Result<OrderInfo> | null> {
    const current = order.value
    if (paying.value || !ready.value || !current) return null
    paying.value = true
    payingSince.value = Date.now()
    paymentError.value = null
    try {
      const result = await send(current.id)
      if (result.ok) order.value = result.value
      else paymentError.value = result.error
      return result
    } finally {
      paying.value = false
      payingSince.value = null
      stopping.value = false
    }
  }

  /**
   * "Ne plus attendre": main ends the wait for the issuer as its timeout would (the attempt is
   * reversed, nothing is charged), and the payment in flight answers with that refusal.
   */
  async function stopWaiting(): Promise<void> {
    const current = order.value
    if (!paying.value || stopping.value || !current) return
    stopping.value = true
    const result = await call('checkout.stopWaiting', { orderId: current.id })
    if (!result.ok || !result.value.stopped) stopping.value = false
  }

  function payByCard(card: CardInput, saveCard: boolean): Promise<Result<OrderInfo> | null> {
    return pay((orderId) =>
      call('checkout.payByCard', { orderId, card, saveCard: saveCard && customer.value !== null }),
    )
  }

  function payBySavedCard(token: string): Promise<Result<OrderInfo> | null> {
    return pay((orderId) => call('checkout.payBySavedCard', { orderId, token }))
  }

  function payCash(tendered: number): Promise<Result<OrderInfo> | null> {
    return pay((orderId) => call('checkout.payCash', { orderId, tendered }))
  }

  function clearPaymentError(): void {
    paymentError.value = null
  }

  /** Gives the order up and puts the cart's own delivery choice back; the cart keeps its lines. */
  async function cancel(): Promise<boolean> {
    if (paying.value) return false
    beginRequest++
    const current = order.value
    if (current && awaitingPayment.value) await call('checkout.cancel', { orderId: current.id })
    // Beginning an order set the cart's delivery to the one chosen here; the till gets its own back.
    if (current && cartDelivery && JSON.stringify(cartDelivery) !== JSON.stringify(selectionOf(current))) {
      await call('cart.setDelivery', { delivery: cartDelivery })
    }
    reset()
    return true
  }

  function reset(): void {
    beginRequest++
    customer.value = null
    savedCards.value = []
    delivery.value = 'pickup'
    Object.assign(address, emptyAddress())
    order.value = null
    orderKey.value = null
    beginning.value = false
    beginError.value = null
    paying.value = false
    payingSince.value = null
    stopping.value = false
    paymentError.value = null
    cart.value = null
    cartDelivery = null
  }

  return {
    customer,
    savedCards,
    delivery,
    address,
    locale,
    order,
    cart,
    beginning,
    beginError,
    paying,
    paymentError,
    payingSince,
    timeoutSeconds,
    stopping,
    hasPhysicalGoods,
    beginKey,
    ready,
    start,
    sync,
    selectCustomer,
    setDelivery,
    payByCard,
    payBySavedCard,
    payCash,
    clearPaymentError,
    stopWaiting,
    cancel,
    reset,
  }
})

function selectionOf(order: OrderInfo): DeliverySelection {
  const delivery = order.quote.delivery
  if (!delivery || delivery.option === 'pickup' || !delivery.zone) return { option: 'pickup' }
  return { option: delivery.option, zone: delivery.zone }
}
