import { randomUUID } from 'node:crypto'
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { EXPORT_CHUNK_BYTES, type CsvFormat, type ExportStatus, type Locale, type OrderFilters, type OrderSort, type VatByRate } from '@shared/contract'
import { err, ok, type Result } from '@shared/contract/result'
import { orderReference } from '@shared/orders/order-reference'
import { shopDay } from '@shared/time/shop-time-zone'
import type { Logger } from '../../platform/logging/logger'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
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

/** Rows read per batch: large enough to amortise the query, small enough to keep memory flat. */
export const EXPORT_BATCH_ROWS = 2000

interface ExportJob {
  status: ExportStatus
  file: string
  cancelled: boolean
}

export type ExportRequest =
  | { kind: 'orders'; filters: OrderFilters; sort: OrderSort; locale: Locale; format?: CsvFormat }
  | { kind: 'vat'; from: string; to: string; locale: Locale; format?: CsvFormat }

/** Lets the event loop run (IPC, the till's calls) between two batches. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

function write(stream: WriteStream, text: string): Promise<void> {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()))
}

/**
 * CSV exports written by a background job in `<dataDir>/exports/`, batch by batch over the same
 * keyset pages as the history screen, so memory stays flat whatever the number of rows. The
 * renderer polls the status, then reads the finished file in chunks of at most 1 MiB.
 */
export class ExportService {
  private readonly jobs = new Map<string, ExportJob>()
  private readonly folder: string
  private readonly figures: ExportFiguresRepository

  constructor(
    dataDir: string,
    private readonly history: OrderHistoryService,
    private readonly currency: () => string,
    private readonly logger: Logger,
    db: SqliteDatabase,
  ) {
    this.folder = join(dataDir, 'exports')
    this.figures = new ExportFiguresRepository(db)
  }

  start(request: ExportRequest): Result<{ exportId: string; total: number; fileName: string }> {
    const filters: OrderFilters =
      request.kind === 'orders' ? request.filters : { from: request.from, to: request.to }
    const filter = filterSql(filters, this.history.timeZone())
    if (!filter.ok) return filter
    const exportId = randomUUID()
    const timeZone = this.history.timeZone()
    const dialect = csvDialect(request.format ?? defaultCsvFormat(request.locale), timeZone)
    const day = shopDay(new Date(), timeZone)
    const fileName = request.kind === 'orders' ? `orders-${day}.csv` : `vat-${request.from.slice(0, 10)}-${request.to.slice(0, 10)}.csv`
    mkdirSync(this.folder, { recursive: true, mode: 0o700 })
    const total = request.kind === 'orders' ? this.history.repository.count(filter.value) : 0
    const job: ExportJob = {
      file: join(this.folder, `${exportId}.csv`),
      cancelled: false,
      status: { exportId, kind: request.kind, fileName, rowsWritten: 0, total, bytesWritten: 0, done: false, error: null },
    }
    this.jobs.set(exportId, job)
    const running =
      request.kind === 'orders' ? this.writeOrders(job, filter.value, request, dialect) : this.writeVat(job, filters, request.locale, dialect)
    running.catch((error: unknown) => {
      this.logger.error(`Export ${exportId} failed`, error)
      job.status.error = 'The export could not be written'
      job.status.done = true
    })
    return ok({ exportId, total, fileName })
  }

  /**
   * The filtered orders, one line each: the list's columns, then total HT, TVA and TTC, HT and
   * TVA for each rate the shop has had (a stable set of columns, empty where the order has none),
   * what was refunded, the currency; in the dialect asked.
   */
  private async writeOrders(
    job: ExportJob,
    filter: FilterSql,
    request: Extract<ExportRequest, { kind: 'orders' }>,
    dialect: CsvDialect,
  ): Promise<void> {
    const stream = createWriteStream(job.file, { mode: 0o600 })
    const track = (text: string) => {
      job.status.bytesWritten += Buffer.byteLength(text)
      return write(stream, text)
    }
    try {
      const rates = this.figures.rates()
      const field = (value: string | number | null) => dialectField(value, dialect)
      await track(UTF8_BOM + dialectLine(orderExportHeader(request.locale, rates, dialect).map(field), dialect))
      let after: { key: string | number; id: number } | null = null
      while (!job.cancelled) {
        const rows = this.history.repository.page({ filter, sort: request.sort, limit: EXPORT_BATCH_ROWS, after })
        let text = ''
        const figures = this.figures.figures(rows.map((row) => row.id))
        for (const row of rows) {
          const money = (minor: number) => dialectAmount(minor, row.currency, dialect)
          const order = figures.get(row.id)
          const perRate = rates.flatMap((rate) => {
            const amounts = order?.byRate.get(rate)
            return amounts ? [money(amounts.ht), money(amounts.vat)] : ['', '']
          })
          text += dialectLine(
            [
              ...[orderReference(row), dialectDate(row.createdAt, dialect), dialectStatus(row.status, dialect), row.customerName, row.cashierName, row.tillId,
                dialectPaymentMethod(row.paymentMethod, dialect), row.cardBrand, row.cardLastFour, row.authorizationCode, row.lastDeclineCode].map(field),
              money(order?.totalHt ?? 0), money(order?.totalVat ?? 0), money(row.totalTtc),
              ...perRate,
              money(order?.refundedTtc ?? 0), field(row.currency),
            ],
            dialect,
          )
        }
        if (text) await track(text)
        job.status.rowsWritten += rows.length
        const last = rows[rows.length - 1]
        if (rows.length < EXPORT_BATCH_ROWS || !last) break
        after = { key: SORTS[request.sort].keyOf(last), id: last.id }
        await yieldToEventLoop()
      }
    } finally {
      await new Promise<void>((resolve) => stream.end(resolve))
    }
    job.status.total = Math.max(job.status.total, job.status.rowsWritten)
    job.status.done = true
  }

  /**
   * The VAT report of a period, from the same figures as the order list and the dashboard
   * (`sold-orders`): base, VAT and TTC per rate of the sales among the orders created in it, their
   * total; then the refunds on those sales per rate, as negative amounts, and their total; then
   * the net per rate and its total.
   */
  private async writeVat(job: ExportJob, filters: OrderFilters, locale: Locale, dialect: CsvDialect): Promise<void> {
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
    const stream = createWriteStream(job.file, { mode: 0o600 })
    await write(stream, text)
    await new Promise<void>((resolve) => stream.end(resolve))
    job.status.bytesWritten = Buffer.byteLength(text)
    job.status.rowsWritten = job.status.total = summary.value.vat.length + summary.value.refundVat.length + net.length + 3
    job.status.done = true
  }

  status(exportId: string): Result<ExportStatus> {
    const job = this.jobs.get(exportId)
    return job ? ok({ ...job.status }) : err('NOT_FOUND', 'There is no such export', { exportId })
  }

  /** Up to 1 MiB of a finished export from `offset`; `nextOffset` is null at the end of the file. */
  async chunk(exportId: string, offset: number): Promise<Result<{ base64: string; nextOffset: number | null }>> {
    const job = this.jobs.get(exportId)
    if (!job) return err('NOT_FOUND', 'There is no such export', { exportId })
    if (!job.status.done || job.status.error) return err('CONFLICT', 'This export is not finished', { exportId })
    if (offset > job.status.bytesWritten) return err('VALIDATION_FAILED', 'The offset is past the end of the file', { fields: ['offset'] })
    const handle = await open(job.file, 'r')
    try {
      const buffer = Buffer.alloc(Math.min(EXPORT_CHUNK_BYTES, job.status.bytesWritten - offset))
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset)
      const next = offset + bytesRead
      return ok({ base64: buffer.subarray(0, bytesRead).toString('base64'), nextOffset: next < job.status.bytesWritten ? next : null })
    } finally {
      await handle.close()
    }
  }

  discard(exportId: string): Result<Record<string, never>> {
    const job = this.jobs.get(exportId)
    if (!job) return err('NOT_FOUND', 'There is no such export', { exportId })
    job.cancelled = true
    this.jobs.delete(exportId)
    rmSync(job.file, { force: true })
    return ok({})
  }
}
