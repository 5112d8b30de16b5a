import { closeSync, openSync, readSync } from 'node:fs'
import { Unzip, UnzipInflate } from 'fflate'

/**
 * Reading a fiscal archive without holding it whole: its bytes in pieces (from memory or from a
 * file), fflate's streaming Unzip over them, and each file's pieces as lines or, for the small
 * ones, whole. Used by fiscal-archive-check.ts.
 */

/** The archive's bytes, as many times as they are read: each call gives them again from the start. */
export type ArchiveBytes = () => Iterable<Uint8Array>

const PIECE = 1 << 20

/** An archive in memory, in pieces of 1 MiB. */
export function bytesOf(zip: Uint8Array): ArchiveBytes {
  return function* () {
    for (let at = 0; at < zip.length; at += PIECE) yield zip.subarray(at, at + PIECE)
  }
}

/** An archive file read 1 MiB at a time, never whole. */
export function fileBytes(path: string): ArchiveBytes {
  return function* () {
    const fd = openSync(path, 'r')
    try {
      const buffer = new Uint8Array(PIECE)
      for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) yield buffer.slice(0, read)
    } finally {
      closeSync(fd)
    }
  }
}

export type FileReader = ((piece: Uint8Array, final: boolean) => void) | null

/** Streams the archive through fflate's Unzip; `reader` says, per file, what takes its pieces (null: skipped). */
export function unzipStreamed(bytes: ArchiveBytes, reader: (name: string) => FileReader): string[] {
  const names: string[] = []
  const unzip = new Unzip((file) => {
    names.push(file.name)
    const take = reader(file.name)
    if (!take) return
    file.ondata = (error, piece, final) => {
      if (error) throw error
      take(piece, final)
    }
    file.start()
  })
  unzip.register(UnzipInflate)
  let last: Uint8Array | null = null
  for (const piece of bytes()) {
    if (last) unzip.push(last)
    last = piece
  }
  unzip.push(last ?? new Uint8Array(0), true)
  return names
}

/** Splits UTF-8 pieces into lines (a line may span pieces); empty lines are skipped. */
export function lineReader(onLine: (line: string, number: number) => void): (piece: Uint8Array, final: boolean) => void {
  const decoder = new TextDecoder('utf-8')
  let rest = ''
  let number = 0
  return (piece, final) => {
    const lines = (rest + decoder.decode(piece, { stream: !final })).split('\n')
    rest = final ? '' : lines.pop()!
    for (const line of lines) {
      number += 1
      if (line.trim() !== '') onLine(line, number)
    }
  }
}

/** Keeps a whole (small, first-format) file. */
export function wholeReader(done: (bytes: Uint8Array) => void): (piece: Uint8Array, final: boolean) => void {
  const pieces: Uint8Array[] = []
  return (piece, final) => {
    pieces.push(piece)
    if (final) done(Buffer.concat(pieces))
  }
}
