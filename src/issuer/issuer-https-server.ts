import { createServer, type Server } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import type { Logger } from '../platform/logging/logger'
import { MERCHANT_CLIENT_AUTH_OID, type IssuerTlsMaterial } from './issuer-certificates'
import type { IssuerSimulator } from './issuer-simulator'

export const ISSUER_PATH = '/iso8583'
const MAX_BODY_BYTES = 16 * 1024

export interface IssuerHttpsServer {
  url: string
  port: number
  close(): Promise<void>
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  })
  response.end(json)
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        resolve(null)
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

/** TLS already refused unknown clients; this also insists on a certificate made for clients. */
function isMerchantClient(request: IncomingMessage): boolean {
  const socket = request.socket as TLSSocket
  if (!socket.authorized) return false
  const usages = socket.getPeerCertificate().ext_key_usage ?? []
  return usages.includes(MERCHANT_CLIENT_AUTH_OID)
}

/**
 * Serves the issuer on 127.0.0.1 over TLS 1.3 with mutual authentication: a client without a
 * certificate from the local authority never completes the handshake. One JSON message per
 * `POST /iso8583`. A silent answer (fault injection) keeps the request open until the client
 * gives up or the server closes.
 */
export async function startIssuerHttpsServer(
  simulator: IssuerSimulator,
  tls: IssuerTlsMaterial,
  options: { port?: number; host?: string; logger?: Logger } = {},
): Promise<IssuerHttpsServer> {
  const silent = new Set<ServerResponse>()
  const server: Server = createServer(
    {
      ca: [tls.caCertificate],
      cert: tls.issuer.certificate,
      key: tls.issuer.privateKey,
      requestCert: true,
      rejectUnauthorized: true,
      minVersion: 'TLSv1.3',
      keepAliveTimeout: 30_000,
    },
    (request, response) => {
      void (async () => {
        if (!isMerchantClient(request))
          return send(response, 403, {
            error: { code: 'FORBIDDEN', message: 'Merchant certificate required' },
          })
        if (request.method !== 'POST' || request.url !== ISSUER_PATH) {
          return send(response, 404, {
            error: { code: 'NOT_FOUND', message: 'POST /iso8583 only' },
          })
        }
        const body = await readBody(request)
        let message: unknown
        try {
          message = body === null ? undefined : JSON.parse(body)
        } catch {
          message = undefined
        }
        const answer = await simulator.handle(message)
        if (answer.kind === 'answer') return send(response, 200, answer.response)
        if (answer.kind === 'rejected') {
          return send(response, answer.rejection.code === 'IDEMPOTENCY_KEY_REUSED' ? 409 : 400, {
            error: answer.rejection,
          })
        }
        silent.add(response)
        response.on('close', () => silent.delete(response))
      })().catch((error: unknown) => {
        options.logger?.error('Issuer failed to handle a message', error)
        if (!response.headersSent)
          send(response, 500, { error: { code: 'INTERNAL', message: 'Issuer error' } })
      })
    },
  )
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `https://${host}:${port}${ISSUER_PATH}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of silent) response.destroy()
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
