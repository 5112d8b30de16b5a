/**
 * The fiscal feature's face: the till's inalterable signed journal (tickets, credit notes,
 * cancellations, duplicates, cash movements, closings), its technical event log (JET) and their
 * check. Another feature records through `FiscalJournal.record(kind, payload, operator, options)`
 * INSIDE its own transaction.
 */
export { createFiscalRegister, FISCAL_PUBLIC_KEY_FILE, FISCAL_SIGNING_KEY_FILE, type FiscalRegister } from './fiscal-register'
export type { FiscalJournal, FiscalRecordOptions } from './fiscal-journal'
export type { FiscalEventLog, FiscalEventKind } from './fiscal-event-log'
export { FISCAL_RECORD_KINDS } from './fiscal-record'
export type { FiscalChain, FiscalOperator, FiscalRecord, FiscalRecordKind } from './fiscal-record'
export type { DuplicateMedium, FiscalRefund, FiscalSale, SaleRecords } from './sale-records'
export { DayClosings, FiscalDayClosedError } from './day-closings'
export { checkFiscalChains, type FiscalBreak, type FiscalCheckReport } from './fiscal-chain-check'
export { makeFiscalArchive, FiscalPeriodOpenError, type FiscalArchive, type FiscalArchiveManifest } from './fiscal-archive'
export { checkFiscalArchive, type FiscalArchiveCheckReport } from './fiscal-archive-check'
export { fiscalHandlers, type FiscalHandlerDependencies } from './fiscal-handlers'
export { withFiscalEvents } from './fiscal-event-handlers'
export { markDuplicate } from './duplicate-mark'
export { fiscalPurgeHandlers } from './fiscal-purge-handlers'
export { FISCAL_PURGE_EVENT } from './fiscal-purge'
