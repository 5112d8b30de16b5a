import { newAccessCode, newDownloadToken, newGiftCardCode, newLicenceKey } from './entitlement-codes'

export type DigitalDelivery = 'download' | 'licence_key' | 'gift_card' | 'subscription'

/** One right given to the buyer of a digital good: a download link or a code. */
export interface NewEntitlement {
  orderId: number
  productId: number
  kind: DigitalDelivery
  code: string | null
  downloadToken: string | null
  fileName: string | null
}

export interface DigitalLine {
  productId: number
  quantity: number
  delivery: DigitalDelivery | null
  downloadFile: string | null
}

/**
 * What an order's digital goods give the customer at once: one download link per e-book line,
 * and one code per unit for licences, gift cards and subscriptions.
 */
export function entitlementsFor(orderId: number, lines: readonly DigitalLine[]): NewEntitlement[] {
  const issued: NewEntitlement[] = []
  for (const line of lines) {
    const base = { orderId, productId: line.productId }
    switch (line.delivery) {
      case 'download':
        issued.push({ ...base, kind: 'download', code: null, downloadToken: newDownloadToken(), fileName: line.downloadFile })
        break
      case 'licence_key':
      case 'gift_card':
      case 'subscription':
        for (let unit = 0; unit < line.quantity; unit++) {
          const code =
            line.delivery === 'licence_key' ? newLicenceKey() : line.delivery === 'gift_card' ? newGiftCardCode() : newAccessCode()
          issued.push({ ...base, kind: line.delivery, code, downloadToken: null, fileName: null })
        }
        break
      default:
        break
    }
  }
  return issued
}
