import { randomInt } from 'node:crypto'
import type { ResponseCode } from '@shared/cards/response-codes'
import {
  decideAuthorization,
  makeAuthorizationCode,
  type VelocitySettings,
} from './authorization-rules'
import type { CardHasher } from './card-hasher'
import type { IssuerRepositories } from './issuer-repositories'
import type { AuthorizationRequest, AuthorizationResponse, IssuerAnswer } from '@shared/issuer-protocol/issuer-protocol'

function startOfUtcDay(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString()
}

/** Codes that say nothing about the cardholder: not kept as the key's answer, so a retry decides. */
const TRANSIENT: ReadonlySet<ResponseCode> = new Set(['91', '94', '96'])

/**
 * Runs one 0100 inside a single SQLite transaction: idempotency replay, duplicate trace (94),
 * decision, hold. better-sqlite3 transactions are synchronous, so two requests for one key are
 * never interleaved; the key's primary key backs that up.
 */
export class AuthorizationProcessor {
  constructor(
    private readonly repositories: IssuerRepositories,
    private readonly hasher: CardHasher,
    private readonly velocity: () => VelocitySettings,
  ) {}

  private requestHash(request: AuthorizationRequest): Buffer {
    return this.hasher.requestHash([
      request.merchantId,
      request.terminalId,
      request.amount,
      request.currency,
      request.pan,
      request.expiryMonth,
      request.expiryYear,
      request.entryMode,
      request.brand,
    ])
  }

  private respond(
    request: AuthorizationRequest,
    responseCode: ResponseCode,
    authorizationCode?: string,
  ): AuthorizationResponse {
    return {
      messageType: '0110',
      merchantId: request.merchantId,
      terminalId: request.terminalId,
      traceNumber: request.traceNumber,
      responseCode,
      ...(authorizationCode ? { authorizationCode } : {}),
      amount: request.amount,
      currency: request.currency,
      replayed: false,
    }
  }

  /** An answer that needs no decision, e.g. an injected 91; nothing is written. */
  answerWithoutDeciding(request: AuthorizationRequest, code: ResponseCode): AuthorizationResponse {
    return this.respond(request, code)
  }

  process(request: AuthorizationRequest, now: Date): IssuerAnswer {
    const { accounts, authorizations, idempotency, ledger, db } = this.repositories
    const at = now.toISOString()
    return db.transaction((): IssuerAnswer => {
      const requestHash = request.idempotencyKey ? this.requestHash(request) : null
      if (request.idempotencyKey && requestHash) {
        const first = idempotency.find(request.merchantId, request.idempotencyKey)
        if (first && !first.requestHash.equals(requestHash)) {
          const message = 'This idempotency key was used with different parameters'
          return { kind: 'rejected', rejection: { code: 'IDEMPOTENCY_KEY_REUSED', message } }
        }
        if (first) {
          const stored = JSON.parse(first.responseJson) as AuthorizationResponse
          return {
            kind: 'answer',
            response: { ...stored, traceNumber: request.traceNumber, replayed: true },
          }
        }
      }
      if (
        !authorizations.recordTransmission(
          request.merchantId,
          request.terminalId,
          request.traceNumber,
          '0100',
          at,
        )
      ) {
        return { kind: 'answer', response: this.respond(request, '94') }
      }

      const wellFormed = /^\d{13,19}$/.test(request.pan)
      const account = wellFormed ? accounts.findByPanHash(this.hasher.panHash(request.pan)) : null
      const velocity = this.velocity()
      const windowStart = new Date(now.getTime() - velocity.windowSeconds * 1000).toISOString()
      const securityCodeMatches =
        account && request.securityCode !== undefined
          ? this.hasher
              .securityCodeHash(request.pan, request.securityCode)
              .equals(account.securityCodeHash)
          : null
      const responseCode = decideAuthorization({
        pan: request.pan,
        amount: request.amount,
        currency: request.currency,
        expiryMonth: request.expiryMonth,
        expiryYear: request.expiryYear,
        entryMode: request.entryMode,
        securityCodeMatches,
        now,
        account,
        recentAttempts: account ? authorizations.countAttemptsSince(account.id, windowStart) : 0,
        approvedToday: account
          ? authorizations.approvedAmountSince(account.id, startOfUtcDay(now))
          : 0,
        velocity,
      })
      const approved = responseCode === '00'
      const authorizationCode = approved ? makeAuthorizationCode(randomInt) : undefined
      const authorizationId = authorizations.insert({
        accountId: account?.id ?? null,
        merchantId: request.merchantId,
        terminalId: request.terminalId,
        traceNumber: request.traceNumber,
        merchantName: request.merchantName,
        merchantCategoryCode: request.merchantCategoryCode,
        entryMode: request.entryMode,
        amount: request.amount,
        currency: request.currency,
        responseCode,
        authorizationCode: authorizationCode ?? null,
        state: approved ? 'held' : 'declined',
        receivedAt: at,
      })
      if (approved && account) ledger.placeHold(account.id, authorizationId, request.amount, at)
      const response = this.respond(request, responseCode, authorizationCode)
      if (request.idempotencyKey && requestHash && !TRANSIENT.has(responseCode)) {
        const record = { requestHash, authorizationId, responseJson: JSON.stringify(response) }
        idempotency.insert(request.merchantId, request.idempotencyKey, record, at)
      }
      return { kind: 'answer', response }
    })()
  }
}
