import { randomBytes, randomInt } from 'node:crypto'

/** Crockford's base 32 without I, L, O, U: nothing a customer can misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

function groups(count: number, size: number): string {
  const parts: string[] = []
  for (let group = 0; group < count; group++) {
    let part = ''
    for (let index = 0; index < size; index++) part += ALPHABET[randomInt(ALPHABET.length)]
    parts.push(part)
  }
  return parts.join('-')
}

export const newLicenceKey = (): string => groups(5, 5)
export const newGiftCardCode = (): string => `GC-${groups(4, 4)}`
export const newAccessCode = (): string => `ACC-${groups(3, 4)}`
/** Unguessable: the token alone lets whoever holds it download the file. */
export const newDownloadToken = (): string => randomBytes(24).toString('base64url')
