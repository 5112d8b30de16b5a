import type { LocalizedText } from '@shared/contract/common-schemas'

/** ISO 8583 field 39 codes the simulator speaks, plus the few the protocol needs for follow-ups. */
export const RESPONSE_CODES = [
  '00',
  '05',
  '12',
  '13',
  '14',
  '25',
  '30',
  '41',
  '43',
  '51',
  '54',
  '57',
  '61',
  '62',
  '65',
  '91',
  '94',
  '96',
  'N7',
] as const

export type ResponseCode = (typeof RESPONSE_CODES)[number]

/** What the cashier should do next: the message says it in words, the UI may offer buttons. */
export type NextStep = 'none' | 'retry' | 'another-card' | 'cash' | 'call-issuer' | 'retain-card'

export interface ResponseCodeInfo {
  code: ResponseCode
  meaning: string
  approved: boolean
  nextSteps: readonly NextStep[]
  cashierMessage: LocalizedText
}

const info = (
  code: ResponseCode,
  meaning: string,
  nextSteps: readonly NextStep[],
  fr: string,
  en: string,
): ResponseCodeInfo => ({
  code,
  meaning,
  approved: code === '00',
  nextSteps,
  cashierMessage: { fr, en },
})

/**
 * Meanings and cashier-facing messages. Messages never blame the customer in words the queue can
 * hear: "lost" and "stolen" both read as a refusal asking to contact the issuer.
 */
export const RESPONSE_CODE_TABLE: Readonly<Record<ResponseCode, ResponseCodeInfo>> = {
  '00': info('00', 'approved', ['none'], 'Paiement accepté.', 'Payment approved.'),
  '05': info(
    '05',
    'do not honor',
    ['another-card', 'cash', 'call-issuer'],
    'Paiement refusé par la banque. Proposez une autre carte ou le paiement en espèces.',
    'Declined by the bank. Offer another card or cash.',
  ),
  '12': info(
    '12',
    'invalid transaction',
    ['call-issuer'],
    'Opération impossible sur cette transaction. Contactez le support.',
    'This operation is not possible on this transaction. Contact support.',
  ),
  '13': info(
    '13',
    'invalid amount',
    ['call-issuer'],
    'Montant non valide pour cette opération. Vérifiez le montant.',
    'Amount not valid for this operation. Check the amount.',
  ),
  '14': info(
    '14',
    'invalid card number',
    ['another-card', 'cash'],
    'Numéro de carte invalide. Vérifiez la saisie ou proposez une autre carte.',
    'Invalid card number. Check the entry or offer another card.',
  ),
  '25': info(
    '25',
    'unable to locate record',
    ['call-issuer'],
    'Transaction d\u2019origine introuvable. Contactez le support.',
    'Original transaction not found. Contact support.',
  ),
  '30': info(
    '30',
    'format error',
    ['retry', 'call-issuer'],
    'Erreur de format du message. Réessayez ; si cela persiste, contactez le support.',
    'Message format error. Try again; if it persists, contact support.',
  ),
  '41': info(
    '41',
    'lost card (pick up)',
    ['retain-card', 'call-issuer'],
    'Carte refusée. Ne rendez pas la carte si la procédure le demande et appelez la banque.',
    'Card refused. Keep the card if your procedure says so and call the issuer.',
  ),
  '43': info(
    '43',
    'stolen card (pick up)',
    ['retain-card', 'call-issuer'],
    'Carte refusée. Ne rendez pas la carte si la procédure le demande et appelez la banque.',
    'Card refused. Keep the card if your procedure says so and call the issuer.',
  ),
  '51': info(
    '51',
    'insufficient funds',
    ['another-card', 'cash'],
    'Provision insuffisante. Proposez une autre carte ou le paiement en espèces.',
    'Insufficient funds. Offer another card or cash.',
  ),
  '54': info(
    '54',
    'expired card',
    ['another-card', 'cash'],
    'Carte expirée ou date erronée. Vérifiez la date ou proposez une autre carte.',
    'Card expired or wrong date. Check the date or offer another card.',
  ),
  '57': info(
    '57',
    'transaction not permitted to cardholder',
    ['another-card', 'cash'],
    'Opération non autorisée pour cette carte. Proposez une autre carte ou les espèces.',
    'Not permitted for this card. Offer another card or cash.',
  ),
  '61': info(
    '61',
    'exceeds amount limit',
    ['another-card', 'cash', 'call-issuer'],
    'Plafond par achat dépassé. Proposez une autre carte, les espèces, ou que le client appelle sa banque.',
    'Over the per-purchase limit. Offer another card or cash, or the customer may call their bank.',
  ),
  '62': info(
    '62',
    'restricted card',
    ['another-card', 'cash'],
    'Carte restreinte. Proposez une autre carte ou le paiement en espèces.',
    'Restricted card. Offer another card or cash.',
  ),
  '65': info(
    '65',
    'exceeds frequency limit',
    ['another-card', 'cash', 'call-issuer'],
    'Plafond journalier ou nombre d\u2019essais dépassé. Proposez une autre carte ou les espèces.',
    'Daily limit or number of attempts exceeded. Offer another card or cash.',
  ),
  '91': info(
    '91',
    'issuer or switch inoperative',
    ['retry', 'cash'],
    'Banque injoignable. Réessayez dans un instant ou proposez les espèces.',
    'Bank unreachable. Try again in a moment or offer cash.',
  ),
  '94': info(
    '94',
    'duplicate transmission',
    ['retry'],
    'Transmission en double ignorée. Vérifiez le statut du paiement avant de réessayer.',
    'Duplicate transmission ignored. Check the payment status before trying again.',
  ),
  '96': info(
    '96',
    'system malfunction',
    ['retry', 'cash'],
    'Erreur technique de la banque. Réessayez ou proposez les espèces.',
    'Bank system error. Try again or offer cash.',
  ),
  N7: info(
    'N7',
    'CVV2 failure',
    ['retry', 'another-card'],
    'Cryptogramme visuel incorrect. Faites-le ressaisir ou proposez une autre carte.',
    'Security code incorrect. Re-enter it or offer another card.',
  ),
}

export function isResponseCode(code: string): code is ResponseCode {
  return (RESPONSE_CODES as readonly string[]).includes(code)
}

/** Unknown codes read as a generic refusal rather than breaking the till. */
export function describeResponseCode(code: string): ResponseCodeInfo {
  return isResponseCode(code)
    ? RESPONSE_CODE_TABLE[code]
    : { ...RESPONSE_CODE_TABLE['05'], meaning: `unknown code ${code}` }
}
