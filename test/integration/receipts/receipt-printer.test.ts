import { afterEach, describe, expect, it } from 'vitest'
import { createServer, type AddressInfo, type Server } from 'node:net'
import { createTempApp, type TempApp } from '../../support/temp-app'
import { sellAtTill } from '../back-office/back-office-kit'

/**
 * Issue 15, thermal printers: the ticket reaches an 80 mm ESC/POS printer set by network address,
 * here a fake printer on loopback that keeps the bytes it receives.
 */

let subject: TempApp | undefined
let printer: Server | undefined
afterEach(async () => {
  subject?.dispose()
  subject = undefined
  await new Promise<void>((resolve) => (printer ? printer.close(() => resolve()) : resolve()))
  printer = undefined
})

/** A raw-TCP printer (port 9100's protocol): every connection's bytes, once it closes. */
async function fakePrinter(): Promise<{ port: number; jobs: Buffer[] }> {
  const jobs: Buffer[] = []
  printer = createServer((socket) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('end', () => {
      jobs.push(Buffer.concat(chunks))
      socket.end()
    })
  })
  const listening = printer
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
  return { port: (listening.address() as AddressInfo).port, jobs }
}

const ESC = 0x1b
const GS = 0x1d
/** ESC p: the drawer kick pulse. */
const DRAWER_KICK = Buffer.from([ESC, 0x70])
/** GS V: cut the paper. */
const CUT = Buffer.from([GS, 0x56])
/** GS ( k: a QR code's commands. */
const QR = Buffer.from([GS, 0x28, 0x6b])

async function appWithPrinter(port: number): Promise<TempApp> {
  const app = createTempApp()
  await app.loginAs('admin')
  await app.loginAs('cashier', 'cashier')
  await app.value('receipts.saveSettings', { smtp: null, printer: { kind: 'network', host: '127.0.0.1', port } })
  return app
}

describe('a ticket on the receipt printer', () => {
  it('prints the legal mentions, lines, VAT, totals and payment, the QR code of its number, cuts, and kicks the drawer for cash', async () => {
    const device = await fakePrinter()
    subject = await appWithPrinter(device.port)
    const order = await sellAtTill(subject, { cash: true })
    const answer = await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'print' }, 'cashier')

    expect(answer.printer).toBe('printed')
    expect(device.jobs).toHaveLength(1)
    const bytes = device.jobs[0]!
    const text = bytes.toString('latin1')
    for (const mention of ['Comptoir du Canal', 'SIRET', 'Ticket n', 'Total TTC', 'Esp', order.number!]) expect(text).toContain(mention)
    expect(bytes.indexOf(QR)).toBeGreaterThan(-1)
    expect(bytes.indexOf(Buffer.from(order.number!, 'latin1'), bytes.indexOf(QR))).toBeGreaterThan(-1)
    expect(bytes.indexOf(DRAWER_KICK)).toBeGreaterThan(-1)
    expect(bytes.lastIndexOf(CUT)).toBeGreaterThan(bytes.indexOf(DRAWER_KICK))
  })

  it('does not open the drawer for a card payment, and shows the card by brand and last four only', async () => {
    const device = await fakePrinter()
    subject = await appWithPrinter(device.port)
    const order = await sellAtTill(subject)
    await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'print' }, 'cashier')

    const bytes = device.jobs[0]!
    expect(bytes.indexOf(DRAWER_KICK)).toBe(-1)
    expect(bytes.indexOf(CUT)).toBeGreaterThan(-1)
    const text = bytes.toString('latin1')
    expect(text).toContain('VISA')
    expect(text).toContain('4242')
    expect(text).not.toContain('4242 4242 4242 4242')
    expect(text).not.toContain('424242424242')
  })

  it('answers failed when the printer does not answer, and nothing when none is set (the till prints the HTML ticket)', async () => {
    const device = await fakePrinter()
    subject = await appWithPrinter(device.port)
    const order = await sellAtTill(subject)
    await new Promise<void>((resolve) => printer!.close(() => resolve()))
    printer = undefined
    expect((await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'print' }, 'cashier')).printer).toBe('failed')

    await subject.value('receipts.saveSettings', { smtp: null, printer: null })
    expect((await subject.value('orders.ticketRequest', { orderId: order.id, medium: 'print' }, 'cashier')).printer).toBeUndefined()
  })
})
