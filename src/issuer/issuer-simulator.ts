import { setTimeout as sleep } from 'node:timers/promises'
import { failpoint } from '../platform/diagnostics/failpoint'
import { AuthorizationProcessor } from './authorization-processor'
import { DEFAULT_VELOCITY, type VelocitySettings } from './authorization-rules'
import type { CardHasher } from './card-hasher'
import {
  NO_FAULTS,
  drawFault,
  validateFaultSettings,
  type FaultSettings,
  type FaultableMessage,
} from './fault-injection'
import { FollowUpProcessor, followUpResponse } from './follow-up-processor'
import { availableFunds } from './issuer-account'
import type { IssuerRepositories } from './issuer-repositories'
import { issuerRequestSchema, type IssuerAnswer, type IssuerRequest } from '@shared/issuer-protocol/issuer-protocol'

export interface IssuerSimulatorOptions {
  now?: () => Date
  random?: () => number
  faults?: Partial<FaultSettings>
  velocity?: Partial<VelocitySettings>
}

const FAULTABLE: Readonly<Record<Exclude<IssuerRequest['messageType'], '0800' | '0600'>, FaultableMessage>> =
  {
    '0100': 'authorization',
    '0400': 'reversal',
    '0220': 'capture',
    '0200': 'refund',
  }

/** A card account's money as the issuer sees it, for tests and the training screens. */
export interface AccountFunds {
  balance: number
  held: number
  available: number
  /** The same figures recomputed from the journal alone. */
  fromJournal: { balance: number; held: number }
}

/**
 * The card issuer: takes one protocol message (already parsed JSON), applies the configured
 * faults, decides and answers. Both gateways (in process and HTTPS) call `handle`, so they behave
 * identically.
 */
export class IssuerSimulator {
  private faults: FaultSettings
  private velocity: VelocitySettings
  private readonly now: () => Date
  private readonly random: () => number
  private readonly authorizations: AuthorizationProcessor
  private readonly followUps: FollowUpProcessor

  constructor(
    private readonly repositories: IssuerRepositories,
    private readonly hasher: CardHasher,
    options: IssuerSimulatorOptions = {},
  ) {
    this.now = options.now ?? (() => new Date())
    this.random = options.random ?? Math.random
    this.faults = validateFaultSettings({ ...NO_FAULTS, ...options.faults })
    this.velocity = { ...DEFAULT_VELOCITY, ...options.velocity }
    this.authorizations = new AuthorizationProcessor(repositories, hasher, () => this.velocity)
    this.followUps = new FollowUpProcessor(repositories)
  }

  setFaults(faults: Partial<FaultSettings>): void {
    this.faults = validateFaultSettings({ ...NO_FAULTS, ...faults })
  }

  currentFaults(): FaultSettings {
    return this.faults
  }

  setVelocity(velocity: Partial<VelocitySettings>): void {
    this.velocity = { ...DEFAULT_VELOCITY, ...velocity }
  }

  async handle(message: unknown): Promise<IssuerAnswer> {
    const parsed = issuerRequestSchema.safeParse(message)
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')
      return {
        kind: 'rejected',
        rejection: { code: 'MALFORMED_REQUEST', message: `Malformed message: ${fields}` },
      }
    }
    const request = parsed.data
    if (request.messageType === '0800')
      return { kind: 'answer', response: { messageType: '0810', responseCode: '00' } }
    const faults = this.faults
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    // Inquiries read only: slow like the rest, never failed on purpose.
    if (request.messageType === '0600') return this.process(request)
    const fault = drawFault(faults, FAULTABLE[request.messageType], this.random)
    if (fault.kind === 'code') {
      const response =
        request.messageType === '0100'
          ? this.authorizations.answerWithoutDeciding(request, fault.code)
          : followUpResponse(request, fault.code)
      return { kind: 'answer', response }
    }
    failpoint('issuer-message-received')
    const answer = this.process(request)
    if (request.messageType === '0100') failpoint('issuer-authorization-committed')
    if (request.messageType === '0220') failpoint('issuer-capture-committed')
    return fault.kind === 'silence' ? { kind: 'silence' } : answer
  }

  /** Decides one parsed message, without faults. */
  process(request: IssuerRequest): IssuerAnswer {
    const now = this.now()
    switch (request.messageType) {
      case '0800':
        return { kind: 'answer', response: { messageType: '0810', responseCode: '00' } }
      case '0100':
        return this.authorizations.process(request, now)
      case '0400':
        return {
          kind: 'answer',
          response: followUpResponse(request, this.followUps.reverse(request, now)),
        }
      case '0220':
        return {
          kind: 'answer',
          response: followUpResponse(request, this.followUps.capture(request, now)),
        }
      case '0200':
        return {
          kind: 'answer',
          response: followUpResponse(request, this.followUps.refund(request, now)),
        }
      case '0600':
        return { kind: 'answer', response: this.followUps.inquire(request) }
    }
  }

  /** Funds of the account behind a card number, or null when the issuer does not know it. */
  fundsForCard(pan: string): AccountFunds | null {
    const account = this.repositories.accounts.findByPanHash(this.hasher.panHash(pan))
    if (!account) return null
    return {
      balance: account.balance,
      held: account.held,
      available: availableFunds(account),
      fromJournal: this.repositories.journal.derive(account.id),
    }
  }

  /** Open holds on the account behind a card number. */
  openHoldsForCard(pan: string): number {
    const account = this.repositories.accounts.findByPanHash(this.hasher.panHash(pan))
    return account ? this.repositories.authorizations.openHolds(account.id).length : 0
  }
}
