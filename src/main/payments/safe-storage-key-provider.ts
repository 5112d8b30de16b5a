import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { SafeStorage } from 'electron'
import { dataKeyId } from './key-file-key-provider'
import type { DataKey, KeyProtection, KeyProvider } from './key-provider'

/** The part of Electron's safeStorage this provider uses (asynchronous API only, Electron 45+). */
export type SafeStorageApi = Pick<
  SafeStorage,
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'isAsyncEncryptionAvailable'
  | 'getSelectedStorageBackend'
>

/**
 * The vault's data key wrapped by the operating system's secret store through safeStorage
 * (Keychain, DPAPI, libsecret/kwallet); only the wrapped key is on disk. safeStorage is passed in,
 * so this module never loads Electron itself.
 */
export class SafeStorageKeyProvider implements KeyProvider {
  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly wrappedKeyFile: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  private async wrapAndStore(keyBase64: string): Promise<void> {
    mkdirSync(dirname(this.wrappedKeyFile), { recursive: true, mode: 0o700 })
    writeFileSync(this.wrappedKeyFile, await this.safeStorage.encryptStringAsync(keyBase64), {
      mode: 0o600,
    })
  }

  async loadDataKey(): Promise<DataKey> {
    if (!(await this.safeStorage.isAsyncEncryptionAvailable())) {
      throw new Error('The operating system secret store is not available')
    }
    if (!existsSync(this.wrappedKeyFile))
      await this.wrapAndStore(randomBytes(32).toString('base64'))
    const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(
      readFileSync(this.wrappedKeyFile),
    )
    if (shouldReEncrypt) await this.wrapAndStore(result)
    const key = Buffer.from(result, 'base64')
    if (key.length !== 32) throw new Error('The wrapped card vault key is not a 32-byte key')
    return { id: dataKeyId(key), key }
  }

  /**
   * On Linux without a secret service, safeStorage falls back to `basic_text`, a hard-coded
   * password: the key is then effectively unprotected, and the administrator must be told.
   */
  async describeProtection(): Promise<KeyProtection> {
    if (this.platform !== 'linux') {
      return {
        kind: 'os-secret-store',
        osBacked: true,
        backend: this.platform === 'darwin' ? 'keychain' : 'dpapi',
      }
    }
    const backend = this.safeStorage.getSelectedStorageBackend()
    return {
      kind: 'os-secret-store',
      osBacked: backend !== 'basic_text' && backend !== 'unknown',
      backend,
    }
  }
}
