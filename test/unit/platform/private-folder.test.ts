import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createPrivateFile, DataFolderNotPrivateError, preparePrivateFolder } from '../../../src/platform/files/private-folder'

const roots: string[] = []
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'comptoir-private-'))
  roots.push(root)
  return root
}

const mode = (path: string): number => statSync(path).mode & 0o777

describe.skipIf(process.platform === 'win32')('the data folder is private', () => {
  it('creates a missing folder and its parents 0700, whatever the umask', () => {
    const folder = join(scratch(), 'a', 'b')
    const previous = process.umask(0o022)
    try {
      preparePrivateFolder(folder)
    } finally {
      process.umask(previous)
    }
    expect(mode(folder)).toBe(0o700)
    expect(mode(join(folder, '..'))).toBe(0o700)
  })

  it('narrows a folder or file others could read to 0700 / 0600, and says which', () => {
    const folder = scratch()
    chmodSync(folder, 0o755)
    mkdirSync(join(folder, 'logs'), { mode: 0o755 })
    chmodSync(join(folder, 'logs'), 0o755)
    writeFileSync(join(folder, 'comptoir.sqlite'), 'x', { mode: 0o644 })
    chmodSync(join(folder, 'comptoir.sqlite'), 0o644)
    writeFileSync(join(folder, 'logs', 'comptoir.log'), 'x')
    chmodSync(join(folder, 'logs', 'comptoir.log'), 0o666)
    writeFileSync(join(folder, 'already-private'), 'x', { mode: 0o600 })
    const report = preparePrivateFolder(folder)
    expect(mode(folder)).toBe(0o700)
    expect(mode(join(folder, 'logs'))).toBe(0o700)
    expect(mode(join(folder, 'comptoir.sqlite'))).toBe(0o600)
    expect(mode(join(folder, 'logs', 'comptoir.log'))).toBe(0o600)
    expect(report.fixed.sort()).toEqual(
      [folder, join(folder, 'logs'), join(folder, 'comptoir.sqlite'), join(folder, 'logs', 'comptoir.log')].sort(),
    )
  })

  it('refuses, with a clear message, a readable file that belongs to another account', () => {
    const folder = scratch()
    writeFileSync(join(folder, 'comptoir.sqlite'), 'x')
    chmodSync(join(folder, 'comptoir.sqlite'), 0o644)
    chmodSync(folder, 0o700)
    const otherAccount = (process.getuid?.() ?? 0) + 1
    expect(() => preparePrivateFolder(folder, { uid: otherAccount })).toThrow(DataFolderNotPrivateError)
    expect(() => preparePrivateFolder(folder, { uid: otherAccount })).toThrow(
      /not private: .*comptoir\.sqlite belongs to another account .*chmod -R go-rwx/,
    )
  })

  it('neither follows nor changes a symbolic link inside the folder (Chromium keeps its lock so)', () => {
    const folder = scratch()
    const outside = scratch()
    chmodSync(outside, 0o755)
    symlinkSync(outside, join(folder, 'SingletonLock'))
    preparePrivateFolder(folder)
    expect(mode(outside)).toBe(0o755)
  })

  it('creates a new file 0600, and leaves an existing one as it is', () => {
    const folder = scratch()
    const previous = process.umask(0o022)
    try {
      createPrivateFile(join(folder, 'new.sqlite'))
    } finally {
      process.umask(previous)
    }
    expect(mode(join(folder, 'new.sqlite'))).toBe(0o600)
    writeFileSync(join(folder, 'old'), 'kept')
    createPrivateFile(join(folder, 'old'))
    expect(statSync(join(folder, 'old')).size).toBe(4)
  })
})
