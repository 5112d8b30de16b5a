/** The vault's data key: 32 random bytes, and a short id stored next to each ciphertext. */
export interface DataKey {
  id: string
  key: Buffer
}

/** Whether the data key sits behind a real operating-system secret store. */
export interface KeyProtection {
  kind: 'key-file' | 'os-secret-store'
  /** False for a plain key file, and for safeStorage on Linux without a secret service. */
  osBacked: boolean
  /** e.g. `gnome_libsecret`, `basic_text`, `keychain`, `dpapi`, `file`. */
  backend: string
}

/**
 * Where the card vault gets its data key. The key never lives in the database: a key file
 * (browser mode, tests) or a key wrapped by Electron's safeStorage (the desktop app).
 */
export interface KeyProvider {
  loadDataKey(): Promise<DataKey>
  describeProtection(): Promise<KeyProtection>
}
