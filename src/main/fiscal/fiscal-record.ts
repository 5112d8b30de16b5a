import { FISCAL_RECORD_KIND_NAMES } from '@shared/contract/calls/fiscal-calls'

/** The kinds of record the fiscal journal holds: the contract's list, declared once. */
export const FISCAL_RECORD_KINDS = FISCAL_RECORD_KIND_NAMES
export type FiscalRecordKind = (typeof FISCAL_RECORD_KINDS)[number]

/** The real sales' chain, and the training mode's, which never touches the grand totals. */
export type FiscalChain = 'real' | 'training'

/** Who made the operation: a user of the till (the name as it was then), or the till itself. */
export interface FiscalOperator {
  id: number | null
  name: string
}

/** One record of the journal, as read back. */
export interface FiscalRecord {
  id: number
  tillId: string
  chain: FiscalChain
  sequence: number
  kind: FiscalRecordKind
  occurredAt: string
  operator: FiscalOperator
  orderId: number | null
  /** What it added to the grand total, minor units (negative for a credit note or a cancellation). */
  amountTtc: number
  /** Perpetual grand totals after this record: net, and absolute (every amount counted positive, never goes down). */
  gtNet: number
  gtAbsolute: number
  payload: unknown
  previousSignature: string
  signature: string
}
