import { z } from 'zod'
import { RESPONSE_CODES } from '@shared/cards/response-codes'
import { AUTHORIZATION_STATES, CARD_BRANDS, CARD_ENTRY_MODES } from '@shared/domain/payment'

/**
 * The wire protocol between the merchant's payment software and the issuer: ISO 8583 message
 * types and field meanings, carried as JSON and validated with zod on both ends. One message
 * per HTTPS request (`POST /iso8583`), or one function call in process.
 *
 * - 0100/0110 authorization (places a hold)
 * - 0400/0410 reversal (releases the hold of an authorization, acknowledged even when the issuer
 *   never saw the original, so a timeout reversal can always complete)
 * - 0220/0230 completion advice, i.e. capture (turns the hold into balance)
 * - 0200/0210 with processing code 200000: refund of a captured amount
 * - 0600/0610 administrative inquiry: the state of an earlier authorization (held, captured and
 *   refunded amounts, released), so the merchant can reconcile its ledger with the issuer's
 * - 0800/0810 network management echo (the benchmarks' empty call)
 *
 * Reversal, capture and refund are idempotent on their own trace number (the merchant's step
 * key) together with the original's: the same message sent again gets the same answer.
 */
const digits = (min: number, max: number) => z.string().regex(new RegExp(`^\\d{${min},${max}}$`))
const amount = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const responseCodeSchema = z.enum(RESPONSE_CODES)

const routing = {
  merchantId: z.string().min(1).max(15),
  terminalId: z.string().min(1).max(8),
  traceNumber: digits(6, 6),
  transmissionTime: z.iso.datetime(),
}

export const authorizationRequestSchema = z.object({
  messageType: z.literal('0100'),
  ...routing,
  merchantName: z.string().min(1).max(40),
  merchantCity: z.string().min(1).max(13),
  merchantCountry: z.string().regex(/^[A-Z]{2}$/),
  merchantCategoryCode: digits(4, 4),
  amount,
  currency: z.string().regex(/^[A-Z]{3}$/),
  /** Anything up to 19 characters: a malformed number is a decision (14), not a protocol error. */
  pan: z.string().min(1).max(19),
  expiryMonth: z.number().int().min(1).max(12),
  expiryYear: z.number().int().min(2000).max(2099),
  securityCode: z.string().max(4).optional(),
  entryMode: z.enum(CARD_ENTRY_MODES),
  brand: z.enum(CARD_BRANDS),
  idempotencyKey: z.string().min(8).max(64).optional(),
})
export type AuthorizationRequest = z.infer<typeof authorizationRequestSchema>

export const authorizationResponseSchema = z.object({
  messageType: z.literal('0110'),
  merchantId: z.string(),
  terminalId: z.string(),
  traceNumber: z.string(),
  responseCode: responseCodeSchema,
  authorizationCode: z
    .string()
    .regex(/^[A-Z0-9]{6}$/)
    .optional(),
  amount,
  currency: z.string(),
  /** True when this is the stored first answer for the idempotency key, sent again. */
  replayed: z.boolean(),
})
export type AuthorizationResponse = z.infer<typeof authorizationResponseSchema>

const followUp = {
  ...routing,
  originalTraceNumber: digits(6, 6),
  amount,
}

export const reversalRequestSchema = z.object({ messageType: z.literal('0400'), ...followUp })
export type ReversalRequest = z.infer<typeof reversalRequestSchema>

export const captureRequestSchema = z.object({ messageType: z.literal('0220'), ...followUp })
export type CaptureRequest = z.infer<typeof captureRequestSchema>

export const refundRequestSchema = z.object({
  messageType: z.literal('0200'),
  processingCode: z.literal('200000'),
  ...followUp,
})
export type RefundRequest = z.infer<typeof refundRequestSchema>

const followUpResponse = (messageType: '0410' | '0230' | '0210') =>
  z.object({
    messageType: z.literal(messageType),
    merchantId: z.string(),
    terminalId: z.string(),
    traceNumber: z.string(),
    originalTraceNumber: z.string(),
    responseCode: responseCodeSchema,
    amount,
  })

export const reversalResponseSchema = followUpResponse('0410')
export type ReversalResponse = z.infer<typeof reversalResponseSchema>
export const captureResponseSchema = followUpResponse('0230')
export type CaptureResponse = z.infer<typeof captureResponseSchema>
export const refundResponseSchema = followUpResponse('0210')
export type RefundResponse = z.infer<typeof refundResponseSchema>

export const inquiryRequestSchema = z.object({
  messageType: z.literal('0600'),
  ...routing,
  originalTraceNumber: digits(6, 6),
})
export type InquiryRequest = z.infer<typeof inquiryRequestSchema>

/**
 * `held`: the hold is on the account; `captured`: turned into balance (`capturedAmount`, less
 * `refundedAmount` credited back); `released`: reversed, or a reversal came first so it never
 * held; `declined`; `unknown`: the issuer never saw that trace number (code 25).
 */
export const authorizationStateSchema = z.enum(AUTHORIZATION_STATES)
export type AuthorizationStateAnswer = z.infer<typeof authorizationStateSchema>

const nonNegativeAmount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
export const inquiryResponseSchema = z.object({
  messageType: z.literal('0610'),
  merchantId: z.string(),
  terminalId: z.string(),
  traceNumber: z.string(),
  originalTraceNumber: z.string(),
  responseCode: responseCodeSchema,
  state: authorizationStateSchema,
  /** The authorized amount (0 when unknown). */
  amount: nonNegativeAmount,
  capturedAmount: nonNegativeAmount,
  refundedAmount: nonNegativeAmount,
})
export type InquiryResponse = z.infer<typeof inquiryResponseSchema>

export const echoRequestSchema = z.object({ messageType: z.literal('0800') })
export type EchoRequest = z.infer<typeof echoRequestSchema>
export const echoResponseSchema = z.object({
  messageType: z.literal('0810'),
  responseCode: z.literal('00'),
})
export type EchoResponse = z.infer<typeof echoResponseSchema>

export const issuerRequestSchema = z.discriminatedUnion('messageType', [
  authorizationRequestSchema,
  reversalRequestSchema,
  captureRequestSchema,
  refundRequestSchema,
  inquiryRequestSchema,
  echoRequestSchema,
])
export type IssuerRequest = z.infer<typeof issuerRequestSchema>
export type IssuerResponse =
  | AuthorizationResponse
  | ReversalResponse
  | CaptureResponse
  | RefundResponse
  | InquiryResponse
  | EchoResponse

/** Protocol-level refusals: the message could not be taken at all, so no field 39 applies. */
export type IssuerRejectionCode = 'MALFORMED_REQUEST' | 'IDEMPOTENCY_KEY_REUSED'

export interface IssuerRejection {
  code: IssuerRejectionCode
  message: string
}

/** What the issuer does with one message: answer it, refuse it, or (fault injection) stay silent. */
export type IssuerAnswer =
  | { kind: 'answer'; response: IssuerResponse }
  | { kind: 'rejected'; rejection: IssuerRejection }
  | { kind: 'silence' }
