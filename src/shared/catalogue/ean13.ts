/**
 * EAN-13 check digit: weights 1 and 3 alternate from the left over the first twelve digits; the
 * check digit brings the sum to a multiple of ten. A scanner misread usually breaks it.
 */
export function ean13CheckDigit(firstTwelveDigits: string): number {
  if (!/^\d{12}$/.test(firstTwelveDigits)) throw new RangeError('An EAN-13 body is twelve digits')
  let sum = 0
  for (let index = 0; index < 12; index++) {
    sum += Number(firstTwelveDigits[index]) * (index % 2 === 0 ? 1 : 3)
  }
  return (10 - (sum % 10)) % 10
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12])
}

/** Completes a twelve-digit body with its check digit. */
export function withEan13CheckDigit(firstTwelveDigits: string): string {
  return `${firstTwelveDigits}${ean13CheckDigit(firstTwelveDigits)}`
}
