import type { z } from 'zod'
import type { Result } from './result'
import { COMMON_ERROR_CODES, type CommonErrorCode, type ErrorCode } from './errors'
import { administrationCalls } from './calls/administration-calls'
import { authCalls } from './calls/auth-calls'
import { backOfficeCalls } from './calls/back-office-calls'
import { cartCalls } from './calls/cart-calls'
import { cashSessionCalls } from './calls/cash-session-calls'
import { catalogueCalls } from './calls/catalogue-calls'
import { checkoutCalls } from './calls/checkout-calls'
import { fiscalCalls } from './calls/fiscal-calls'
import { invoiceCalls } from './calls/invoice-calls'
import { fiscalPurgeCalls } from './calls/fiscal-purge-calls'
import { trainingCalls } from './calls/training-calls'
import { receiptCalls } from './calls/receipt-calls'
import { userCalls } from './calls/user-calls'

/**
 * Every call between the renderer and main, declared once. The main router, the preload API,
 * the browser-mode HTTP transport and the renderer client are all derived from this object.
 * A call is named `noun.verb`.
 */
export const contract = {
  ...authCalls,
  ...catalogueCalls,
  ...cartCalls,
  ...checkoutCalls,
  ...userCalls,
  ...administrationCalls,
  ...backOfficeCalls,
  ...fiscalCalls,
  ...cashSessionCalls,
  ...invoiceCalls,
  ...fiscalPurgeCalls,
  ...trainingCalls,
  ...receiptCalls,
}

export type Contract = typeof contract
export type CallName = keyof Contract

/** What the caller passes (before zod defaults are applied). */
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>
/** What the handler in main receives (after validation and defaults). */
export type ParsedInput<N extends CallName> = z.output<Contract[N]['input']>
export type CallOutput<N extends CallName> = z.output<Contract[N]['output']>

export const CALL_NAMES = Object.keys(contract) as CallName[]

/** The codes a call may answer: those its definition lists and the common ones. */
export type CallErrors<N extends CallName> = Contract[N]['errors'][number] | CommonErrorCode

/** What a call answers: its output, or one of the codes it may answer. */
export type CallResult<N extends CallName> = Result<CallOutput<N>, CallErrors<N>>

/** {@link CallErrors} at run time, for the router's check of every error answer. */
export function mayAnswer(name: CallName, code: ErrorCode): boolean {
  return (COMMON_ERROR_CODES as readonly string[]).includes(code) || (contract[name].errors as readonly string[]).includes(code)
}

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name)
}

/** The shape of the bridge as the renderer sees it: one named function per call. */
export type ComptoirBridge = {
  [N in CallName]: (input: CallInput<N>) => Promise<CallResult<N>>
}

/** IPC channel used by the preload; the only one main listens on. */
export const BRIDGE_CHANNEL = 'comptoir:call'
