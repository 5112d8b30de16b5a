import { randomUUID } from 'node:crypto'
import type { CallInput, CallName, CallOutput, Result } from '@shared/contract'

/**
 * Drives browser mode the way its own page does: the per-start secret read from the served
 * page, a client id, JSON over `POST /api/<call>`.
 */
export async function connectAsPage(url: string) {
  const html = await (await fetch(url)).text()
  const secret = /name="comptoir-secret" content="([^"]+)"/.exec(html)?.[1]
  if (!secret) throw new Error('the served page carries no secret')
  const clientId = randomUUID()
  const call = async <N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallOutput<N>>> => {
    const response = await fetch(`${url}/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Comptoir-Secret': secret, 'X-Comptoir-Client': clientId },
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
