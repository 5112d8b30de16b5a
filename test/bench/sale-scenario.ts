/**
 * The till sale the checkout bench measures, the same way through every transport: clear the
 * cart, five products on two VAT rates, home delivery, begin, pay by card (nine calls). Shared by
 * the timed bench (checkout.bench.ts) and the disk probe that runs it under strace
 * (sale-io-probe.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import { startBrowserModeServer, type BrowserModeServer } from '../../src/main/browser-mode/browser-mode-server'
import { enrolCard } from '../../src/issuer/account-enrolment'
import { createLogger } from '../../src/platform/logging/logger'

/** A bench-only card with limits no run can reach; Luhn-valid, not one of the public test cards. */
export const BENCH_CARD = '4917610000000000'

export type Transport = 'in-process' | 'http'

/** One call as the renderer makes it: the answer's value, or a thrown error naming the call. */
export type Call = (name: string, input: unknown) => Promise<unknown>

export interface SaleBench {
  app: ComptoirApp
  dataDir: string
  /** One complete sale; resolves with the order's id once it is paid. */
  sale(): Promise<number>
  close(): Promise<void>
}

const ADDRESS = { recipient: 'Jeanne Client', line1: '3 rue des Lilas', postcode: '69003', city: 'Lyon', country: 'FR' }

function enrolBenchCard(app: ComptoirApp): void {
  const { simulator, repositories, hasher } = app.issuer
  enrolCard(
    repositories,
    hasher,
    {
      pan: BENCH_CARD,
      securityCode: '123',
      holderName: 'Bench Card',
      expiryMonth: 12,
      expiryYear: 2030,
      kind: 'credit',
      creditLimit: 1_000_000_000_000,
      perTransactionLimit: 1_000_000,
      dailyLimit: 1_000_000_000_000,
    },
    new Date(),
  )
  simulator.setVelocity({ maxAttempts: 1_000_000_000 })
}

/** JSON over `POST /api/<call>` with the page's cookie and client id, on one kept-alive connection. */
async function httpCaller(server: BrowserModeServer): Promise<{ call: Call; agent: Agent }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const launch = await fetch(server.newLaunchUrl(), { redirect: 'manual' })
  const cookie = launch.headers.getSetCookie()[0]?.split(';')[0]
  if (!cookie) throw new Error(`the launch address gave no session (HTTP ${launch.status})`)
  const call: Call = (name, input) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input)
      const sent = request(
        {
          agent,
          host: '127.0.0.1',
          port: server.port,
          method: 'POST',
          path: `/api/${name}`,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            Cookie: cookie,
            'X-Comptoir-Client': 'bench-client',
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ok: boolean; value?: unknown; error?: { code: string } }
            if (answer.ok) resolve(answer.value)
            else reject(new Error(`${name}: ${answer.error?.code}`))
          })
          response.on('error', reject)
        },
      )
      sent.on('error', reject)
      sent.end(body)
    })
  return { call, agent }
}

/** A fresh shop (demo catalogue, bench card at the issuer) and the sale, through `transport`. */
export async function openSaleBench(transport: Transport): Promise<SaleBench> {
  const dataDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-sale-'))
  const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
  enrolBenchCard(app)
  let server: BrowserModeServer | null = null
  let agent: Agent | null = null
  let call: Call = async (name, input) => {
    const answer = (await app.router.dispatch(name, input, 'bench-client')) as { ok: boolean; value?: unknown; error?: { code: string } }
    if (!answer.ok) throw new Error(`${name}: ${answer.error?.code}`)
    return answer.value
  }
  if (transport === 'http') {
    const rendererDir = join(dataDir, 'renderer')
    mkdirSync(rendererDir)
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>bench</title>')
    server = await startBrowserModeServer({ router: app.router, logger: createLogger(undefined, { quiet: true }), rendererDir })
    const caller = await httpCaller(server)
    call = caller.call
    agent = caller.agent
  }
  const users = (await call('auth.listUsers', {})) as Array<{ id: number; role: string }>
  await call('auth.login', { userId: users.find((user) => user.role === 'cashier')!.id, pin: '1234' })
  const found = (await call('catalogue.search', { query: '', limit: 100 })) as Array<{
    id: number
    kind: string
    vatCategory: string
    active?: boolean
  }>
  const physical = found.filter((product) => product.kind === 'physical')
  const standard = physical.filter((product) => product.vatCategory === 'standard')
  const other = physical.filter((product) => product.vatCategory !== 'standard')
  if (standard.length < 3 || other.length < 2) throw new Error('the demo catalogue has too few physical products on two VAT rates')
  // Light products only would not matter: five demo items stay under the parcel's weight limit.
  const basket = [standard[0]!, standard[1]!, standard[2]!, other[0]!, other[1]!]
  const sale = async (): Promise<number> => {
    await call('cart.clear', {})
    for (const product of basket) await call('cart.addProduct', { productId: product.id, quantity: 1 })
    await call('cart.setDelivery', { delivery: { option: 'standard', zone: 'FR' } })
    const order = (await call('checkout.begin', {
      customerId: null,
      delivery: { option: 'standard', address: ADDRESS },
    })) as { id: number }
    const paid = (await call('checkout.payByCard', {
      orderId: order.id,
      card: { number: BENCH_CARD, expiry: '12/30', securityCode: '123', holderName: 'Bench Card' },
    })) as { id: number; status: string }
    if (paid.status !== 'awaiting_shipment') throw new Error(`the sale ended ${paid.status}`)
    return paid.id
  }
  return {
    app,
    dataDir,
    sale,
    close: async () => {
      await server?.close()
      agent?.destroy()
      await app.payments.settleSteps()
      app.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
