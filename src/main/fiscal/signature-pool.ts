import { Worker } from 'node:worker_threads'

/**
 * The worker's whole code, plain JavaScript evaluated as is: it needs no loader (it runs the same
 * under tsx, in the built app and in a bare `node`), and only node:crypto, the till's public key
 * and the batches it is sent.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createPublicKey, verify } = require('node:crypto')
const key = createPublicKey(workerData.publicKeyPem)
parentPort.on('message', ({ id, contents, signatures }) => {
  const bad = []
  for (let index = 0; index < contents.length; index++) {
    let holds = false
    try {
      holds = verify(null, Buffer.from(contents[index], 'utf8'), key, Buffer.from(signatures[index], 'base64'))
    } catch {
      holds = false
    }
    if (!holds) bad.push(index)
  }
  parentPort.postMessage({ id, bad })
})
`

interface Waiting {
  resolve: (bad: number[]) => void
  reject: (error: Error) => void
}

/**
 * Ed25519 verification on worker threads, batch by batch: the chain check hands each batch of
 * signed contents to the least busy worker and goes on with the links and totals in order, then
 * awaits which indexes of a batch do not verify. Verifying is what a full check spends its time on;
 * the order of the chain stays the main thread's.
 */
export class SignaturePool {
  private readonly workers: Array<{ worker: Worker; busy: number }>
  private readonly waiting = new Map<number, Waiting>()
  private nextId = 1

  constructor(publicKeyPem: string, size: number) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { publicKeyPem } })
      const entry = { worker, busy: 0 }
      worker.on('message', ({ id, bad }: { id: number; bad: number[] }) => {
        entry.busy -= 1
        this.waiting.get(id)?.resolve(bad)
        this.waiting.delete(id)
      })
      worker.on('error', (error) => {
        for (const waiting of this.waiting.values()) waiting.reject(error)
        this.waiting.clear()
      })
      return entry
    })
  }

  get size(): number {
    return this.workers.length
  }

  /** The indexes, within the batch, of the signatures that do not verify their content. */
  verify(contents: string[], signatures: string[]): Promise<number[]> {
    const id = this.nextId++
    const entry = this.workers.reduce((least, candidate) => (candidate.busy < least.busy ? candidate : least))
    entry.busy += 1
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject })
      entry.worker.postMessage({ id, contents, signatures })
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()))
  }
}
