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
 * Meanings and cashier-facing messages. The till shows a message under its own title ("Paiement
 * refusé") and the code's meaning ("Motif : provision insuffisante"), and the card-retention
 * advice on its own line, so a message says only what to do next and repeats none of them.
 * Messages never blame the customer in words the queue can hear: "lost" and "stolen" both ask to
 * call the issuer.
 */
export const RESPONSE_CODE_TABLE: Readonly<Record<ResponseCode, ResponseCodeInfo>> = {
  '00': info('00', 'approved', ['none'], 'Paiement accepté.', 'Payment approved.'),
  '05': info(
    '05',
    'do not honor',
    ['another-card', 'cash', 'call-issuer'],
    'Proposez une autre carte ou le paiement en espèces.',
    'Offer another card or cash.',
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
    'Vérifiez le numéro saisi ou proposez une autre carte.',
    'Check the number typed or offer another card.',
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
    'Appelez le centre d\u2019autorisation de la banque avant de finir la vente.',
    'Call the bank\u2019s authorization centre before going on with the sale.',
  ),
  '43': info(
    '43',
    'stolen card (pick up)',
    ['retain-card', 'call-issuer'],
    'Appelez le centre d\u2019autorisation de la banque avant de finir la vente.',
    'Call the bank\u2019s authorization centre before going on with the sale.',
  ),
  '51': info(
    '51',
    'insufficient funds',
    ['another-card', 'cash'],
    'Proposez une autre carte ou le paiement en espèces.',
    'Offer another card or cash.',
  ),
  '54': info(
    '54',
    'expired card',
    ['another-card', 'cash'],
    'Vérifiez la date saisie ou proposez une autre carte.',
    'Check the date typed or offer another card.',
  ),
  '57': info(
    '57',
    'transaction not permitted to cardholder',
    ['another-card', 'cash'],
    'Proposez une autre carte ou le paiement en espèces.',
    'Offer another card or cash.',
  ),
  '61': info(
    '61',
    'exceeds amount limit',
    ['another-card', 'cash', 'call-issuer'],
    'Proposez une autre carte ou les espèces ; le client peut aussi appeler sa banque.',
    'Offer another card or cash; the customer may also call their bank.',
  ),
  '62': info(
    '62',
    'restricted card',
    ['another-card', 'cash'],
    'Proposez une autre carte ou le paiement en espèces.',
    'Offer another card or cash.',
  ),
  '65': info(
    '65',
    'exceeds frequency limit',
    ['another-card', 'cash', 'call-issuer'],
    'Plafond du jour ou nombre d\u2019essais atteint : proposez une autre carte ou les espèces.',
    'Daily limit or number of tries reached: offer another card or cash.',
  ),
  '91': info(
    '91',
    'issuer or switch inoperative',
    ['retry', 'cash'],
    'Réessayez dans un instant ou proposez les espèces.',
    'Try again in a moment or offer cash.',
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
    'Réessayez ou proposez les espèces.',
    'Try again or offer cash.',
  ),
  N7: info(
    'N7',
    'CVV2 failure',
    ['retry', 'another-card'],
    'Faites ressaisir le cryptogramme ou proposez une autre carte.',
    'Have the security code typed again or offer another card.',
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
