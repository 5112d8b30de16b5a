import { randomUUID } from 'node:crypto'
import type { CallInput, CallName, CallOutput, Result } from '@shared/contract'
import { freshLaunchUrl } from './browser-mode-process'

/**
 * Drives browser mode the way its own page does: a fresh launch address traded for the session
 * cookie, a client id, JSON over `POST /api/<call>`.
 */
export async function connectAsPage(url: string) {
  const opened = await fetch(await freshLaunchUrl(url), { redirect: 'manual' })
  const cookie = opened.headers.getSetCookie()[0]?.split(';')[0]
  if (opened.status !== 303 || !cookie) throw new Error(`the launch address gave no session (HTTP ${opened.status})`)
  const clientId = randomUUID()
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> => {
    const response = await fetch(`${url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-Comptoir-Client': clientId },
      body: JSON.stringify(input),
    })
    return (await response.json()) as Result<CallOutput<N>>
  }
  const value = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> => {
    const result = await call(name, input)
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`)
    return result.value
  }
  const loginAs = async (namePrefix: string, pin: string) => {
    const users = await value('auth.listUsers', {})
    const user = users.find((candidate) => candidate.displayName.startsWith(namePrefix))!
    await value('auth.login', { userId: user.id, pin })
  }
  return { call, value, loginAs }
}
