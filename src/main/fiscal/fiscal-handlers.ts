import { err, ok } from '@shared/contract'
import { isDay } from '@shared/time/shop-time-zone'
import type { FiscalCheck, FiscalDayClosing, FiscalRecordRow } from '@shared/contract/calls/fiscal-calls'
import type { CallHandlers } from '../rpc/router'
import { markDuplicate } from './duplicate-mark'
import { cancellationBand, documentLocale, markCancellation, type CancellationBand } from './cancellation-mark'
import type { FiscalRecord } from './fiscal-record'
import type { FiscalRegister } from './fiscal-register'
import type { FiscalSale } from './sale-records'
import { localTimeWithOffset } from './fiscal-time'
import { FiscalDayClosedError } from './day-closings'
import { createHash } from 'node:crypto'
import { recordAudit } from '../audit'
import type { DownloadTickets } from '../rpc/download-tickets'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import { FiscalPeriodOpenError, makeFiscalArchive } from './fiscal-archive'

type FiscalCalls =
  | 'fiscal.records'
  | 'fiscal.verify'
  | 'fiscal.closeDay'
  | 'fiscal.closing'
  | 'fiscal.archive'
  | 'orders.reprintApproval'
  | 'orders.cancellationTicket'

export interface FiscalHandlerDependencies {
  fiscal: FiscalRegister
  /** A paid sale and its stored approval; null when the order has none. */
  approval: (orderId: number) => { sale: FiscalSale; html: string } | null
  timeZone: () => string
  now: () => Date
  /** For the archives: the database (read), this till, the download tickets, the app's version. */
  db: SqliteDatabase
  tillId: string
  downloads: Pick<DownloadTickets, 'issue'>
  appVersion?: string
  /** The sale's ticket under a band, on the receipt printer: null when none is set (the page prints the HTML). */
  printWithBand?: (orderId: number, band: CancellationBand) => Promise<'printed' | 'failed' | null>
}

const GT_KINDS = new Set(['ticket', 'credit_note', 'cancellation'])

function toRow(record: FiscalRecord): FiscalRecordRow {
  const payload = (record.payload ?? {}) as {
    orderNumber?: unknown
    amount?: unknown
    totals?: { ttc?: unknown }
    dayTotals?: { net?: unknown }
    periodTotals?: { net?: unknown }
  }
  // A cash movement's amount, a closing's net total of its day, a session's figures: whatever the record carries.
  const carried = [payload.amount, payload.totals?.ttc, payload.dayTotals?.net, payload.periodTotals?.net].find((value) => Number.isSafeInteger(value))
  const other = carried === undefined ? null : (carried as number)
  return {
    id: record.id,
    tillId: record.tillId,
    chain: record.chain,
    sequence: record.sequence,
    kind: record.kind,
    occurredAt: record.occurredAt,
    operatorName: record.operator.name,
    orderNumber: typeof payload.orderNumber === 'string' ? payload.orderNumber : null,
    amount: GT_KINDS.has(record.kind) ? record.amountTtc : record.kind === 'duplicate' ? null : other,
    gtNet: record.gtNet,
    gtAbsolute: record.gtAbsolute,
    shortSignature: record.signature.slice(0, 12),
  }
}

/** The journal's screen and the duplicates of tickets. */
export function fiscalHandlers(deps: FiscalHandlerDependencies): Pick<CallHandlers, FiscalCalls> {
  const { fiscal } = deps
  return {
    'fiscal.records': ({ kind, fromDay, toDay, cursor, limit }) => {
      const rows = fiscal.journal.page({ kind: kind ?? null, fromDay: fromDay ?? null, toDay: toDay ?? null }, cursor ?? null, limit + 1)
      const records = rows.slice(0, limit).map(toRow)
      const nextCursor = rows.length > limit ? (records[records.length - 1]?.id ?? null) : null
      return ok({ records, nextCursor, lastCheck: fiscal.lastCheck() })
    },
    'fiscal.verify': (_input, { session }) => {
      const report = fiscal.verify({ id: session.userId })
      const check: FiscalCheck = {
        ok: report.ok,
        at: localTimeWithOffset(deps.now(), deps.timeZone()),
        tailOnly: report.tailOnly,
        records: report.records,
        events: report.events,
        broken: report.broken,
      }
      return ok(check)
    },
    'fiscal.closeDay': ({ day }, { session }) => {
      if (day !== undefined && !isDay(day)) return err('VALIDATION_FAILED', 'Not a calendar day', { fields: ['day'] })
      try {
        const written = fiscal.closeDay({ id: session.userId }, day)
        return ok({ closings: written.map(toRow), days: written.map((closing) => (closing.payload as { day: string }).day) })
      } catch (error) {
        if (error instanceof FiscalDayClosedError) return err('CONFLICT', error.message, { day: error.day, closedThrough: error.closedThrough })
        if (error instanceof RangeError) return err('VALIDATION_FAILED', error.message, { fields: ['day'] })
        throw error
      }
    },
    'fiscal.closing': ({ id }) => {
      const record = fiscal.journal.find(id)
      if (!record || record.kind !== 'closing_day') return err('NOT_FOUND', 'No daily closing has this id', { id })
      const payload = record.payload as Omit<FiscalDayClosing, 'id' | 'tillId' | 'chain' | 'sequence' | 'occurredAt' | 'operatorName' | 'automatic' | 'signature'>
      return ok({
        id: record.id,
        tillId: record.tillId,
        chain: record.chain,
        sequence: record.sequence,
        occurredAt: record.occurredAt,
        operatorName: record.operator.name,
        automatic: record.operator.id === null,
        day: payload.day,
        records: payload.records,
        counts: payload.counts,
        rates: payload.rates,
        payments: payload.payments,
        dayTotals: payload.dayTotals,
        perpetual: payload.perpetual,
        signature: record.signature,
      })
    },
    'fiscal.archive': ({ period }, { clientId, session }) => {
      let archive: ReturnType<typeof makeFiscalArchive>
      try {
        archive = makeFiscalArchive({
          db: deps.db,
          signer: fiscal.signer,
          tillId: deps.tillId,
          period,
          createdAt: localTimeWithOffset(deps.now(), deps.timeZone()),
          appName: 'Comptoir',
          appVersion: deps.appVersion ?? null,
        })
      } catch (error) {
        if (error instanceof FiscalPeriodOpenError) return err('FISCAL_PERIOD_OPEN', error.message, { period })
        if (error instanceof RangeError) return err('VALIDATION_FAILED', error.message, { fields: ['period'] })
        throw error
      }
      const { fileName, bytes, manifest } = archive
      const records = manifest.chains.reduce((sum, chain) => sum + chain.records, 0)
      // The audit entry (an `.exported` action) is copied to the JET: making an archive is a JET event.
      recordAudit(deps.db, {
        action: 'fiscal.archive.exported',
        userId: session.userId,
        subject: `fiscal-archive:${deps.tillId}:${period}`,
        details: { period, fileName, records, events: manifest.events.count, sha256: createHash('sha256').update(bytes).digest('hex') },
        at: deps.now().toISOString(),
      })
      const download = { fileName, contentType: 'application/zip', pieces: () => (async function* () { yield bytes })() }
      return ok({ ...deps.downloads.issue(clientId, session, download), fileName, records })
    },
    'orders.reprintApproval': ({ orderId }, { session }) => {
      const found = deps.approval(orderId)
      if (!found) return err('NOT_FOUND', 'This order has no approval yet', { orderId })
      const { record, copyNumber } = fiscal.sales.duplicate(found.sale, session.userId, 'print')
      return ok({ html: markDuplicate(found.html, copyNumber, record.occurredAt, record), copyNumber })
    },
    // AGEC exception (décret 2023-1204): a cancelled card payment's ticket is printed without asking.
    'orders.cancellationTicket': async ({ orderId }, { session }) => {
      const found = deps.approval(orderId)
      const record = found ? fiscal.journal.lastForOrder(orderId, 'cancellation') : null
      if (!found || !record) return err('NOT_FOUND', 'This order has no cancellation', { orderId })
      const method = found.sale.paymentMethod
      if (method !== 'card' && method !== 'saved_card') return err('CONFLICT', 'Only a card payment has a cancellation ticket', { orderId })
      recordAudit(deps.db, {
        action: 'order.ticketRequested',
        userId: session.userId,
        subject: `order:${found.sale.number}`,
        details: { medium: 'print', reason: 'card_cancellation' },
        at: deps.now().toISOString(),
      })
      const band = cancellationBand(record, found.sale.currency, documentLocale(found.html))
      const html = markCancellation(found.html, band)
      const printer = deps.printWithBand ? await deps.printWithBand(orderId, band) : null
      return ok(printer ? { html, printer } : { html })
    },
  }
}
