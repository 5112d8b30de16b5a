import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { onAuditEntry, type AuditEntryInput } from '../audit'
import type { SqliteDatabase } from '../../platform/sqlite/open-database'
import type { Logger } from '../../platform/logging/logger'
import { checkFiscalChains, type FiscalCheckReport } from './fiscal-chain-check'
import { FiscalEventLog, TILL_OPERATOR } from './fiscal-event-log'
import { FiscalJournal } from './fiscal-journal'
import { FiscalRecordRepository } from './fiscal-record-repository'
import { FiscalSigner } from './fiscal-signature'
import { SaleRecords } from './sale-records'
import { DayClosings } from './day-closings'
import type { FiscalOperator, FiscalRecord } from './fiscal-record'
import type { FiscalCheck } from '@shared/contract/calls/fiscal-calls'

/** The till's public key, beside its data (`<dataDir>/keys/`), for `npm run fiscal:verify` and the archives. */
export const FISCAL_PUBLIC_KEY_FILE = join('keys', 'fiscal-public-key.pem')
/** The signing key's 32 bytes in browser mode and tests; the desktop app wraps them with safeStorage. */
export const FISCAL_SIGNING_KEY_FILE = 'fiscal-signing.key'

/** How many of each chain's last rows the start-up check verifies. */
export const START_CHECK_TAIL = 100

/** Audit actions the JET copies: logins, rights and user changes, settings that affect compliance, exports. */
function copiedToJet(action: string): boolean {
  return action === 'auth.login' || action.startsWith('user.') || action.startsWith('settings.') || action.endsWith('.exported')
}

export interface FiscalRegisterOptions {
  db: SqliteDatabase
  tillId: string
  /** 32 random bytes kept outside the database: the Ed25519 seed of the till's signing key. */
  signingKey: Buffer
  dataDir: string
  timeZone: () => string
  now: () => Date
  logger: Logger
  /** The app's version, written in the JET at each start. */
  version?: string
  /** The administrator supervising training mode now, named in each training record; null while off. */
  trainingSupervisor?: () => FiscalOperator | null
}

/** The till's fiscal record: the journal, its sale records, the JET and their check. */
export interface FiscalRegister {
  journal: FiscalJournal
  sales: SaleRecords
  events: FiscalEventLog
  signer: FiscalSigner
  /** Checks the chains (every row, or the last `tail` of each) and writes the result in the JET. */
  verify(operator: { id: number | null }, tail?: number): FiscalCheckReport
  /** The daily closings (Z): a closed day refuses records. */
  closings: DayClosings
  /** Closes a day that is over (yesterday by default) and the earlier ones left open; each closing is also a JET event. */
  closeDay(operator: { id: number }, day?: string): FiscalRecord[]
  /** The last integrity check, as the JET recorded it; null before the first. */
  lastCheck(): FiscalCheck | null
  /** At start: the JET's start event, then the quick check of each chain's tail. */
  start(): FiscalCheckReport
  stop(): void
}

export function createFiscalRegister(options: FiscalRegisterOptions): FiscalRegister {
  const { db, tillId, timeZone, now } = options
  const signer = new FiscalSigner(options.signingKey)
  const publicKeyFile = join(options.dataDir, FISCAL_PUBLIC_KEY_FILE)
  mkdirSync(dirname(publicKeyFile), { recursive: true, mode: 0o700 })
  writeFileSync(publicKeyFile, signer.publicKeyPem(), { mode: 0o600 })
  const userNames = db.prepare<[number], { display_name: string }>('SELECT display_name FROM users WHERE id = ?')
  const userName = (userId: number) => userNames.get(userId)?.display_name ?? null
  const closings = new DayClosings(db, tillId, timeZone, now)
  const records = new FiscalRecordRepository(db)
  const journal = new FiscalJournal({
    db,
    records,
    signer,
    tillId,
    timeZone,
    now,
    userName,
    guard: (till, chain, day) => closings.guard(till, chain, day),
  })
  const events = new FiscalEventLog({ db, signer, tillId, timeZone, now, userName })
  onAuditEntry(db, (entry: AuditEntryInput) => {
    if (copiedToJet(entry.action)) events.record(entry.action, { subject: entry.subject, details: entry.details }, { id: entry.userId }, new Date(entry.at))
  })

  const verify = (operator: { id: number | null }, tail?: number): FiscalCheckReport => {
    const report = checkFiscalChains(db, signer.publicKey, tail === undefined ? {} : { tail })
    const details = { ok: report.ok, tailOnly: report.tailOnly, records: report.records, events: report.events, broken: report.broken }
    events.record(report.ok ? 'integrity.check' : 'integrity.broken', details, operator)
    if (!report.ok) options.logger.error('The fiscal journal is broken', report.broken)
    return report
  }

  /**
   * The training chain (MODE ÉCOLE) is closed with the real one, day for day, once it holds
   * anything: its own Z, grand totals and numbering, so that an archive holds it closed beside
   * the real chain and nothing of it reaches the real closings.
   */
  const closeTraining = (operator: FiscalOperator | { id: number }, day: string | 'left open' = closings.yesterday()): void => {
    if (!records.tail(tillId, 'training')) return
    const last = closings.lastClosedDay('training')
    const written =
      day === 'left open'
        ? closings.closeLeftOpen(journal, TILL_OPERATOR, 'training')
        : last !== null && last >= day
          ? []
          : closings.close(journal, operator, day, 'training')
    for (const closing of written) {
      const details = { day: (closing.payload as { day: string }).day, sequence: closing.sequence, chain: 'training' }
      events.record('closing.day', day === 'left open' ? { ...details, automatic: true } : details, operator)
    }
  }

  return {
    journal,
    sales: new SaleRecords(journal, options.trainingSupervisor),
    events,
    signer,
    verify,
    closings,
    closeDay: (operator, day) =>
      db.transaction(() => {
        const written = closings.close(journal, operator, day)
        for (const closing of written) events.record('closing.day', { day: (closing.payload as { day: string }).day, sequence: closing.sequence }, operator)
        closeTraining(operator, day)
        return written
      })(),
    lastCheck: () => {
      const event = events.lastCheck()
      if (!event) return null
      const details = event.details as Omit<FiscalCheck, 'at'>
      return { ok: details.ok, at: event.occurredAt, tailOnly: details.tailOnly, records: details.records, events: details.events, broken: details.broken }
    },
    start: () => {
      // A new version of the till software is an event of its own (a certificate covers one major version).
      const version = options.version ?? null
      const previous = events.lastOfKind('app.start')
      const previousVersion = previous ? ((previous.details as { version?: string | null }).version ?? null) : null
      if (previous && previousVersion !== version) events.record('app.versionChanged', { from: previousVersion, to: version, tillId }, TILL_OPERATOR)
      events.record('app.start', { version, tillId }, TILL_OPERATOR)
      const report = verify(TILL_OPERATOR, START_CHECK_TAIL)
      // A day the till left without its Z is closed now, before anything is sold today.
      db.transaction(() => {
        for (const closing of closings.closeLeftOpen(journal, TILL_OPERATOR)) {
          events.record('closing.day', { day: (closing.payload as { day: string }).day, sequence: closing.sequence, automatic: true }, TILL_OPERATOR)
        }
        closeTraining(TILL_OPERATOR, 'left open')
      })()
      return report
    },
    stop: () => {
      // A second close finds the database closed: the stop is recorded once.
      if (db.open) events.record('app.stop', { tillId }, TILL_OPERATOR)
    },
  }
}
