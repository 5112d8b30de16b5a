import type { ResponseCode } from '@shared/cards/response-codes'
import type { IssuerRepositories } from './issuer-repositories'
import type {
  AuthorizationStateAnswer,
  CaptureRequest,
  CaptureResponse,
  InquiryRequest,
  InquiryResponse,
  RefundRequest,
  RefundResponse,
  ReversalRequest,
  ReversalResponse,
} from '@shared/issuer-protocol/issuer-protocol'

type FollowUpRequest = ReversalRequest | CaptureRequest | RefundRequest
type FollowUpResponse = ReversalResponse | CaptureResponse | RefundResponse

const RESPONSE_TYPE = { '0400': '0410', '0220': '0230', '0200': '0210' } as const

/** Builds the answer to a follow-up message with the same routing fields. */
export function followUpResponse(
  request: FollowUpRequest,
  responseCode: ResponseCode,
): FollowUpResponse {
  return {
    messageType: RESPONSE_TYPE[request.messageType],
    merchantId: request.merchantId,
    terminalId: request.terminalId,
    traceNumber: request.traceNumber,
    originalTraceNumber: request.originalTraceNumber,
    responseCode,
    amount: request.amount,
  } as FollowUpResponse
}

/**
 * Reversal, capture and refund of an earlier authorization, each in one transaction. They find
 * the original by (merchant, terminal, original trace number). Each is idempotent on its own trace
 * number (the merchant's step key): the answer is stored with the movement, and the same message
 * sent again is answered the same without moving money twice; the same trace number reused for
 * another message is a duplicate transmission (94).
 */
export class FollowUpProcessor {
  constructor(private readonly repositories: IssuerRepositories) {}

  /** The authorization a follow-up refers to, by (merchant, terminal, original trace number). */
  private originalOf(request: FollowUpRequest | InquiryRequest) {
    return this.repositories.authorizations.findByTrace(
      request.merchantId,
      request.terminalId,
      request.originalTraceNumber,
    )
  }

  /** False when this trace number was already taken: a duplicate transmission (94). */
  private recordFollowUp(request: FollowUpRequest, messageType: '0220' | '0200', at: string): boolean {
    return this.repositories.authorizations.recordTransmission(
      request.merchantId,
      request.terminalId,
      request.traceNumber,
      messageType,
      at,
    )
  }

  /**
   * Releases the hold. Always acknowledged unless the money was already captured: a reversal of
   * something the issuer never saw still takes the original's trace number, so if the original
   * arrives late it is a duplicate (94) and places no hold.
   */
  reverse(request: ReversalRequest, now: Date): ResponseCode {
    return this.once(request, now, () => this.decideReversal(request, now))
  }

  private decideReversal(request: ReversalRequest, now: Date): ResponseCode {
    const { authorizations, accounts, idempotency, ledger, db } = this.repositories
    const at = now.toISOString()
    return db.transaction((): ResponseCode => {
      const original = this.originalOf(request)
      if (!original) {
        authorizations.recordTransmission(
          request.merchantId,
          request.terminalId,
          request.originalTraceNumber,
          '0400',
          at,
        )
        return '00'
      }
      if (original.amount !== request.amount) return '13'
      if (original.state === 'captured') return '12'
      if (
        original.state === 'held' &&
        original.accountId !== null &&
        accounts.findById(original.accountId)
      ) {
        ledger.releaseHold(original.accountId, original.id, original.amount, at)
      }
      if (original.state !== 'reversed') authorizations.setState(original.id, 'reversed')
      idempotency.releaseForAuthorization(original.id)
      return '00'
    })()
  }

  /** Turns the hold into balance; a capture below the hold releases the rest. */
  capture(request: CaptureRequest, now: Date): ResponseCode {
    return this.once(request, now, () => this.decideCapture(request, now))
  }

  private decideCapture(request: CaptureRequest, now: Date): ResponseCode {
    const { authorizations, accounts, ledger, db } = this.repositories
    const at = now.toISOString()
    return db.transaction((): ResponseCode => {
      const original = this.originalOf(request)
      if (!original || original.accountId === null) return '25'
      // A capture sent again after a lost answer is acknowledged, not booked twice.
      if (original.state === 'captured' && original.capturedAmount === request.amount) return '00'
      if (original.state !== 'held') return '12'
      if (request.amount > original.amount) return '13'
      if (!this.recordFollowUp(request, '0220', at)) return '94'
      const account = accounts.findById(original.accountId)
      if (!account) return '25'
      ledger.capture(account.id, account.kind, original.id, original.amount, request.amount, at)
      authorizations.markCaptured(original.id, request.amount)
      return '00'
    })()
  }

  /** Credits back part or all of a captured amount, never more than was captured. */
  refund(request: RefundRequest, now: Date): ResponseCode {
    return this.once(request, now, () => this.decideRefund(request, now))
  }

  private decideRefund(request: RefundRequest, now: Date): ResponseCode {
    const { authorizations, accounts, ledger, db } = this.repositories
    const at = now.toISOString()
    return db.transaction((): ResponseCode => {
      const original = this.originalOf(request)
      if (!original || original.accountId === null) return '25'
      if (original.state !== 'captured') return '12'
      if (request.amount > original.capturedAmount - original.refundedAmount) return '13'
      if (!this.recordFollowUp(request, '0200', at)) return '94'
      const account = accounts.findById(original.accountId)
      if (!account) return '25'
      ledger.refund(account.id, account.kind, original.id, request.amount, at)
      authorizations.addRefund(original.id, request.amount)
      return '00'
    })()
  }

  /**
   * Decides a follow-up once per trace number, in one transaction with the stored answer: a
   * resend of the same message replays the answer, another message on that trace is a 94.
   */
  private once(request: FollowUpRequest, now: Date, decide: () => ResponseCode): ResponseCode {
    const { followUpAnswers, db } = this.repositories
    return db.transaction((): ResponseCode => {
      const earlier = followUpAnswers.find(request)
      if (earlier) {
        const same =
          earlier.messageType === request.messageType &&
          earlier.originalTraceNumber === request.originalTraceNumber &&
          earlier.amount === request.amount
        return same ? earlier.responseCode : '94'
      }
      const code = decide()
      followUpAnswers.record(
        {
          merchantId: request.merchantId,
          terminalId: request.terminalId,
          traceNumber: request.traceNumber,
          messageType: request.messageType,
          originalTraceNumber: request.originalTraceNumber,
          amount: request.amount,
          responseCode: code,
        },
        now.toISOString(),
      )
      return code
    })()
  }

  /** The state of an earlier authorization as this issuer's ledger has it (0600 inquiry). */
  inquire(request: InquiryRequest): InquiryResponse {
    const { authorizations } = this.repositories
    const original = this.originalOf(request)
    const answer = (
      state: AuthorizationStateAnswer,
      amounts: { amount: number; capturedAmount: number; refundedAmount: number },
    ): InquiryResponse => ({
      messageType: '0610',
      merchantId: request.merchantId,
      terminalId: request.terminalId,
      traceNumber: request.traceNumber,
      originalTraceNumber: request.originalTraceNumber,
      responseCode: state === 'unknown' ? '25' : '00',
      state,
      ...amounts,
    })
    if (!original) {
      // A reversal that came first took the trace number: it never held and never will.
      const taken = authorizations.transmissionType(request.merchantId, request.terminalId, request.originalTraceNumber)
      const none = { amount: 0, capturedAmount: 0, refundedAmount: 0 }
      return answer(taken === '0400' ? 'released' : 'unknown', none)
    }
    const STATES: Record<typeof original.state, AuthorizationStateAnswer> = {
      held: 'held',
      captured: 'captured',
      reversed: 'released',
      declined: 'declined',
    }
    return answer(STATES[original.state], {
      amount: original.amount,
      capturedAmount: original.capturedAmount,
      refundedAmount: original.refundedAmount,
    })
  }
}
