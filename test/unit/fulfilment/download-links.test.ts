import { create } from 'qrcode'
import { describe, expect, it } from 'vitest'
import { DownloadLinks, normalizeDownloadCode } from '../../../src/main/fulfilment/download-links'
import type { DownloadLinkRecord, NewDownloadLink } from '../../../src/main/fulfilment/download-link-repository'
import { downloadPage } from '../../../src/main/fulfilment/download-pages'
import { downloadServerSettings } from '../../../src/main/fulfilment/download-server'
import { qrCodeDataUrl } from '../../../src/main/documents/qr-code'

/** The table's rules in memory: a claim counts one download while the link is open. */
function memoryLinks() {
  const rows: (NewDownloadLink & { id: number; downloads: number })[] = []
  const record = (row: (typeof rows)[number]): DownloadLinkRecord => ({
    id: row.id,
    orderId: row.orderId,
    productId: row.productId,
    fileName: row.fileName,
    expiresAt: row.expiresAt,
    maxDownloads: row.maxDownloads,
    downloads: row.downloads,
  })
  return {
    rows,
    add: (link: NewDownloadLink) => void rows.push({ ...link, id: rows.length + 1, downloads: 0 }),
    findByTokenHash: (hash: string) => rows.map((row) => (row.tokenHash === hash ? record(row) : null)).find(Boolean) ?? null,
    findByCodeHash: (hash: string) => rows.map((row) => (row.codeHash === hash ? record(row) : null)).find(Boolean) ?? null,
    claim: (id: number, at: string) => {
      const row = rows.find((candidate) => candidate.id === id)
      if (!row || row.expiresAt <= at || row.downloads >= row.maxDownloads) return null
      row.downloads++
      return record(row)
    },
  }
}

describe('download links printed on the approval', () => {
  const soldAt = new Date('2026-12-07T10:00:00Z')

  it('a link opens its file by token or by code, five times within seven days, and is kept only as hashes', () => {
    let now = soldAt
    const table = memoryLinks()
    const links = new DownloadLinks(table, () => now)
    const issued = links.issue({ orderId: 7, productId: 3, fileName: 'livre.epub' }, soldAt)
    expect(issued.token).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(issued.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
    expect(issued.expiresAt.toISOString()).toBe('2026-12-14T10:00:00.000Z')
    expect(JSON.stringify(table.rows)).not.toContain(issued.token)
    expect(JSON.stringify(table.rows)).not.toContain(issued.code.replace(/-/g, ''))

    expect(links.openByToken(issued.token)).toMatchObject({ kind: 'file', link: { fileName: 'livre.epub', downloads: 1 } })
    expect(links.openByCode(` ${issued.code.toLowerCase()} `)).toMatchObject({ kind: 'file', link: { downloads: 2 } })
    expect(links.openByToken(`${issued.token.slice(0, -1)}${issued.token.endsWith('A') ? 'B' : 'A'}`)).toEqual({ kind: 'unknown' })
    expect(links.openByToken('short')).toEqual({ kind: 'unknown' })
    for (let count = 3; count <= 5; count++) expect(links.openByToken(issued.token).kind).toBe('file')
    expect(links.openByToken(issued.token).kind).toBe('used-up')

    const other = links.issue({ orderId: 8, productId: 3, fileName: 'livre.epub' }, soldAt)
    now = new Date('2026-12-14T10:00:00Z')
    expect(links.openByCode(other.code).kind).toBe('expired')
  })

  it('a typed code forgives case, dashes, spaces and the letters I, L and O', () => {
    expect(normalizeDownloadCode('k7p2-9xqm 4htr')).toBe('K7P29XQM4HTR')
    expect(normalizeDownloadCode('IL0O')).toBe('1100')
  })

  it('the QR code is an SVG of the code’s own modules, finder pattern in the corner', () => {
    const text = 'http://192.168.1.20:8470/d/YTUVPzIKybMfqOV4KofaJA'
    const svg = Buffer.from(qrCodeDataUrl(text).replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8')
    const { modules } = create(text, { errorCorrectionLevel: 'M' })
    const dark = modules.data.reduce((sum, bit) => sum + bit, 0)
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark)
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`)
    // The top-left finder pattern: a dark 7x7 ring starting after the 4-module quiet zone.
    for (let offset = 0; offset < 7; offset++) {
      expect(svg).toContain(`M${4 + offset} 4h1v1h-1z`)
      expect(svg).toContain(`M4 ${4 + offset}h1v1h-1z`)
    }
  })

  it('the download pages say why in French and English and echo nothing typed', () => {
    expect(downloadPage('expired')).toContain('Ce lien de téléchargement a expiré.')
    expect(downloadPage('expired')).toContain('This download link has expired.')
    expect(downloadPage('form')).toContain('<form method="get" action="/d">')
  })
})

describe('where the customers’ download server listens', () => {
  it('by default on the shop’s network at a fixed port; loopback, another port or a printed address on request', () => {
    expect(downloadServerSettings({})).toEqual({ host: '0.0.0.0', port: 8470 })
    expect(downloadServerSettings({ host: '127.0.0.1', port: '0', url: 'http://caisse.local:8470' })).toEqual({
      host: '127.0.0.1',
      port: 0,
      publicUrl: 'http://caisse.local:8470',
    })
    expect(() => downloadServerSettings({ port: '70000' })).toThrow(/--downloads-port/)
    expect(() => downloadServerSettings({ url: 'caisse.local/d' })).toThrow(/--downloads-url/)
  })
})
