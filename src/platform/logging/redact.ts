/**
 * Card numbers (13 to 19 digits, possibly grouped by spaces or dashes) and anything labelled as a
 * security code are removed from every log line, whatever the caller passed (PCI DSS 3.3, 3.5).
 */
const CARD_NUMBER = /\b(?:\d[ -]?){12,18}\d\b/g
const SECURITY_CODE_FIELD = /("?(?:cvc|cvv|cvv2|securityCode|security_code)"?\s*[:=]\s*)"?[^",}\s]*"?/gi

export function redactSecrets(text: string): string {
  return text.replace(SECURITY_CODE_FIELD, '$1"[redacted]"').replace(CARD_NUMBER, '[card number redacted]')
}
