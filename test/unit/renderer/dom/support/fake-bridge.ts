import type { AppError, CallInput, CallName, CallOutput, Result } from '@shared/contract'

type Answer<N extends CallName> = (input: CallInput<N>) => Result<CallOutput<N>> | Promise<Result<CallOutput<N>>>

/**
 * Main as the renderer's tests play it: each call answers what the test told it to, and every
 * call sent is written down. Stands in for `@renderer/bridge` through `vi.mock`.
 */
class FakeMain {
  readonly sent: Array<{ name: CallName; input: unknown }> = []
  private readonly answers = new Map<CallName, (input: unknown) => unknown>()
  private readonly errorListeners = new Set<(name: CallName, error: AppError) => void>()

  answer<N extends CallName>(name: N, answer: Answer<N>): void {
    this.answers.set(name, answer as (input: unknown) => unknown)
  }

  /** The inputs of every call of this name, in the order they were sent. */
  inputsOf<N extends CallName>(name: N): CallInput<N>[] {
    return this.sent.filter((entry) => entry.name === name).map((entry) => entry.input as CallInput<N>)
  }

  async receive(name: CallName, input: unknown): Promise<Result<unknown>> {
    this.sent.push({ name, input })
    const answer = this.answers.get(name)
    const result = (answer
      ? await answer(input)
      : { ok: false, error: { code: 'UNKNOWN_CALL', message: `No answer for ${name} in this test` } }) as Result<unknown>
    if (!result.ok) for (const listener of this.errorListeners) listener(name, result.error)
    return result
  }

  listen(listener: (name: CallName, error: AppError) => void): () => void {
    this.errorListeners.add(listener)
    return () => this.errorListeners.delete(listener)
  }

  reset(): void {
    this.sent.length = 0
    this.answers.clear()
    this.errorListeners.clear()
  }
}

export const main = new FakeMain()

export const call = ((name: CallName, input?: unknown) => main.receive(name, input ?? {})) as import('@renderer/bridge').CallFunction
export const onCallError = (listener: (name: CallName, error: AppError) => void): (() => void) => main.listen(listener)
export const transport = 'http' as const

export function refused(code: string, message = code): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } as AppError }
}

export function answered<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}
