/**
 * The Luhn check digit catches every single-digit typo and most swaps of neighbours, which is why
 * both the till and the issuer run it before anything else.
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false
  let sum = 0
  let double = false
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48
    if (double) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
    double = !double
  }
  return sum % 10 === 0
}

/** Keeps the digits of what was typed: cashiers type spaces and dashes as printed on the card. */
export function digitsOnly(typed: string): string {
  return typed.replace(/\D/g, '')
}
