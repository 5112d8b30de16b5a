import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallName, OrderFilters, OrderSort, Result } from '@shared/contract'
import { createApp, type ComptoirApp } from '../../src/main/app/create-app'
import { fillLargeHistory } from '../../src/main/orders/history-generator/fill-large-history'
import { createLogger } from '../../src/platform/logging/logger'
import { heading } from './bench-harness'

/**
 * Issue 13: every history page and every summary of a matrix of filter combinations at a million
 * orders (each filter alone and in pairs; short and long words, rare and common; matches bunched
 * at the newest and the oldest end of the date order), p95 through the router, each beside its
 * honest baseline: the fastest of the direct SQL queries a person would write for the same
 * result, measured in the same run (for a summary migration 020's totals answer, the same sums
 * over the range's day rows of those tables; else the sums over the orders). The worst case is
 * printed, not only chosen examples.
 *
 * `COMPTOIR_BENCH_DATA_DIR=<folder seeded by npm run seed:large>` reuses a folder (opened, migrated
 * and read; the bench only logs in); otherwise `COMPTOIR_BENCH_ORDERS` orders (1,000,000 by
 * default) are generated into a temporary folder.
 */
const ORDERS = Number(process.env.COMPTOIR_BENCH_ORDERS ?? 1_000_000)
const REUSED = process.env.COMPTOIR_BENCH_DATA_DIR
const CLIENT = 'bench-matrix'
const SAMPLES = Number(process.env.COMPTOIR_BENCH_SAMPLES ?? 20)
const BUDGET_MS = 2500
const PAGE = 50
/** The pairs whose summaries are measured: status, dates, decline code and text together, and an amount with status or dates. */
const SUMMARY_PAIRS = /^(status|statuses|last week|first week|one day|code)[^+]* \+ (last week|first week|one day|code|amount|")/

async function call<T>(app: ComptoirApp, name: CallName, input: unknown): Promise<T> {
  const answer = (await app.router.dispatch(name, input, CLIENT)) as Result<T>
  if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`)
  return answer.value
}

/** The median of the last `p95` call's runs, printed beside it (a loaded machine's p95 is its noise). */
let lastMedian = 0

/** The 95th percentile of up to `SAMPLES` runs (fewer when one run is slow), after one warm-up. */
async function p95(fn: () => unknown): Promise<number> {
  const warm = performance.now()
  await fn()
  // A case of seconds (a summary read from the orders themselves) is measured once more only.
  if (performance.now() - warm > 1000) {
    const start = performance.now()
    await fn()
    lastMedian = performance.now() - start
    return lastMedian
  }
  const durations: number[] = []
  const started = performance.now()
  while (durations.length < SAMPLES && (durations.length < 3 || performance.now() - started < BUDGET_MS)) {
    const start = performance.now()
    await fn()
    durations.push(performance.now() - start)
  }
  durations.sort((a, b) => a - b)
  lastMedian = durations[Math.floor(durations.length / 2)]!
  return durations[Math.min(durations.length - 1, Math.ceil(durations.length * 0.95) - 1)]!
}

const SOLD = "('authorized', 'paid', 'awaiting_shipment', 'shipped', 'delivered', 'completed', 'refunded')"
const ORDER_BY: Record<OrderSort, string> = {
  date_desc: 'o.created_at DESC, o.id DESC',
  amount_desc: 'o.total_ttc DESC, o.id DESC',
  amount_asc: 'o.total_ttc ASC, o.id ASC',
}

/** The filters written directly as SQL, the way a person would, without the app's planning. */
function directWhere(filters: OrderFilters): { conditions: string[]; params: Record<string, string | number> } {
  const conditions: string[] = []
  const params: Record<string, string | number> = {}
  if (filters.statuses) {
    const list = filters.statuses.map((status) => `'${status}'`).join(', ')
    conditions.push(
      filters.statuses.includes('declined') && !filters.statuses.includes('abandoned')
        ? `(o.status IN (${list}) OR (o.status = 'abandoned' AND o.last_decline_code IS NOT NULL))`
        : `o.status IN (${list})`,
    )
  }
  const plain: Array<[keyof OrderFilters, string]> = [
    ['from', 'o.created_at >= @from'],
    ['to', 'o.created_at < @to'],
    ['cashierId', 'o.cashier_id = @cashierId'],
    ['tillId', 'o.till_id = @tillId'],
    ['paymentMethod', 'o.payment_method = @paymentMethod'],
    ['cardBrand', 'o.card_brand = @cardBrand'],
    ['minTotal', 'o.total_ttc >= @minTotal'],
    ['maxTotal', 'o.total_ttc <= @maxTotal'],
    ['declineCode', 'o.last_decline_code = @declineCode'],
  ]
  for (const [key, condition] of plain) {
    const value = filters[key]
    if (value !== undefined) {
      conditions.push(condition)
      params[key] = value as string | number
    }
  }
  return { conditions, params }
}

function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `"${word.replace(/"/g, '""')}"*`)
    .join(' AND ')
}

/**
 * The direct SQL of a page: SQLite's own plan with the text as `id IN (matches)`, and the
 * search-index-first plan; the bench keeps the faster.
 */
function directPageQueries(filters: OrderFilters, sort: OrderSort): Array<{ sql: string; params: Record<string, string | number> }> {
  const { conditions, params } = directWhere(filters)
  const columns = 'o.id, o.number, o.created_at, o.status, o.customer_name, o.cashier_id, o.till_id, o.payment_method, o.card_brand, o.card_last_four, o.authorization_code, o.last_decline_code, o.total_ttc, o.currency'
  const where = (extra: string[]) => {
    const all = [...conditions, ...extra]
    return all.length > 0 ? `WHERE ${all.join(' AND ')}` : ''
  }
  const withText = filters.text ? { ...params, text: ftsQuery(filters.text) } : params
  const textCondition = filters.text ? ['o.id IN (SELECT rowid FROM order_search WHERE order_search MATCH @text)'] : []
  // Several statuses: one ordered range each, merged, as one would write it by hand.
  const perStatus = filters.statuses
    ? [
        {
          sql: `SELECT * FROM (${[
            ...filters.statuses.map((status) => `o.status = '${status}'`),
            ...(filters.statuses.includes('declined') && !filters.statuses.includes('abandoned')
              ? ["o.status = 'abandoned' AND o.last_decline_code IS NOT NULL"]
              : []),
          ]
            .map(
              (status) =>
                `SELECT * FROM (SELECT ${columns} FROM orders o WHERE ${[status, ...conditions.slice(1), ...textCondition].join(' AND ')} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE + 1})`,
            )
            .join(' UNION ALL ')}) o ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE + 1}`,
          params: withText,
        },
      ]
    : []
  if (!filters.text) return [{ sql: `SELECT ${columns} FROM orders o ${where([])} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE + 1}`, params }, ...perStatus]
  return [
    ...perStatus,
    {
      sql: `SELECT ${columns} FROM orders o ${where(['o.id IN (SELECT rowid FROM order_search WHERE order_search MATCH @text)'])} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE + 1}`,
      params: withText,
    },
    {
      sql: `SELECT ${columns} FROM order_search CROSS JOIN orders o ON o.id = order_search.rowid ${where(['order_search MATCH @text'])} ORDER BY ${ORDER_BY[sort]} LIMIT ${PAGE + 1}`,
      params: withText,
    },
  ]
}

/** The direct SQL of a summary: count, sales and their TTC, VAT per rate, refunds per rate. */
function directSummaryQueries(filters: OrderFilters): Array<{ sql: string; params: Record<string, string | number> }> {
  const { conditions, params } = directWhere(filters)
  const source = filters.text ? 'order_search CROSS JOIN orders o ON o.id = order_search.rowid' : 'orders o'
  const all = filters.text ? [...conditions, 'order_search MATCH @text'] : conditions
  const withText = filters.text ? { ...params, text: ftsQuery(filters.text) } : params
  const where = (extra: string[]) => {
    const list = [...all, ...extra]
    return list.length > 0 ? `WHERE ${list.join(' AND ')}` : ''
  }
  return [
    {
      sql: `SELECT count(*), count(*) FILTER (WHERE o.status IN ${SOLD}), sum(o.total_ttc) FILTER (WHERE o.status IN ${SOLD}) FROM ${source} ${where([])}`,
      params: withText,
    },
    {
      sql: `SELECT v.rate_basis_points, sum(v.ht), sum(v.vat), sum(v.ttc) FROM ${source} JOIN order_vat v ON v.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`,
      params: withText,
    },
    {
      sql: `SELECT r.rate_basis_points, sum(r.ht), sum(r.vat), sum(r.ttc) FROM ${source} JOIN order_refund_vat r ON r.order_id = o.id ${where([`o.status IN ${SOLD}`])} GROUP BY 1`,
      params: withText,
    },
  ]
}

/** Whether migration 020's totals answer a summary: no text, no amount. */
const fromTotals = (filters: OrderFilters) => !filters.text && filters.minTotal === undefined && filters.maxTotal === undefined

/**
 * The direct SQL of a summary that migration 020's totals answer, the way a person would write
 * it over that schema: the same sums over the range's day rows (UTC days) of the two tables.
 */
function directTotalsQueries(filters: OrderFilters): Array<{ sql: string; params: Record<string, string | number> }> {
  const conditions = ["f.span = 'day'"]
  const params: Record<string, string | number> = {}
  if (filters.statuses) {
    const list = filters.statuses.map((status) => `'${status}'`).join(', ')
    conditions.push(
      filters.statuses.includes('declined') && !filters.statuses.includes('abandoned')
        ? `(f.status IN (${list}) OR (f.status = 'abandoned' AND f.decline_code <> ''))`
        : `f.status IN (${list})`,
    )
  }
  const plain: Array<[keyof OrderFilters, string]> = [
    ['from', 'f.period >= @from'],
    ['to', 'f.period < @to'],
    ['cashierId', 'f.cashier_id = @cashierId'],
    ['tillId', 'f.till_id = @tillId'],
    ['paymentMethod', 'f.payment_method = @paymentMethod'],
    ['cardBrand', 'f.card_brand = @cardBrand'],
    ['declineCode', 'f.decline_code = @declineCode'],
  ]
  for (const [key, condition] of plain) {
    const value = filters[key]
    if (value !== undefined) {
      conditions.push(condition)
      params[key] = String(value).slice(0, key === 'from' || key === 'to' ? 10 : undefined)
      if (key === 'cashierId') params[key] = Number(value)
    }
  }
  const where = conditions.join(' AND ')
  const sold = SOLD
  return [
    {
      sql: `SELECT sum(f.orders), sum(f.orders) FILTER (WHERE f.status IN ${sold}), sum(f.total_ttc) FILTER (WHERE f.status IN ${sold}) FROM filter_order_totals f WHERE ${where}`,
      params,
    },
    {
      sql: `SELECT f.rate_basis_points, sum(f.vat_rows), sum(f.ht), sum(f.vat), sum(f.ttc), sum(f.refund_ht), sum(f.refund_vat), sum(f.refund_ttc)
              FROM filter_vat_totals f WHERE ${where} AND f.status IN ${sold} GROUP BY 1`,
      params,
    },
  ]
}

interface Case {
  label: string
  filters: OrderFilters
}

interface Row {
  kind: 'page' | 'summary'
  label: string
  sort: OrderSort | '-'
  p95Ms: number
  medianMs: number
  baselineMs: number
  count: number
}

/** Values taken from the data, so that each case means what its label says at any size. */
function pickValues(app: ComptoirApp) {
  const db = app.db
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).pluck().get(...params) as T
  const newest = one<string>('SELECT max(created_at) FROM orders')
  const oldest = one<string>('SELECT min(created_at) FROM orders')
  const day = (instant: string, offset: number) => new Date(Date.parse(instant.slice(0, 10)) + offset * 86_400_000).toISOString().slice(0, 10)
  const oldestYear = oldest.slice(0, 4)
  const cashier = one<number>('SELECT cashier_id FROM orders WHERE id = (SELECT max(id) FROM orders)')
  const till = one<string>('SELECT till_id FROM orders WHERE id = (SELECT max(id) FROM orders)')
  const rareLastFour = one<string>('SELECT card_last_four FROM orders WHERE card_last_four IS NOT NULL AND id >= ? LIMIT 1', Math.floor(ORDERS / 2))
  const email = one<string>("SELECT customer_email FROM orders WHERE customer_email LIKE '%@%' AND id >= ? LIMIT 1", Math.floor(ORDERS / 3))
  const number = one<string>('SELECT number FROM orders WHERE number IS NOT NULL AND id >= ? LIMIT 1', Math.floor(ORDERS / 4))
  const codes = db.prepare('SELECT last_decline_code AS code, count(*) AS n FROM orders WHERE last_decline_code IS NOT NULL GROUP BY 1 ORDER BY 2').all() as Array<{ code: string; n: number }>
  const firstName = one<string>("SELECT customer_name FROM orders WHERE customer_name IS NOT NULL AND id >= ? LIMIT 1", Math.floor(ORDERS / 5)).split(' ')[0]!.toLowerCase()
  return {
    newest, oldest, oldestYear, cashier, till, rareLastFour, email, number, firstName,
    commonCode: codes[codes.length - 1]!.code,
    rareCode: codes[0]!.code,
    lastWeek: { from: day(newest, -7), to: day(newest, 1) },
    firstWeek: { from: day(oldest, 0), to: day(oldest, 7) },
    oneDay: { from: day(newest, -100), to: day(newest, -99) },
  }
}

function cases(values: ReturnType<typeof pickValues>): { alone: Case[]; pairs: Case[] } {
  const dimensions: Record<string, Case[]> = {
    status: [
      { label: 'status declined', filters: { statuses: ['declined'] } },
      { label: 'status completed', filters: { statuses: ['completed'] } },
      { label: 'statuses voided+refunded', filters: { statuses: ['voided', 'refunded'] } },
    ],
    date: [
      { label: 'last week', filters: values.lastWeek },
      { label: 'first week', filters: values.firstWeek },
      { label: 'one day', filters: values.oneDay },
    ],
    cashier: [{ label: 'cashier', filters: { cashierId: values.cashier } }],
    till: [{ label: 'till', filters: { tillId: values.till } }],
    method: [
      { label: 'cash', filters: { paymentMethod: 'cash' } },
      { label: 'saved card', filters: { paymentMethod: 'saved_card' } },
    ],
    brand: [
      { label: 'visa', filters: { cardBrand: 'visa' } },
      { label: 'amex', filters: { cardBrand: 'amex' } },
    ],
    amount: [
      { label: 'amount 100.00-100.50', filters: { minTotal: 10_000, maxTotal: 10_050 } },
      { label: 'amount >= 400.00', filters: { minTotal: 40_000 } },
      { label: 'amount <= 5.00', filters: { maxTotal: 500 } },
    ],
    decline: [
      { label: `code ${values.commonCode}`, filters: { declineCode: values.commonCode } },
      { label: `code ${values.rareCode} (rare)`, filters: { declineCode: values.rareCode } },
    ],
    text: [
      { label: `"${values.oldestYear}" (oldest, bunched)`, filters: { text: values.oldestYear } },
      { label: `"${values.newest.slice(0, 4)}" (newest)`, filters: { text: values.newest.slice(0, 4) } },
      { label: '"jea" (short, common)', filters: { text: 'jea' } },
      { label: `"${values.firstName}" (long, common)`, filters: { text: values.firstName } },
      { label: `"${values.rareLastFour}" (last four)`, filters: { text: values.rareLastFour } },
      { label: '"email" (long, rare)', filters: { text: values.email } },
      { label: '"number" (rare)', filters: { text: values.number } },
      { label: '"martin jea" (two words)', filters: { text: 'martin jea' } },
      { label: '"zzzzzq" (no match)', filters: { text: 'zzzzzq' } },
    ],
  }
  const alone = Object.values(dimensions).flat()
  const pairs: Case[] = []
  const names = Object.keys(dimensions)
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      // Every value against every value would be hundreds of cases: the first (common, newest) of
      // each against the last (rare, oldest) of the other, and every text against the other's first.
      const left = dimensions[names[i]!]!
      const right = dimensions[names[j]!]!
      const combos = [
        [left[0]!, right[right.length - 1]!],
        [left[left.length - 1]!, right[0]!],
        ...(names[j] === 'text' ? right.map((b) => [left[0]!, b] as const) : []),
      ]
      const seen = new Set<string>()
      for (const [a, b] of combos) {
        const label = `${a!.label} + ${b!.label}`
        if (seen.has(label)) continue
        seen.add(label)
        pairs.push({ label, filters: { ...a!.filters, ...b!.filters } })
      }
    }
  }
  return { alone, pairs }
}

async function fastestBaseline(app: ComptoirApp, queries: Array<{ sql: string; params: Record<string, string | number> }>, all: boolean): Promise<number> {
  // The summary's baseline runs its three queries; a page's takes the faster of its plans.
  const statements = queries.map((query) => ({ statement: app.db.prepare(query.sql), params: query.params }))
  if (all) return p95(() => statements.map(({ statement, params }) => statement.all(params)))
  let best = Infinity
  for (const { statement, params } of statements) best = Math.min(best, await p95(() => statement.all(params)))
  return best
}

function print(row: Row): void {
  const ratio = row.p95Ms / Math.max(row.baselineMs, 1e-3)
  console.log(
    `${row.kind.padEnd(7)} ${row.sort.padEnd(11)} ${row.label.slice(0, 58).padEnd(58)} ${row.p95Ms.toFixed(2).padStart(9)} ms p95 ` +
      `(median ${row.medianMs.toFixed(2).padStart(8)}) ` +
      `${ratio.toFixed(2).padStart(7)} x baseline ${row.baselineMs.toFixed(2).padStart(9)} ms  (${row.count.toLocaleString('en')} orders)`,
  )
}

/**
 * Milliseconds from starting browser mode (the built `out/main/browser-mode.js`, a fresh
 * process) on a data folder to its "ready" line: database opened and migrated, start-up recovery
 * run, server listening.
 */
function timeToReady(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [join(__dirname, '../../out/main/browser-mode.js'), '--data-dir', dataDir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('is ready at')) {
        const ms = performance.now() - started
        child.kill('SIGINT')
        child.once('exit', () => resolve(ms))
      }
    })
    child.once('error', reject)
  })
}

/** Cold start on the large folder against an empty one, alternated, median of five each. */
async function coldStart(largeDir: string): Promise<void> {
  if (!existsSync(join(__dirname, '../../out/main/browser-mode.js'))) {
    console.log('cold start: skipped, build first (npx electron-vite build)')
    return
  }
  const emptyDir = mkdtempSync(join(tmpdir(), 'comptoir-bench-empty-'))
  try {
    const first = await timeToReady(emptyDir)
    const empty: number[] = []
    const large: number[] = []
    for (let run = 0; run < 5; run++) {
      empty.push(await timeToReady(emptyDir))
      large.push(await timeToReady(largeDir))
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    console.log(
      `cold start to ready (browser mode, new process): large folder ${median(large).toFixed(0)} ms = ` +
        `${(median(large) / median(empty)).toFixed(2)} x an empty folder (${median(empty).toFixed(0)} ms; its very first start, ` +
        `creating and seeding the database: ${first.toFixed(0)} ms)`,
    )
  } finally {
    rmSync(emptyDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<void> {
  const reuse = REUSED !== undefined && existsSync(join(REUSED, 'comptoir.sqlite'))
  const dataDir = reuse ? REUSED! : mkdtempSync(join(tmpdir(), 'comptoir-bench-matrix-'))
  // Before this process opens the folder: each start is a new process on a closed database.
  if (reuse) {
    heading('Cold start (issue 13)')
    await coldStart(dataDir)
  }
  const app = createApp({ dataDir, logger: createLogger(undefined, { quiet: true }) })
  try {
    if (!reuse) {
      const generation = performance.now()
      fillLargeHistory(app.db, { orders: ORDERS, end: new Date('2026-01-01T00:00:00.000Z') })
      console.log(`generated ${ORDERS.toLocaleString('en')} orders in ${((performance.now() - generation) / 1000).toFixed(1)} s`)
    }
    await app.start()
    const total = app.db.prepare('SELECT count(*) FROM orders').pluck().get() as number
    heading(`Back-office matrix at ${total.toLocaleString('en')} orders (issue 13): p95 through the router, baseline = fastest direct SQL`)
    const users = await call<Array<{ id: number; displayName: string }>>(app, 'auth.listUsers', {})
    await call(app, 'auth.login', { userId: users.find((user) => user.displayName === 'Alex Dubois')!.id, pin: '4321' })
    const values = pickValues(app)
    const { alone, pairs } = cases(values)
    const only = process.env.COMPTOIR_BENCH_CASES
    const kinds = (process.env.COMPTOIR_BENCH_KINDS ?? 'page,summary').split(',')
    const selected = [...alone, ...pairs].filter((item) => !only || item.label.includes(only))
    console.log(`${alone.length} filters alone (3 sorts each), ${pairs.length} pairs (2 sorts each), each with its summary`)
    const rows: Row[] = []
    for (const item of selected) {
      const summary = await call<{ count: number }>(app, 'orders.summary', { filters: item.filters })
      const sorts: OrderSort[] = alone.includes(item) ? ['date_desc', 'amount_desc', 'amount_asc'] : ['date_desc', 'amount_desc']
      for (const sort of kinds.includes('page') ? sorts : []) {
        const row: Row = {
          kind: 'page',
          label: item.label,
          sort,
          p95Ms: await p95(() => call(app, 'orders.search', { filters: item.filters, sort, limit: PAGE })),
          medianMs: lastMedian,
          baselineMs: await fastestBaseline(app, directPageQueries(item.filters, sort), false),
          count: summary.count,
        }
        print(row)
        rows.push(row)
      }
      // Summaries: every filter alone, every pair migration 020's totals answer, and the pairs of
      // status, dates, decline code and text, and an amount with a status or dates (migration 026's
      // totals; an amount with a cashier, till, method, brand or code is read from the orders).
      if (!kinds.includes('summary')) continue
      if (!alone.includes(item) && !SUMMARY_PAIRS.test(item.label) && !fromTotals(item.filters)) continue
      const row: Row = {
        kind: 'summary',
        label: item.label,
        sort: '-',
        p95Ms: await p95(() => call(app, 'orders.summary', { filters: item.filters })),
        medianMs: lastMedian,
        baselineMs: await fastestBaseline(app, fromTotals(item.filters) ? directTotalsQueries(item.filters) : directSummaryQueries(item.filters), true),
        count: summary.count,
      }
      print(row)
      rows.push(row)
    }
    for (const kind of ['page', 'summary'] as const) {
      const ofKind = rows.filter((row) => row.kind === kind).sort((a, b) => b.p95Ms - a.p95Ms)
      const over = ofKind.filter((row) => row.p95Ms >= 20).length
      console.log(`\nWORST ${kind}s of ${ofKind.length} (${over} at or over 20 ms p95):`)
      for (const row of ofKind.slice(0, 5)) print(row)
    }
  } finally {
    app.close()
    if (!reuse) rmSync(dataDir, { recursive: true, force: true })
  }
}
