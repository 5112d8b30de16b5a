import type { z } from 'zod'
import { err, ok, type Result } from '@shared/contract/result'
import type { InternalErrorCode } from '@shared/contract/errors'
import {
  authorizationResponseSchema,
  captureResponseSchema,
  echoResponseSchema,
  inquiryResponseSchema,
  refundResponseSchema,
  reversalResponseSchema,
  type AuthorizationRequest,
  type AuthorizationResponse,
  type CaptureRequest,
  type CaptureResponse,
  type EchoResponse,
  type InquiryRequest,
  type InquiryResponse,
  type IssuerRequest,
  type RefundRequest,
  type RefundResponse,
  type ReversalRequest,
  type ReversalResponse,
} from '@shared/issuer-protocol/issuer-protocol'
import type { IssuerTransport } from '@shared/domain/payment'

export type { IssuerTransport } from '@shared/domain/payment'

export interface GatewayCallOptions {
  /** Aborting gives up waiting: the call answers `ISSUER_TIMEOUT`. */
  signal?: AbortSignal
}

/**
 * Error codes a gateway answers with, besides the issuer's own field 39 codes (which arrive as
 * answers, not errors): no answer in time; no connection or TLS refused (the message never
 * left); connection lost after sending (it may have arrived); an answer that does not parse; or
 * a protocol refusal from the issuer. They are the registry's internal codes: they never cross the
 * bridge.
 */
export type GatewayErrorCode = InternalErrorCode

/**
 * How the merchant side talks to the issuer, whatever the transport. The merchant never opens
 * the issuer's database; this is the only door.
 */
export interface IssuerGateway {
  readonly transport: IssuerTransport
  authorize(
    request: AuthorizationRequest,
    options?: GatewayCallOptions,
  ): Promise<Result<AuthorizationResponse, GatewayErrorCode>>
  reverse(request: ReversalRequest, options?: GatewayCallOptions): Promise<Result<ReversalResponse, GatewayErrorCode>>
  capture(request: CaptureRequest, options?: GatewayCallOptions): Promise<Result<CaptureResponse, GatewayErrorCode>>
  refund(request: RefundRequest, options?: GatewayCallOptions): Promise<Result<RefundResponse, GatewayErrorCode>>
  /** Administrative inquiry (0600): what the issuer holds, captured or released for a trace. */
  inquire(request: InquiryRequest, options?: GatewayCallOptions): Promise<Result<InquiryResponse, GatewayErrorCode>>
  /** Network management echo (0800): the cheapest round trip, used as the benchmark baseline. */
  echo(options?: GatewayCallOptions): Promise<Result<EchoResponse, GatewayErrorCode>>
  close(): Promise<void>
}

/** Sends one message and resolves with the raw answer body, or a gateway error. */
export type MessageExchange = (
  message: IssuerRequest,
  signal: AbortSignal | undefined,
) => Promise<Result<unknown, GatewayErrorCode>>

async function call<T>(
  exchange: MessageExchange,
  message: IssuerRequest,
  schema: z.ZodType<T>,
  options: GatewayCallOptions | undefined,
): Promise<Result<T, GatewayErrorCode>> {
  if (options?.signal?.aborted) return err('ISSUER_TIMEOUT', 'Gave up waiting for the issuer')
  const answer = await exchange(message, options?.signal)
  if (!answer.ok) return answer
  const parsed = schema.safeParse(answer.value)
  return parsed.success
    ? ok(parsed.data)
    : err('ISSUER_UNREADABLE_ANSWER', 'The issuer answered something unreadable')
}

/** Builds the typed gateway calls over a transport's `exchange`, so both transports parse alike. */
export function gatewayOver(
  transport: IssuerTransport,
  exchange: MessageExchange,
  close: () => Promise<void>,
): IssuerGateway {
  return {
    transport,
    authorize: (request, options) => call(exchange, request, authorizationResponseSchema, options),
    reverse: (request, options) => call(exchange, request, reversalResponseSchema, options),
    capture: (request, options) => call(exchange, request, captureResponseSchema, options),
    refund: (request, options) => call(exchange, request, refundResponseSchema, options),
    inquire: (request, options) => call(exchange, request, inquiryResponseSchema, options),
    echo: (options) => call(exchange, { messageType: '0800' }, echoResponseSchema, options),
    close,
  }
}
