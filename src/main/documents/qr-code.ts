import { create } from 'qrcode'

/** Modules of white around the code, as scanners expect. */
const QUIET_ZONE = 4

/**
 * A QR code of `text` as an SVG data URL, for an `<img>` of a stored document (whose own policy
 * allows `img-src data:`): one path of dark squares, crisp at any print size, made synchronously
 * in main so the approval is rendered in the transaction that records the sale.
 */
export function qrCodeDataUrl(text: string): string {
  const { modules } = create(text, { errorCorrectionLevel: 'M' })
  const size = modules.size
  let path = ''
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      if (modules.get(row, column)) path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`
    }
  }
  const side = size + 2 * QUIET_ZONE
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
}
