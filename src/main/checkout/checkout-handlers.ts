import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { err, ok } from '@shared/contract'
import type { DocumentPrinter } from '../documents'
import type { CheckoutService } from './checkout-service'
import type { CustomerDirectory } from '../customers'
import type { OrderService } from '../orders'
import type { CallHandlers } from '../rpc/router'

type CheckoutCalls =
  | 'customers.search'
  | 'customers.create'
  | 'customers.savedCards'
  | 'checkout.begin'
  | 'checkout.payByCard'
  | 'checkout.payBySavedCard'
  | 'checkout.payCash'
  | 'checkout.cancel'
  | 'checkout.stopWaiting'
  | 'checkout.paymentWait'
  | 'orders.get'
  | 'orders.approval'
  | 'orders.approvalPdf'
  | 'orders.download'

export interface CheckoutHandlerDependencies {
  checkout: CheckoutService
  customers: CustomerDirectory
  orders: OrderService
  downloadsDir: string
  documentPrinter?: DocumentPrinter
  now: () => Date
}

const MIME_TYPES: Record<string, string> = { '.epub': 'application/epub+zip', '.pdf': 'application/pdf' }

export function checkoutHandlers(deps: CheckoutHandlerDependencies): Pick<CallHandlers, CheckoutCalls> {
  const { checkout, customers, orders } = deps
  return {
    'customers.search': ({ query }) => ok(customers.search(query, 20)),
    'customers.create': ({ name, email, phone }) => {
      if (email && customers.findByEmail(email)) {
        return err('CONFLICT', 'A customer with this email already exists', { fields: ['email'] })
      }
      const id = customers.create({ name, email: email ?? null, phone: phone ?? null }, deps.now().toISOString())
      return ok(customers.findById(id)!)
    },
    'customers.savedCards': async ({ customerId }) => ok(await checkout.savedCards(customerId)),
    'checkout.begin': ({ customerId, delivery, locale }, { session }) =>
      checkout.begin(session.userId, customerId, delivery, locale),
    'checkout.payByCard': ({ orderId, card, saveCard }, { session }) =>
      checkout.payByCard(session.userId, orderId, card, saveCard),
    'checkout.payBySavedCard': ({ orderId, token }, { session }) =>
      checkout.payBySavedCard(session.userId, orderId, token),
    'checkout.payCash': ({ orderId, tendered }, { session }) => checkout.payCash(session.userId, orderId, tendered),
    'checkout.cancel': ({ orderId }, { session }) => checkout.cancel(session.userId, orderId),
    'checkout.stopWaiting': ({ orderId }) => checkout.stopWaiting(orderId),
    'checkout.paymentWait': () => ok(checkout.paymentWait()),
    'orders.get': ({ orderId }) => {
      if (!orders.findById(orderId)) return err('NOT_FOUND', 'This order does not exist', { orderId })
      return ok(checkout.info(orderId))
    },
    'orders.approval': ({ orderId }) => {
      const order = orders.findById(orderId)
      if (!order?.approvalHtml) return err('NOT_FOUND', 'This order has no approval yet', { orderId })
      return ok({ html: order.approvalHtml, legalGuarantee: orders.underLegalGuarantee(orderId) })
    },
    'orders.approvalPdf': async ({ orderId }) => {
      if (!deps.documentPrinter) {
        return err('NOT_AVAILABLE', 'PDF files are made by the desktop app; use the print dialog here')
      }
      const order = orders.findById(orderId)
      if (!order?.approvalHtml) return err('NOT_FOUND', 'This order has no approval yet', { orderId })
      const pdf = await deps.documentPrinter.toPdf(order.approvalHtml)
      return ok({ fileName: `commande-${order.number}.pdf`, base64: pdf.toString('base64') })
    },
    'orders.download': async ({ token }) => {
      const entitlement = orders.entitlementByToken(token)
      if (!entitlement?.fileName) return err('NOT_FOUND', 'This download link is not valid')
      // basename(): the stored name is ours, but a file never leaves the downloads folder.
      const fileName = basename(entitlement.fileName)
      const content = await readFile(join(deps.downloadsDir, fileName))
      const extension = fileName.slice(fileName.lastIndexOf('.'))
      return ok({ fileName, mimeType: MIME_TYPES[extension] ?? 'application/octet-stream', base64: content.toString('base64') })
    },
  }
}
