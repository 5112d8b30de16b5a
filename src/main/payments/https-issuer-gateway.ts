import { Agent, request as httpsRequest } from 'node:https'
import { err, ok, type Result } from '@shared/contract/result'
import type { IssuerTlsMaterial } from '../../issuer'
import { gatewayOver, type GatewayErrorCode, type IssuerGateway } from './issuer-gateway'

export interface HttpsIssuerGatewayOptions {
  /** e.g. https://127.0.0.1:8583/iso8583 */
  url: string
  /** The local authority and the merchant's client identity (see `readIssuerTlsMaterial`). */
  tls: Pick<IssuerTlsMaterial, 'caCertificate' | 'merchant'>
  maxSockets?: number
}

/** Failures that prove the message never reached the issuer's application. */
function neverDelivered(error: NodeJS.ErrnoException, secured: boolean): boolean {
  const code = error.code ?? ''
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL'].includes(code))
    return true
  if (
    code.startsWith('ERR_SSL_') ||
    code.startsWith('ERR_TLS_') ||
    /CERT|SIGNATURE|ISSUER/.test(code)
  )
    return true
  return !secured
}

/**
 * The issuer over HTTPS with mutual TLS 1.3. The issuer's certificate must chain to the local
 * authority (the only trusted one; verification is never switched off) and the merchant presents
 * its client certificate. A keep-alive agent reuses TLS sessions across authorizations.
 */
export function createHttpsIssuerGateway(options: HttpsIssuerGatewayOptions): IssuerGateway {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: options.maxSockets ?? 16,
    ca: [options.tls.caCertificate],
    cert: options.tls.merchant.certificate,
    key: options.tls.merchant.privateKey,
    minVersion: 'TLSv1.3',
    rejectUnauthorized: true,
  })
  const url = new URL(options.url)

  const exchange = (message: unknown, signal: AbortSignal | undefined): Promise<Result<unknown, GatewayErrorCode>> =>
    new Promise((resolve) => {
      const body = JSON.stringify(message)
      let secured = false
      const request = httpsRequest(
        url,
        {
          method: 'POST',
          agent,
          signal,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('error', () =>
            resolve(err('ISSUER_CONNECTION_LOST', 'Connection to the issuer lost')),
          )
          response.on('end', () => {
            let parsed: unknown
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'))
            } catch {
              return resolve(
                err('ISSUER_UNREADABLE_ANSWER', 'The issuer answered something unreadable'),
              )
            }
            if (response.statusCode === 200) return resolve(ok(parsed))
            const rejection = (parsed as { error?: { code?: string; message?: string } }).error
            if (response.statusCode === 409 || response.statusCode === 400) {
              return resolve(
                err(
                  // The issuer refuses with one of its two codes; anything else reads as malformed.
                  rejection?.code === 'IDEMPOTENCY_KEY_REUSED' ? rejection.code : 'MALFORMED_REQUEST',
                  rejection?.message ?? 'Refused by the issuer',
                ),
              )
            }
            resolve(
              err('ISSUER_UNREADABLE_ANSWER', `The issuer answered HTTP ${response.statusCode}`),
            )
          })
        },
      )
      request.on('socket', (socket) => {
        // A kept-alive socket is already secured; a new one becomes so at its handshake.
        if (!socket.connecting) secured = true
        else socket.once('secureConnect', () => (secured = true))
      })
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (signal?.aborted) return resolve(err('ISSUER_TIMEOUT', 'Gave up waiting for the issuer'))
        if (neverDelivered(error, secured))
          return resolve(
            err('ISSUER_UNREACHABLE', `Issuer unreachable (${error.code ?? error.message})`),
          )
        resolve(
          err(
            'ISSUER_CONNECTION_LOST',
            `Connection to the issuer lost (${error.code ?? error.message})`,
          ),
        )
      })
      request.end(body)
    })

  return gatewayOver('https', exchange, async () => agent.destroy())
}
