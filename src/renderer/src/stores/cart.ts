import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type {
  AppError,
  Cart,
  CartLine,
  DeliverySelection,
  LineDiscount,
  LocalizedText,
  ParkedCart,
  PriceChange,
  Result,
  UserSummary,
} from '@shared/contract'
import { MAX_LINE_QUANTITY } from '@shared/domain/limits'
import { call } from '@renderer/bridge'

/** What the cart panel says after the last action; `serial` changes on every new one. */
type FeedbackMessage =
  | { kind: 'added'; name: LocalizedText; lineId: number }
  | { kind: 'unknownBarcode'; barcode: string }
  /** The cart parked at this user's logout (or left when their session ended) is theirs again. */
  | { kind: 'resumed'; count: number }
  | { kind: 'error'; error: AppError }
export type CartFeedback = FeedbackMessage & { serial: number }

/** How an answer is taken: which line to select, and whether a refusal flashes the panel. */
interface ApplyOptions {
  select: 'changed' | 'keep'
  /** The screen that asked shows the refusal itself (a dialog, the promotion field). */
  quiet?: boolean
}

/** The line that an answer added or grew, by comparing the cart before and after. */
function changedLine(before: Cart | null, after: Cart): CartLine | null {
  const previous = new Map(before?.lines.map((line) => [line.lineId, line.quantity]) ?? [])
  return (
    after.lines.find((line) => {
      const quantity = previous.get(line.lineId)
      return quantity === undefined || quantity < line.quantity
    }) ?? null
  )
}

export const useCartStore = defineStore('cart', () => {
  const cart = ref<Cart | null>(null)
  const selectedLineId = ref<number | null>(null)
  const feedback = ref<CartFeedback | null>(null)
  let serial = 0
  // Cart changes run one after the other, so answers never overtake each other.
  let queue: Promise<unknown> = Promise.resolve()

  const lines = computed(() => cart.value?.lines ?? [])
  const itemCount = computed(() => cart.value?.itemCount ?? 0)
  const total = computed(() => cart.value?.total ?? 0)
  const quote = computed(() => cart.value?.quote ?? null)
  const promotionCode = computed(() => cart.value?.promotionCode ?? null)
  const delivery = computed<DeliverySelection>(() => cart.value?.delivery ?? { option: 'pickup' })
  /** Something stored that no longer applies (a code below its minimum basket, say). */
  const notice = computed(() => cart.value?.notice ?? null)
  const selectedLine = computed(
    () => lines.value.find((line) => line.lineId === selectedLineId.value) ?? null,
  )

  function say(next: FeedbackMessage): void {
    feedback.value = { ...next, serial: ++serial }
  }

  function apply(result: Result<Cart>, select: 'changed' | 'keep' | ApplyOptions): Result<Cart> {
    const options = typeof select === 'string' ? { select } : select
    if (!result.ok) {
      if (result.error.code !== 'UNAUTHENTICATED' && !options.quiet) {
        say({ kind: 'error', error: result.error })
      }
      return result
    }
    const changed = options.select === 'changed' ? changedLine(cart.value, result.value) : null
    cart.value = result.value
    if (changed) {
      selectedLineId.value = changed.lineId
      say({ kind: 'added', name: changed.name, lineId: changed.lineId })
    } else if (!result.value.lines.some((line) => line.lineId === selectedLineId.value)) {
      selectedLineId.value = result.value.lines.at(-1)?.lineId ?? null
    }
    return result
  }

  function enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task)
    queue = next.catch(() => undefined)
    return next
  }

  function load(): Promise<Result<Cart>> {
    return enqueue(async () => apply(await call('cart.get'), 'keep'))
  }

  function addProduct(productId: number, quantity = 1): Promise<Result<Cart>> {
    return enqueue(async () => apply(await call('cart.addProduct', { productId, quantity }), 'changed'))
  }

  function scanBarcode(barcode: string): Promise<Result<Cart>> {
    return enqueue(async () => {
      const result = await call('cart.scanBarcode', { barcode })
      if (!result.ok && result.error.code === 'UNKNOWN_BARCODE') {
        say({ kind: 'unknownBarcode', barcode })
        return result
      }
      return apply(result, 'changed')
    })
  }

  function setQuantity(lineId: number, quantity: number): Promise<Result<Cart>> {
    const bounded = Math.min(MAX_LINE_QUANTITY, Math.max(1, Math.trunc(quantity)))
    selectedLineId.value = lineId
    return enqueue(async () => apply(await call('cart.setQuantity', { lineId, quantity: bounded }), 'keep'))
  }

  function stepQuantity(lineId: number, step: 1 | -1): Promise<Result<Cart>> | null {
    const line = lines.value.find((candidate) => candidate.lineId === lineId)
    if (!line) return null
    const quantity = line.quantity + step
    if (quantity < 1 || quantity > MAX_LINE_QUANTITY) return null
    return setQuantity(lineId, quantity)
  }

  function removeLine(lineId: number): Promise<Result<Cart>> {
    return enqueue(async () => apply(await call('cart.removeLine', { lineId }), 'keep'))
  }

  /**
   * Gives (or with null, removes) a discount on a line. A cashier's discount above the shop's
   * threshold answers APPROVAL_REQUIRED; the same call with an administrator's PIN applies it.
   * Refusals are for the dialog to show, so they do not flash the panel.
   */
  function setLineDiscount(
    lineId: number,
    discount: LineDiscount | null,
    approval?: { userId: number; pin: string },
  ): Promise<Result<Cart>> {
    selectedLineId.value = lineId
    return enqueue(async () =>
      apply(
        await call('cart.setLineDiscount', { lineId, discount, ...(approval ? { approval } : {}) }),
        { select: 'keep', quiet: true },
      ),
    )
  }

  /** Applies a promotion code; the field that asked shows why a code is refused. */
  function applyPromotion(code: string): Promise<Result<Cart>> {
    return enqueue(async () =>
      apply(await call('cart.applyPromotion', { code }), { select: 'keep', quiet: true }),
    )
  }

  function removePromotion(): Promise<Result<Cart>> {
    return enqueue(async () => apply(await call('cart.removePromotion'), 'keep'))
  }

  /** A delivery this cart cannot have (too heavy for the zone, say) is refused with a flash. */
  function setDelivery(selection: DeliverySelection): Promise<Result<Cart>> {
    return enqueue(async () =>
      apply(await call('cart.setDelivery', { delivery: selection }), 'keep'),
    )
  }

  /** The administrators who may approve a large discount on the spot. */
  async function listApprovers(): Promise<Result<UserSummary[]>> {
    const result = await call('auth.listUsers')
    return result.ok ? { ok: true, value: result.value.filter((user) => user.role === 'admin') } : result
  }

  /** Parks the cart under a name (the customer's): the till's cart is then empty for the next one. */
  function park(name: string): Promise<Result<Cart>> {
    return enqueue(async () => {
      const result = apply(await call('cart.park', { name }), { select: 'keep', quiet: true })
      if (result.ok) feedback.value = null
      return result
    })
  }

  /** Takes a parked cart back into the empty cart; answers the lines whose price changed meanwhile. */
  function takeBack(parkedId: number): Promise<Result<PriceChange[]>> {
    return enqueue(async () => {
      const result = await call('cart.takeBack', { parkedId })
      if (!result.ok) return result
      apply({ ok: true, value: result.value.cart }, 'keep')
      announceResumed()
      return { ok: true, value: result.value.priceChanges }
    })
  }

  /** The till's parked carts, whoever owns them, oldest first. */
  function parkedList(): Promise<Result<ParkedCart[]>> {
    return call('cart.parkedList')
  }

  /** An administrator discards a parked cart (main audits it); answers the list left. */
  function discardParked(parkedId: number): Promise<Result<ParkedCart[]>> {
    return call('cart.discardParked', { parkedId })
  }

  function clear(): Promise<Result<Cart>> {
    return enqueue(async () => {
      const result = apply(await call('cart.clear'), 'keep')
      if (result.ok) feedback.value = null
      return result
    })
  }

  /** Moves the selection to the previous or next line (wrapping). */
  function selectStep(step: 1 | -1): void {
    const all = lines.value
    if (all.length === 0) return
    const index = all.findIndex((line) => line.lineId === selectedLineId.value)
    const next = index === -1 ? all.length - 1 : (index + step + all.length) % all.length
    selectedLineId.value = all[next]?.lineId ?? null
  }

  function select(lineId: number): void {
    selectedLineId.value = lineId
  }

  function announceResumed(): void {
    if (itemCount.value > 0) say({ kind: 'resumed', count: itemCount.value })
  }

  function dismissFeedback(): void {
    feedback.value = null
  }

  function reset(): void {
    cart.value = null
    selectedLineId.value = null
    feedback.value = null
  }

  return {
    cart,
    lines,
    itemCount,
    total,
    quote,
    promotionCode,
    delivery,
    notice,
    selectedLineId,
    selectedLine,
    feedback,
    load,
    addProduct,
    scanBarcode,
    setQuantity,
    stepQuantity,
    removeLine,
    setLineDiscount,
    applyPromotion,
    removePromotion,
    setDelivery,
    listApprovers,
    clear,
    park,
    takeBack,
    parkedList,
    discardParked,
    selectStep,
    select,
    dismissFeedback,
    announceResumed,
    reset,
  }
})
