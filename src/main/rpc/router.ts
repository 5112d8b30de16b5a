import {
  contract,
  err,
  isCallName,
  mayAnswer,
  type CallName,
  type CallOutput,
  type CallResult,
  type Contract,
  type ParsedInput,
  type Result,
} from '@shared/contract'
import type { Logger } from '../../platform/logging/logger'
import type { ActiveSession, CallContext } from './call-context'
import type { SessionRegistry } from './session-registry'
import { CallRefusal } from './call-refusal'

/** A call open to anyone may have no session; a staff or administrator call always has one. */
type SessionOf<N extends CallName> = Contract[N]['role'] extends 'none' ? ActiveSession | null : ActiveSession

export type CallHandler<N extends CallName> = (
  input: ParsedInput<N>,
  context: CallContext<SessionOf<N>>,
) => Result<CallOutput<N>> | Promise<Result<CallOutput<N>>>

/** One handler per call of the contract; TypeScript refuses a missing one. */
export type CallHandlers = { [N in CallName]: CallHandler<N> }

/**
 * A handler held to its call's error codes at compile time: it answers only the codes its call
 * lists and the common ones. A feature whose services name the codes they answer types its
 * handlers so; the router checks every handler's codes at run time either way.
 */
export type CheckedCallHandler<N extends CallName> = (
  input: ParsedInput<N>,
  context: CallContext<SessionOf<N>>,
) => CallResult<N> | Promise<CallResult<N>>

export type CheckedCallHandlers = { [N in CallName]: CheckedCallHandler<N> }

export interface Router {
  dispatch(name: string, input: unknown, clientId: string): Promise<Result<unknown>>
}

/**
 * The single entry point of every transport (Electron IPC, browser-mode HTTP, tests): it finds
 * the call, checks the role, validates its input, runs the handler and validates the answer.
 * Nothing thrown escapes: a {@link CallRefusal} is answered as its code, any other exception is
 * logged and answered as INTERNAL.
 */
export function createRouter(handlers: CallHandlers, sessions: SessionRegistry, logger: Logger): Router {
  return {
    async dispatch(name, input, clientId) {
      if (!isCallName(name)) return err('UNKNOWN_CALL', `There is no call named "${String(name).slice(0, 60)}"`)
      const definition = contract[name]
      // The role first: a caller who may not make the call learns nothing of its input's shape.
      const session = sessions.touch(clientId)
      if (definition.role !== 'none') {
        if (!session) return err('UNAUTHENTICATED', 'Log in to continue')
        if (definition.role === 'admin' && session.role !== 'admin') {
          return err('FORBIDDEN', 'This action needs an administrator')
        }
      }
      const parsed = definition.input.safeParse(input ?? {})
      if (!parsed.success) {
        return err('VALIDATION_FAILED', 'The request is not valid', parsed.error.issues)
      }
      try {
        // The role check above is what makes the session non-null for staff and administrator calls.
        const handler = handlers[name] as (input: unknown, context: CallContext) => ReturnType<CallHandler<CallName>>
        const result = await handler(parsed.data, { clientId, session })
        if (!result.ok) {
          if (mayAnswer(name, result.error.code)) return result
          // A code the call does not list is a breach of the contract, like an answer outside its schema.
          logger.error(`Call ${name} answered ${result.error.code}, a code its contract does not list`, result.error.message)
          return err('INTERNAL', 'Something went wrong; the action was not completed')
        }
        const checked = definition.output.safeParse(result.value)
        if (!checked.success) {
          logger.error(`Call ${name} produced an answer outside its contract`, checked.error.issues)
          return err('INTERNAL', 'Something went wrong; the action was not completed')
        }
        return { ok: true, value: checked.data }
      } catch (error) {
        // A rule any writing call may meet (a record on a closed fiscal day): its code, not INTERNAL; nothing was written.
        if (error instanceof CallRefusal) {
          logger.warn(`Call ${name} refused: ${error.code}`, error.message)
          return err(error.code, error.message, error.details)
        }
        logger.error(`Call ${name} failed`, error)
        return err('INTERNAL', 'Something went wrong; the action was not completed')
      }
    },
  }
}
