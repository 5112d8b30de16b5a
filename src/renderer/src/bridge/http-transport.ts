import type { AppError, CallName, ErrorCode, Result } from '@shared/contract'

export interface HttpTransportOptions {
  /** Injected for tests; the page's own `fetch` otherwise. */
  fetch: typeof fetch
  /** Identifies this page load to the server, which keeps one session per client. */
  clientId: string
  /** Prefix of the API; the server serves the page and the API from the same origin. */
  baseUrl?: string
}

function failure(code: ErrorCode, message: string, details?: unknown): { ok: false; error: AppError } {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}

function isResult(body: unknown): body is Result<unknown> {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false
  if (body.ok === true) return 'value' in body
  if (body.ok !== false || !('error' in body)) return false
  const error = body.error
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error
}

/**
 * Browser mode: every call is `POST /api/<name>` on the server that served the page. The server
 * answers a Result body whatever the HTTP status (403 and 400 included), so the status is only
 * used when the body is not one.
 */
export function createHttpTransport(options: HttpTransportOptions) {
  const baseUrl = options.baseUrl ?? '/api/'
  return async function send(name: CallName, input: unknown): Promise<Result<unknown>> {
    let response: Response
    try {
      response = await options.fetch(baseUrl + name, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Comptoir-Client': options.clientId,
        },
        body: JSON.stringify(input ?? {}),
        // The session cookie the launch token was traded for (HttpOnly: the page never sees it).
        credentials: 'same-origin',
        cache: 'no-store',
      })
    } catch (error) {
      return failure('NETWORK', error instanceof Error ? error.message : 'The till server cannot be reached')
    }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return failure('NETWORK', `The till server answered HTTP ${response.status} without a result`)
    }
    if (!isResult(body)) {
      return failure('NETWORK', `The till server answered HTTP ${response.status} without a result`)
    }
    return body
  }
}
