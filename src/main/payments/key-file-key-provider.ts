import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DataKey, KeyProtection, KeyProvider } from './key-provider'

export function dataKeyId(key: Buffer): string {
  return createHash('sha256').update('comptoir-vault-key-id').update(key).digest('hex').slice(0, 16)
}

/**
 * Reads a secret from `file`, creating it with `create()` on first use; the file is readable by
 * its owner only (mode 0600), whatever the umask.
 */
export function readOrCreateSecretFile(file: string, create: () => string): string {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
    try {
      writeFileSync(file, create(), { mode: 0o600, flag: 'wx' })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  chmodSync(file, 0o600)
  return readFileSync(file, 'utf8').trim()
}

/**
 * The data key in a plain key file outside the database (browser mode and tests). Protected by
 * file permissions only: the settings screen says so.
 */
export class KeyFileKeyProvider implements KeyProvider {
  constructor(private readonly file: string) {}

  async loadDataKey(): Promise<DataKey> {
    return this.loadDataKeySync()
  }

  /** The same key, read at once: a key file needs no waiting (the composition root's PIN pepper). */
  loadDataKeySync(): DataKey {
    const key = Buffer.from(
      readOrCreateSecretFile(this.file, () => randomBytes(32).toString('base64')),
      'base64',
    )
    if (key.length !== 32) throw new Error(`The key file ${this.file} does not hold a 32-byte key`)
    return { id: dataKeyId(key), key }
  }

  async describeProtection(): Promise<KeyProtection> {
    return { kind: 'key-file', osBacked: false, backend: 'file' }
  }
}
