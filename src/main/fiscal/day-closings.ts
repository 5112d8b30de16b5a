import { addDays } from '@shared/time/shop-time-zone'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { FiscalChain, FiscalOperator, FiscalRecord } from './fiscal-record'
import type { FiscalJournal } from './fiscal-journal'
import { localTimeWithOffset } from './fiscal-time'
import { CallRefusal } from '../rpc/call-refusal'

/**
 * A record was refused because its day is closed (a Z was written for it). Thrown inside the
 * operation's transaction, which rolls back; the router answers it as FISCAL_PERIOD_CLOSED.
 */
export class FiscalDayClosedError extends CallRefusal {
  constructor(readonly day: string, readonly closedThrough: string) {
    super('FISCAL_PERIOD_CLOSED', `The fiscal day ${day} is closed (closings through ${closedThrough}): no record may be added to it`, { day, closedThrough })
    this.name = 'FiscalDayClosedError'
  }
}

interface DayRecordRow {
  sequence: number
  kind: string
  amount_ttc: number
  gt_net: number
  gt_absolute: number
  payload: string
}

/** A daily closing's payload, as {@link DayClosings.summary} writes it. */
interface DailyClosing {
  day: string
  counts: { tickets: number; creditNotes: number; cancellations: number; duplicates: number }
  rates: RatePart[]
  payments: Array<{ mode: string; amount: number }>
  dayTotals: { net: number; absolute: number }
  perpetual: { gtNet: number; gtAbsolute: number }
}

interface RatePart {
  rateBasisPoints: number
  ht: number
  vat: number
  ttc: number
}

const SALE_KINDS = ['ticket', 'credit_note', 'cancellation'] as const

/**
 * The daily closing (Z) of a till's chain: one signed journal record per shop day with the day's
 * sums per VAT rate and per payment mode, the counts of tickets, credit notes, cancellations and
 * duplicates, the day's grand totals and the perpetual ones; the last day of a month (a year) is
 * followed by the month's (year's) closing, the sums of its dailies. A closed day refuses records (the
 * journal asks {@link guard} before each one); a day left unclosed is closed at the next start.
 */
export class DayClosings {
  private readonly statements

  constructor(
    private readonly db: SqliteDatabase,
    private readonly tillId: string,
    private readonly timeZone: () => string,
    private readonly now: () => Date,
  ) {
    this.statements = {
      // Closings are written in day order: the newest is the last closed day (read through the
      // kind's index from its end, once per record whatever the years of closings behind it).
      lastClosed: db.prepare<[string, string], { day: string | null }>(
        `SELECT json_extract(payload, '$.day') AS day FROM fiscal_records
         WHERE kind = 'closing_day' AND till_id = ? AND chain = ? ORDER BY id DESC LIMIT 1`,
      ),
      dayRecords: db.prepare<[string, string, string], DayRecordRow>(
        `SELECT sequence, kind, amount_ttc, gt_net, gt_absolute, payload FROM fiscal_records
         WHERE till_id = ? AND chain = ? AND substr(occurred_at, 1, 10) = ? AND kind NOT LIKE 'closing_%' ORDER BY sequence`,
      ),
      gtThrough: db.prepare<[string, string, string], { gt_net: number; gt_absolute: number; sequence: number }>(
        `SELECT gt_net, gt_absolute, sequence FROM fiscal_records
         WHERE till_id = ? AND chain = ? AND substr(occurred_at, 1, 10) <= ? ORDER BY sequence DESC LIMIT 1`,
      ),
      dailies: db.prepare<[string, string, string], { payload: string }>(
        `SELECT payload FROM fiscal_records
         WHERE kind = 'closing_day' AND till_id = ? AND chain = ? AND json_extract(payload, '$.day') LIKE ? ORDER BY sequence`,
      ),
      newestFirst: db.prepare<[string, string], { day: string; kind: string }>(
        `SELECT substr(occurred_at, 1, 10) AS day, kind FROM fiscal_records WHERE till_id = ? AND chain = ? ORDER BY sequence DESC`,
      ),
    }
  }

  /** The last closed day of a chain, null before the first closing. */
  lastClosedDay(chain: FiscalChain = 'real', tillId = this.tillId): string | null {
    return this.statements.lastClosed.get(tillId, chain)?.day ?? null
  }

  /** Throws {@link FiscalDayClosedError} for a record on a closed day. */
  guard(tillId: string, chain: FiscalChain, day: string): void {
    const closed = this.lastClosedDay(chain, tillId)
    if (closed !== null && day <= closed) throw new FiscalDayClosedError(day, closed)
  }

  today(): string {
    return localTimeWithOffset(this.now(), this.timeZone()).slice(0, 10)
  }

  /** The day before today, the default day to close. */
  yesterday(): string {
    return addDays(this.today(), -1)
  }

  /**
   * Closes `day` (yesterday by default) and, first, every earlier day with records left unclosed;
   * answers the closings written, oldest first. A day is closed once it is over: today and later
   * are refused (the till's own day ends with its cash session), and so is a day already closed.
   */
  close(journal: FiscalJournal, operator: FiscalOperator | { id: number }, day = addDays(this.today(), -1), chain: FiscalChain = 'real'): FiscalRecord[] {
    if (day >= this.today()) throw new RangeError(`The day ${day} is not over yet: a day is closed once it is over`)
    return this.db.transaction(() => {
      const closed = this.lastClosedDay(chain)
      if (closed !== null && day <= closed) throw new FiscalDayClosedError(day, closed)
      const days = this.unclosedDays(chain, closed, day)
      return [...days, day].map((each) => this.writeClosing(journal, operator, each, chain))
    })()
  }

  /** At start: closes every day before today that has records and no closing. */
  closeLeftOpen(journal: FiscalJournal, operator: FiscalOperator, chain: FiscalChain = 'real'): FiscalRecord[] {
    return this.db.transaction(() => {
      const closed = this.lastClosedDay(chain)
      return this.unclosedDays(chain, closed, this.today()).map((day) => this.writeClosing(journal, operator, day, chain))
    })()
  }

  /**
   * The days after `closed` and before `before` that have records, oldest first. Records follow
   * the clock (a closed day refuses any later one), so the walk goes back from the newest record
   * and stops at the first on a closed day: it reads only what came since the last closing.
   */
  private unclosedDays(chain: FiscalChain, closed: string | null, before: string): string[] {
    const days = new Set<string>()
    for (const row of this.statements.newestFirst.iterate(this.tillId, chain)) {
      if (row.kind.startsWith('closing_')) continue
      if (closed !== null && row.day <= closed) break
      if (row.day < before) days.add(row.day)
    }
    return [...days].sort()
  }

  /** The Z of a day: what its records add up to, and the grand totals at its end. */
  summary(day: string, chain: FiscalChain = 'real'): Record<string, unknown> {
    const records = this.statements.dayRecords.all(this.tillId, chain, day)
    const counts: Record<string, number> = { ticket: 0, credit_note: 0, cancellation: 0, duplicate: 0 }
    const rates = new Map<number, RatePart>()
    const modes = new Map<string, number>()
    let net = 0
    let absolute = 0
    for (const record of records) {
      counts[record.kind] = (counts[record.kind] ?? 0) + 1
      if (!(SALE_KINDS as readonly string[]).includes(record.kind)) continue
      net += record.amount_ttc
      absolute += Math.abs(record.amount_ttc)
      const payload = JSON.parse(record.payload) as { rates?: RatePart[]; payments?: Array<{ mode: string; amount: number }> }
      for (const rate of payload.rates ?? []) {
        const sum = rates.get(rate.rateBasisPoints) ?? { rateBasisPoints: rate.rateBasisPoints, ht: 0, vat: 0, ttc: 0 }
        rates.set(rate.rateBasisPoints, { ...sum, ht: sum.ht + rate.ht, vat: sum.vat + rate.vat, ttc: sum.ttc + rate.ttc })
      }
      for (const payment of payload.payments ?? []) modes.set(payment.mode, (modes.get(payment.mode) ?? 0) + payment.amount)
    }
    const through = this.statements.gtThrough.get(this.tillId, chain, day)
    return {
      document: 'closing_day',
      day,
      tillId: this.tillId,
      chain,
      records: { count: records.length, firstSequence: records[0]?.sequence ?? null, lastSequence: records.at(-1)?.sequence ?? null },
      counts: { tickets: counts.ticket, creditNotes: counts.credit_note, cancellations: counts.cancellation, duplicates: counts.duplicate },
      rates: [...rates.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints),
      payments: [...modes].map(([mode, amount]) => ({ mode, amount })).sort((a, b) => a.mode.localeCompare(b.mode)),
      dayTotals: { net, absolute },
      perpetual: { gtNet: through?.gt_net ?? 0, gtAbsolute: through?.gt_absolute ?? 0 },
    }
  }

  /**
   * The day's Z, then, when the day ends a month (a year), that month's (year's) closing built
   * from the dailies of the period: answers the day's closing.
   */
  private writeClosing(journal: FiscalJournal, operator: FiscalOperator | { id: number }, day: string, chain: FiscalChain): FiscalRecord {
    const closing = journal.record('closing_day', this.summary(day, chain), operator, { chain })
    const next = addDays(day, 1)
    if (next.slice(0, 7) !== day.slice(0, 7)) journal.record('closing_month', this.periodSummary('closing_month', day.slice(0, 7), chain), operator, { chain })
    if (next.slice(0, 4) !== day.slice(0, 4)) journal.record('closing_year', this.periodSummary('closing_year', day.slice(0, 4), chain), operator, { chain })
    return closing
  }

  /** A month's (`YYYY-MM`) or a year's (`YYYY`) closing: the sums of its daily closings. */
  private periodSummary(kind: 'closing_month' | 'closing_year', period: string, chain: FiscalChain): Record<string, unknown> {
    const dailies = this.statements.dailies.all(this.tillId, chain, `${period}%`).map((row) => JSON.parse(row.payload) as DailyClosing)
    const rates = new Map<number, RatePart>()
    const modes = new Map<string, number>()
    const counts = { tickets: 0, creditNotes: 0, cancellations: 0, duplicates: 0 }
    const totals = { net: 0, absolute: 0 }
    for (const daily of dailies) {
      for (const rate of daily.rates) {
        const sum = rates.get(rate.rateBasisPoints) ?? { rateBasisPoints: rate.rateBasisPoints, ht: 0, vat: 0, ttc: 0 }
        rates.set(rate.rateBasisPoints, { ...sum, ht: sum.ht + rate.ht, vat: sum.vat + rate.vat, ttc: sum.ttc + rate.ttc })
      }
      for (const payment of daily.payments) modes.set(payment.mode, (modes.get(payment.mode) ?? 0) + payment.amount)
      for (const key of Object.keys(counts) as Array<keyof typeof counts>) counts[key] += daily.counts[key]
      totals.net += daily.dayTotals.net
      totals.absolute += daily.dayTotals.absolute
    }
    const last = dailies.at(-1)
    return {
      document: kind,
      period,
      tillId: this.tillId,
      chain,
      days: dailies.map((daily) => daily.day),
      counts,
      rates: [...rates.values()].sort((a, b) => b.rateBasisPoints - a.rateBasisPoints),
      payments: [...modes].map(([mode, amount]) => ({ mode, amount })).sort((a, b) => a.mode.localeCompare(b.mode)),
      periodTotals: totals,
      perpetual: last?.perpetual ?? { gtNet: 0, gtAbsolute: 0 },
    }
  }
}
