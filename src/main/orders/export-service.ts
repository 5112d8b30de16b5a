import { type CsvFormat, type Locale, type OrderFilters, type OrderSort, type VatByRate } from '@shared/contract'
import { ok, type Result } from '@shared/contract/result'
import { orderReference } from '@shared/orders/order-reference'
import { shopDay } from '@shared/time/shop-time-zone'
import { recordAudit } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { StreamedDownload } from '../rpc/download-tickets'
import {
  csvDialect,
  defaultCsvFormat,
  dialectAmount,
  dialectDate,
  dialectField,
  dialectLine,
  dialectRate,
  dialectPaymentMethod,
  dialectStatus,
  orderExportHeader,
  UTF8_BOM,
  VAT_EXPORT_HEADERS,
  VAT_EXPORT_LABELS,
  type CsvDialect,
} from './csv-format'
import { ExportFiguresRepository } from './export-figures-repository'
import { filterSql, SORTS, type FilterSql } from './order-filter-sql'
import type { OrderHistoryService } from './order-history-service'

/**
 * Rows read per batch: large enough to amortise the query, small enough that a batch's text
 * (about 70 kB) stays out of V8's large-object space and dies young once written. With 2,000
 * rows (about 280 kB pieces) a fresh server grew 163 MB over a 100k-row download; with 500, 44 MB.
 */
export const EXPORT_BATCH_ROWS = 500

/** Where a page of the history ends: the sort's key and the id of its last order. */
type PageKey = { key: string | number; id: number }

export type ExportRequest =
  | { kind: 'orders'; filters: OrderFilters; sort: OrderSort; locale: Locale; format?: CsvFormat }
  | { kind: 'vat'; from: string; to: string; locale: Locale; format?: CsvFormat }

/** Lets the event loop run (IPC, the till's calls) between two batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** A prepared export: its file name, the orders it counted, and its text made as it is read. */
export interface PreparedExport {
  fileName: string
  rows: number
  download: StreamedDownload
}

/**
 * CSV exports made while they are downloaded: nothing is written to disk nor held whole in
 * memory. `prepare` checks the request, counts the rows and records who asked; the shell then
 * pulls the file one batch of rows at a time (the same keyset pages as the history screen) only
 * as fast as the reader takes it, so memory stays flat whatever the number of rows.
 */
export class ExportService {
  private readonly figures: ExportFiguresRepository

  constructor(
    private readonly history: OrderHistoryService,
    private readonly currency: () => string,
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.figures = new ExportFiguresRepository(db)
  }

  /** Checks an export and records who asked for it (an audited action); the text is made when read. */
  prepare(request: ExportRequest, userId: number): Result<PreparedExport> {
    const filters: OrderFilters =
      request.kind === 'orders' ? request.filters : { from: request.from, to: request.to }
    const timeZone = this.history.timeZone()
    const filter = filterSql(filters, timeZone)
    if (!filter.ok) return filter
    const format = request.format ?? defaultCsvFormat(request.locale)
    const dialect = csvDialect(format, timeZone)
    const day = shopDay(this.now(), timeZone)
    const fileName = request.kind === 'orders' ? `orders-${day}.csv` : `vat-${request.from.slice(0, 10)}-${request.to.slice(0, 10)}.csv`
    const rows = request.kind === 'orders' ? this.history.repository.count(filter.value) : 0
    recordAudit(this.db, {
      action: 'order.exported',
      userId,
      subject: request.kind === 'orders' ? 'orders' : 'vat-report',
      details: { kind: request.kind, format, filters, ...(request.kind === 'orders' ? { sort: request.sort, rows } : {}) },
      at: this.now().toISOString(),
    })
    const pieces = request.kind === 'orders' ? () => this.orderPieces(filter.value, request, dialect) : () => this.vatPieces(filters, request.locale, dialect)
    return ok({ fileName, rows, download: { fileName, contentType: 'text/csv; charset=utf-8', pieces } })
  }

  /**
   * The filtered orders, one line each: the list's columns, then total HT, TVA and TTC, HT and
   * TVA for each rate the shop has had (a stable set of columns, empty where the order has none),
   * what was refunded, the currency; in the dialect asked.
   */
  private async *orderPieces(
    filter: FilterSql,
    request: Extract<ExportRequest, { kind: 'orders' }>,
    dialect: CsvDialect,
  ): AsyncGenerator<string> {
    const rates = this.figures.rates()
    yield UTF8_BOM + dialectLine(orderExportHeader(request.locale, rates, dialect).map((value) => dialectField(value, dialect)), dialect)
    let after: PageKey | null = null
    do {
      // The batch's rows are garbage before the text is handed over: a suspended generator keeps
      // only the text and the cursor, so the rows die young instead of filling the old space.
      const batch = this.orderBatch(filter, request.sort, after, rates, dialect)
      if (batch.text) yield batch.text
      after = batch.next
      if (after) await yieldToEventLoop()
    } while (after)
  }

  /** One batch of lines and where the next one starts (null after the last). */
  private orderBatch(filter: FilterSql, sort: OrderSort, after: PageKey | null, rates: readonly number[], dialect: CsvDialect): { text: string; next: PageKey | null } {
    const rows = this.history.repository.page({ filter, sort, limit: EXPORT_BATCH_ROWS, after })
    const field = (value: string | number | null) => dialectField(value, dialect)
    const figures = this.figures.figures(rows.map((row) => row.id))
    const lines: string[] = []
    for (const row of rows) {
      const money = (minor: number) => dialectAmount(minor, row.currency, dialect)
      const order = figures.get(row.id)
      const perRate = rates.flatMap((rate) => {
        const amounts = order?.byRate.get(rate)
        return amounts ? [money(amounts.ht), money(amounts.vat)] : ['', '']
      })
      lines.push(
        dialectLine(
          [
            // A training sale's status says so: whoever sums the file's amounts sees it is no sale.
            ...[orderReference(row), dialectDate(row.createdAt, dialect), `${dialectStatus(row.status, dialect)}${row.training ? ' — MODE ÉCOLE' : ''}`, row.customerName, row.cashierName, row.tillId,
              dialectPaymentMethod(row.paymentMethod, dialect), row.cardBrand, row.cardLastFour, row.authorizationCode, row.lastDeclineCode].map(field),
            money(order?.totalHt ?? 0), money(order?.totalVat ?? 0), money(row.totalTtc),
            ...perRate,
            money(order?.refundedTtc ?? 0), field(row.currency),
          ],
          dialect,
        ),
      )
    }
    const last = rows[rows.length - 1]
    const next = rows.length < EXPORT_BATCH_ROWS || !last ? null : { key: SORTS[sort].keyOf(last), id: last.id }
    return { text: lines.join(''), next }
  }

  /**
   * The VAT report of a period, from the same figures as the order list and the dashboard
   * (`sold-orders`): base, VAT and TTC per rate of the sales among the orders created in it, their
   * total; then the refunds on those sales per rate, as negative amounts, and their total; then
   * the net per rate and its total.
   */
  private async *vatPieces(filters: OrderFilters, locale: Locale, dialect: CsvDialect): AsyncGenerator<string> {
    const summary = this.history.summary(filters)
    if (!summary.ok) throw new Error(summary.error.message)
    const currency = this.currency()
    const labels = VAT_EXPORT_LABELS[locale]
    const amount = (minor: number) => dialectAmount(minor, currency, dialect)
    const field = (value: string) => dialectField(value, dialect)
    const line = (fields: string[]) => dialectLine(fields, dialect)
    const ratePercent = (basisPoints: number) => dialectRate(basisPoints, dialect)
    const amounts = (rate: { ht: number; vat: number; ttc: number }, sign = 1) =>
      [amount(sign * rate.ht), amount(sign * rate.vat), amount(sign * rate.ttc), currency]
    const sum = (rates: VatByRate[]) =>
      rates.reduce((total, rate) => ({ ht: total.ht + rate.ht, vat: total.vat + rate.vat, ttc: total.ttc + rate.ttc }), { ht: 0, vat: 0, ttc: 0 })
    const net = summary.value.netVat
    let text = UTF8_BOM + line(VAT_EXPORT_HEADERS[locale].map(field))
    for (const rate of summary.value.vat) text += line([field(ratePercent(rate.rateBasisPoints)), ...amounts(rate)])
    text += line([field(labels.total), ...amounts(sum(summary.value.vat))])
    for (const rate of summary.value.refundVat) text += line([field(labels.refundsAt(ratePercent(rate.rateBasisPoints))), ...amounts(rate, -1)])
    text += line([field(labels.refundsTotal), ...amounts(sum(summary.value.refundVat), -1)])
    for (const rate of net) text += line([field(labels.netAt(ratePercent(rate.rateBasisPoints))), ...amounts(rate)])
    text += line([field(labels.netTotal), ...amounts(sum(net))])
    yield text
  }
}
