import { inflateSync } from 'node:zlib'

/**
 * The text a PDF shows, for the tests: each content stream inflated, each `TJ`/`Tj` string taken
 * (hex strings of WinAnsi codes, as the standard fonts write them), a line break per text object.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1')
  const pieces: string[] = []
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g
  for (let match = streams.exec(source); match; match = streams.exec(source)) {
    let content: string
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1')
    } catch {
      content = match[1]!
    }
    for (const block of content.split(/\bET\b/)) {
      const strings = [...block.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, 'hex').toString('latin1'))
      if (strings.length > 0) pieces.push(strings.join(''))
    }
  }
  return pieces.join('\n').replace(/\u0080/g, '€').replace(/[\u00a0]/g, ' ')
}
