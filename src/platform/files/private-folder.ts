import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, statSync, type Stats } from 'node:fs'
import { join } from 'node:path'

/** A data folder is the owner's alone: 0700 for folders, 0600 for files (POSIX only). */
export const PRIVATE_FOLDER_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

export interface PrivateFolderReport {
  /** Paths whose mode was narrowed (they were readable or writable by others). */
  fixed: string[]
}

/** Thrown when a folder or file of the data folder cannot be made private: the app must not start. */
export class DataFolderNotPrivateError extends Error {
  constructor(readonly path: string, reason: string) {
    super(
      `The data folder is not private: ${path} ${reason}. Comptoir keeps customers, orders and PIN hashes there; ` +
        'make it belong to the account that runs Comptoir, readable by that account only (chmod -R go-rwx), then start again.',
    )
    this.name = 'DataFolderNotPrivateError'
  }
}

const checksPermissions = (platform: NodeJS.Platform): boolean => platform !== 'win32'

/**
 * Creates `folder` (0700, its missing parents too) and checks everything under it: a folder or
 * file that others may read or write is narrowed to 0700 / 0600; one that belongs to another
 * account, or that cannot be narrowed, is refused with {@link DataFolderNotPrivateError}.
 * Symbolic links inside are left alone, never followed. Called at each start before anything
 * (the logger included) writes there; the folder's 0700 also covers what is created between two
 * starts.
 */
export function preparePrivateFolder(
  folder: string,
  options: { platform?: NodeJS.Platform; uid?: number } = {},
): PrivateFolderReport {
  const platform = options.platform ?? process.platform
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  const report: PrivateFolderReport = { fixed: [] }
  if (!checksPermissions(platform)) return report
  const uid = options.uid ?? process.getuid?.() ?? -1
  const visit = (path: string): void => {
    const stats = lstatSync(path)
    // A link is neither followed nor changed (chmod would change its target, wherever it points);
    // Chromium keeps its single-instance lock as links in Electron's user data folder.
    if (stats.isSymbolicLink()) return
    makePrivate(path, stats, uid, report)
    if (stats.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  // The data folder itself may be reached through a link (a moved profile); what it holds may not.
  makePrivate(folder, statSync(folder), uid, report)
  for (const name of readdirSync(folder)) visit(join(folder, name))
  return report
}

function makePrivate(path: string, stats: Stats, uid: number, report: PrivateFolderReport): void {
  const wanted = stats.isDirectory() ? PRIVATE_FOLDER_MODE : PRIVATE_FILE_MODE
  if ((stats.mode & 0o077) === 0) return
  if (uid >= 0 && stats.uid !== uid) throw new DataFolderNotPrivateError(path, `belongs to another account (uid ${stats.uid})`)
  try {
    chmodSync(path, (stats.mode & 0o700) | (wanted & 0o700))
  } catch (error) {
    throw new DataFolderNotPrivateError(path, `is readable by others and could not be changed (${(error as Error).message})`)
  }
  report.fixed.push(path)
}

/**
 * Creates `file` empty with mode 0600 when it does not exist, so that what is then written to it
 * (SQLite keeps a database's mode for its -wal and -shm files) is never readable by others.
 */
export function createPrivateFile(file: string): void {
  try {
    closeSync(openSync(file, 'wx', PRIVATE_FILE_MODE))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}
