import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { redactSecrets } from './redact'

export type LogLevel = 'info' | 'warn' | 'error'

export interface Logger {
  info(message: string, details?: unknown): void
  warn(message: string, details?: unknown): void
  error(message: string, details?: unknown): void
}

function describe(details: unknown): string {
  if (details === undefined) return ''
  if (details instanceof Error) return ` ${details.name}: ${details.message}`
  try {
    return ` ${JSON.stringify(details)}`
  } catch {
    return ' [unserializable details]'
  }
}

/**
 * Writes one redacted line per event to stderr and, when given, to a log file. Stacks are kept
 * out on purpose: they can carry argument values.
 */
export function createLogger(file?: string, options: { quiet?: boolean } = {}): Logger {
  // 0700 for the log folder and any parent it creates: the logger may be the first to write.
  if (file) mkdirSync(dirname(file), { recursive: true, mode: 0o700 })
  const write = (level: LogLevel, message: string, details?: unknown): void => {
    const line = redactSecrets(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${describe(details)}`)
    if (!options.quiet) process.stderr.write(`${line}\n`)
    if (file) appendFileSync(file, `${line}\n`, { mode: 0o600 })
  }
  return {
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
  }
}
