import { generateHistory } from '../../../src/main/orders/history-generator/history-generator'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { DownloadTickets } from '../../../src/main/rpc/download-tickets'

export const VISA_OK = { number: '4242 4242 4242 4242', expiry: '12/30', securityCode: '123', holderName: 'Jeanne Client' }
export const LYON = { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }

/** A real app with an administrator (and a cashier) logged in and, if asked, a generated 2025 of `orders`. */
export async function backOfficeApp(orders = 0, seed = 7): Promise<TempApp> {
  const subject = createTempApp()
  if (orders > 0) generateHistory(subject.app.db, { orders, seed, end: new Date('2026-01-01T00:00:00.000Z'), customers: 200, baskets: 300, batchSize: 1000 })
  await subject.loginAs('admin')
  await subject.loginAs('cashier', 'cashier')
  return subject
}

/** A sale made at the till by the cashier, through the real checkout calls. */
export async function sellAtTill(
  subject: TempApp,
  options: { sku?: string; shipped?: boolean; cash?: boolean; card?: typeof VISA_OK } = {},
) {
  const [product] = await subject.value('catalogue.search', { query: options.sku ?? 'MAI-THEIERE-05', limit: 1 }, 'cashier')
  await subject.value('cart.addProduct', { productId: product!.id, quantity: 1 }, 'cashier')
  const delivery = options.shipped ? { option: 'standard' as const, address: LYON } : { option: 'pickup' as const }
  const order = await subject.value('checkout.begin', { customerId: null, delivery }, 'cashier')
  if (options.cash) return subject.value('checkout.payCash', { orderId: order.id, tendered: 100_000 }, 'cashier')
  return subject.value('checkout.payByCard', { orderId: order.id, card: options.card ?? VISA_OK }, 'cashier')
}

/** RFC 4180 parser for the tests: quoted fields, doubled quotes, CRLF rows. */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const rows: string[][] = []
  let field = ''
  let row: string[] = []
  let quoted = false
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"'
        index++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === separator) {
      row.push(field)
      field = ''
    } else if (char === '\r') continue
    else if (char === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

/** Prepares an export and reads it back whole through its download ticket, as the shells stream it. */
export async function exportText(subject: TempApp, input: Parameters<TempApp['value']>[1] & object): Promise<string> {
  const prepared = await subject.value('exports.prepare', input as never)
  const ticket = DownloadTickets.ticketOf(prepared.url)
  if (!ticket) throw new Error(`Not a download address: ${prepared.url}`)
  const redeemed = subject.app.downloads.redeem(ticket, () => true)
  if (!redeemed.ok) throw new Error(redeemed.reason)
  let text = ''
  const pieces = redeemed.download.pieces()
  for (let piece = await pieces.next(); !piece.done; piece = await pieces.next()) text += piece.value
  return text
}
