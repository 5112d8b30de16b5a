import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { orderReceiptView, renderOrderApproval, type OrderReceiptView, type PrintedDownloadLink } from '../documents'
import { failpoint } from '../../platform/diagnostics/failpoint'
import { entitlementsFor, type DownloadLinks, type NewEntitlement } from '../fulfilment'
import type { Logger } from '../../platform/logging/logger'
import type { MoneyStep } from '../payments'
import type { PaymentService } from '../payments'
import type { CartService } from '../cart'
import type { Order, OrderService, OrderSettlement } from '../orders'
import type { PromotionCodes } from '../pricing'
import type { ProductCatalogue } from '../catalogue'
import type { ShopIdentity } from '../settings'
import { canTransition, type OrderStatus } from '../orders'
import type { SaleRecords } from '../fiscal'
import { markTraining } from '../training'

export interface OrderCompletionDependencies {
  db: SqliteDatabase
  orders: OrderService
  products: ProductCatalogue
  cart: CartService
  promotions: PromotionCodes
  payments: PaymentService
  shop: () => ShopIdentity
  now: () => Date
  logger: Logger
  /** The customer's links to their downloads (QR code and short code on the approval). */
  downloadLinks?: DownloadLinks
  /** Where the download server answers (`http://192.168.1.20:8470`); null while none runs. */
  downloadBaseUrl?: () => string | null
  /** The fiscal journal's ticket, written in the sale's transaction. */
  fiscal?: SaleRecords
  /** The ticket kept as data with the sale, for the e-mailed PDF and the receipt printer. */
  receipts?: { keep: (orderId: number, view: OrderReceiptView, paymentMethod: string | null) => void }
}

export type Settlement = OrderSettlement

/**
 * Everything that follows a successful payment, in one transaction: the payment recorded, the
 * order moved on (to await shipment, or delivered at once), digital goods issued, the till's cart
 * emptied, the promotion's use counted, and the approval document rendered and stored for good.
 * When nothing is left to ship, the capture is written as a pending step in that transaction and
 * sent after it.
 */
export class OrderCompletion {
  constructor(private readonly deps: OrderCompletionDependencies) {}

  async complete(order: Order, settlement: Settlement, userId: number | null): Promise<void> {
    const { db, orders, cart, products } = this.deps
    const at = this.deps.now()
    const ships = order.hasPhysical && (order.deliveryOption === 'standard' || order.deliveryOption === 'express')
    const written = db.transaction((): { capture: MoneyStep | null } | { reversal: MoneyStep | null } => {
      const current = orders.findById(order.id)!
      const paidStatus: OrderStatus = settlement.kind === 'card' ? 'authorized' : 'paid'
      if (!canTransition(current.status, paidStatus)) {
        // Given up meanwhile: the approval's hold has no sale to pay, it is released.
        if (settlement.kind === 'card') {
          const attempt = settlement.payment.attemptId
          return { reversal: this.deps.payments.queueStep(attempt, 'reversal', order.totalTtc, order.id) }
        }
        throw new Error(`Order #${order.id} cannot go from ${current.status} to ${paidStatus}`)
      }
      // The sale's number is taken with the payment: a rollback gives it back, so no gaps.
      orders.recordPayment(order, current.status, settlement, ships, userId, at.toISOString())
      // Its ticket in the fiscal journal, numbered and signed in the same transaction.
      const ticket = this.deps.fiscal?.ticket(orders.findById(order.id)!, at)

      const digitalLines = orders
        .digitalLines(order.id)
        .map((line) => ({ ...line, ...products.digitalDelivery(line.productId) }))
      const entitlements = entitlementsFor(order.id, digitalLines)
      orders.addEntitlements(entitlements, at.toISOString())
      const downloadLinks = this.printedLinks(entitlements, at)

      cart.clearAfterSale(order.tillId)
      if (current.promotionCode) this.deps.promotions.countUse(current.promotionCode)

      const info = orders.info(order.id)!
      const fiscal = ticket ? { tillId: ticket.tillId, sequence: ticket.sequence, signature: ticket.signature } : undefined
      const approval = renderOrderApproval({ order: info, shop: this.deps.shop(), paidAt: at, downloadLinks, fiscal })
      orders.storeApproval(order.id, current.training ? markTraining(approval, info.locale) : approval)
      this.deps.receipts?.keep(order.id, orderReceiptView({ order: info, shop: this.deps.shop(), paidAt: at, downloadLinks, fiscal, training: current.training }), info.paymentMethod)
      // Nothing left to ship: the capture is owed now, written with the sale, sent after it.
      const capture =
        settlement.kind === 'card' && !ships
          ? this.deps.payments.queueStep(settlement.payment.attemptId, 'capture', order.totalTtc, order.id)
          : null
      return { capture }
    })()

    failpoint('sale-committed')
    if ('reversal' in written) {
      if (written.reversal) await this.deps.payments.sendStep(written.reversal.id)
      throw new Error(`Order #${order.id} was no longer awaiting payment; its hold is released`)
    }
    // The sale stands whatever the issuer answers: an unanswered capture is sent again until it is
    // acknowledged, and the order's captured amount moves with the attempt's when it is.
    if (written.capture) await this.deps.payments.sendStep(written.capture.id)
  }

  /**
   * One link per download, for the customer's own device, when a download server runs: issued in
   * the sale's transaction (its token and code exist in clear only in the approval it prints).
   */
  private printedLinks(entitlements: readonly NewEntitlement[], at: Date): Map<string, PrintedDownloadLink> | undefined {
    const base = this.deps.downloadBaseUrl?.() ?? null
    const links = this.deps.downloadLinks
    if (!base || !links) return undefined
    const printed = new Map<string, PrintedDownloadLink>()
    for (const entitlement of entitlements) {
      if (entitlement.kind !== 'download' || !entitlement.downloadToken || !entitlement.fileName) continue
      const link = links.issue({ orderId: entitlement.orderId, productId: entitlement.productId, fileName: entitlement.fileName }, at)
      printed.set(entitlement.downloadToken, {
        url: `${base}/d/${link.token}`,
        code: link.code,
        codePage: `${base}/d`,
        expiresAt: link.expiresAt,
        maxDownloads: link.maxDownloads,
      })
    }
    return printed
  }
}
