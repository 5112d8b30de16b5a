/**
 * Every error code of the app, once, with what the cashier or administrator reads in French and
 * in English. A call lists the codes it may answer (`errors` in its definition) besides the
 * common ones; the router treats any other code as a breach of the contract.
 *
 * - `common`: any call may answer it (the router, the transports, the bridge client);
 * - `call`: only the calls that list it;
 * - `client`: made by the renderer for its own flows (an export stopped or failed); main never
 *   answers it;
 * - `internal`: between the payment software and the issuer; never crosses the bridge.
 *
 * `fields`: the details may name the fields at fault (`details.fields` or `details.field`, or zod
 * issues with their `path` for a request the contract refuses), so a form can point at them.
 *
 * The messages are the general sentence for the code; a screen may say more where it knows the
 * context (a decline's meaning and next steps, the minimum basket of a promotion code).
 */
export type ErrorScope = 'common' | 'call' | 'client' | 'internal'

export interface ErrorDefinition {
  readonly scope: ErrorScope
  readonly fields: boolean
  readonly fr: string
  readonly en: string
}

const DEFINITIONS = {
  // ---- Common: any call ------------------------------------------------------------------------
  VALIDATION_FAILED: {
    scope: 'common',
    fields: true,
    fr: 'Cette valeur n’est pas acceptée.',
    en: 'This value is not accepted.',
  },
  UNAUTHENTICATED: {
    scope: 'common',
    fields: false,
    fr: 'Votre session a expiré. Reconnectez-vous.',
    en: 'Your session has expired. Log in again.',
  },
  FORBIDDEN: {
    scope: 'common',
    fields: false,
    fr: 'Cette action est réservée aux administrateurs.',
    en: 'Only administrators may do this.',
  },
  INTERNAL: {
    scope: 'common',
    fields: false,
    fr: 'Un incident est survenu ; l’action n’a pas été faite. Réessayez.',
    en: 'Something went wrong; nothing was done. Try again.',
  },
  FISCAL_PERIOD_CLOSED: {
    // Common: any call that writes a fiscal record (a sale, a refund, a cash movement, a reprint) may meet a closed day.
    scope: 'common',
    fields: false,
    fr: 'Cette journée est déjà clôturée (clôture Z) : elle ne reçoit plus d’enregistrement, rien n’a été fait. Vérifiez la date et l’heure de la caisse.',
    en: 'This day is already closed (Z closing): it takes no more records, nothing was done. Check the till’s date and time.',
  },
  UNKNOWN_CALL: {
    scope: 'common',
    fields: false,
    fr: 'Cette demande n’existe pas dans cette version de la caisse. Rechargez l’écran.',
    en: 'This version of the till does not know this request. Reload the screen.',
  },
  REQUEST_TOO_LARGE: {
    scope: 'common',
    fields: false,
    fr: 'La demande est trop volumineuse pour la caisse.',
    en: 'The request is too large for the till.',
  },
  /** Made by the renderer's bridge client when the till server cannot be reached. */
  NETWORK: {
    scope: 'common',
    fields: false,
    fr: 'Le serveur de la caisse ne répond pas. Réessayez.',
    en: 'The till server does not answer. Try again.',
  },

  // ---- Staff --------------------------------------------------------------------------------------
  INVALID_CREDENTIALS: {
    scope: 'call',
    fields: false,
    fr: 'Code PIN incorrect. Réessayez.',
    en: 'Wrong PIN. Try again.',
  },
  TOO_MANY_ATTEMPTS: {
    scope: 'call',
    fields: false,
    fr: 'Trop de codes PIN erronés. Patientez un instant avant de réessayer.',
    en: 'Too many wrong PINs. Wait a moment before trying again.',
  },
  LAST_ADMINISTRATOR: {
    scope: 'call',
    fields: false,
    fr: 'Refusé : la boutique doit garder au moins un administrateur actif. Nommez d’abord un autre administrateur.',
    en: 'Refused: the shop must keep at least one active administrator. Make someone else an administrator first.',
  },
  USER_NAME_TAKEN: {
    scope: 'call',
    fields: false,
    fr: 'Un membre actif porte déjà ce nom : choisissez-en un autre pour que la connexion reste claire.',
    en: 'An active member already has this name: choose another so the login screen stays clear.',
  },

  // ---- Anything addressed by id, or changed by two people -----------------------------------
  NOT_FOUND: {
    scope: 'call',
    fields: false,
    fr: 'Cet élément n’existe plus. Rechargez l’écran.',
    en: 'This item no longer exists. Reload the screen.',
  },
  CONFLICT: {
    scope: 'call',
    fields: true,
    fr: 'Quelqu’un a modifié ces données entre-temps. Réessayez.',
    en: 'Someone changed this in the meantime. Try again.',
  },
  FISCAL_PERIOD_OPEN: {
    scope: 'call',
    fields: false,
    fr: 'Cette période n’est pas encore clôturée : seules les périodes clôturées sont archivées. Faites d’abord la clôture.',
    en: 'This period is not closed yet: only closed periods are archived. Close it first.',
  },
  FISCAL_PURGE_TOO_RECENT: {
    scope: 'call',
    fields: false,
    fr: 'Ce détail a moins de six ans : la loi impose de le garder (article L102 B du livre des procédures fiscales). Rien n’a été supprimé.',
    en: 'This detail is less than six years old: the law says to keep it (LPF art. L102 B). Nothing was deleted.',
  },
  FISCAL_PURGE_NOT_ARCHIVED: {
    scope: 'call',
    fields: false,
    fr: 'Cette période n’a pas encore été archivée : faites d’abord son archive fiscale. Rien n’a été supprimé.',
    en: 'This period has not been archived yet: make its fiscal archive first. Nothing was deleted.',
  },
  FISCAL_PURGE_NOT_VERIFIED: {
    scope: 'call',
    fields: false,
    fr: 'Le journal ou l’archive de cette période ne se vérifie pas : rien n’a été supprimé. Lancez la vérification du journal fiscal.',
    en: 'The journal or this period’s archive does not verify: nothing was deleted. Run the fiscal journal’s check.',
  },
  ORDER_NOT_INVOICEABLE: {
    scope: 'call',
    fields: false,
    fr: 'Cette vente ne peut pas être facturée : elle n’est pas payée, ou elle a été annulée ou remboursée en entier.',
    en: 'This sale cannot be invoiced: it is not paid, or it was voided or refunded in full.',
  },
  INVALID_TRANSITION: {
    scope: 'call',
    fields: false,
    fr: 'Cette action n’est plus possible dans l’état actuel. Rechargez l’écran.',
    en: 'This action is no longer possible in the current state. Reload the screen.',
  },
  NOT_AVAILABLE: {
    scope: 'call',
    fields: false,
    fr: 'Cette fonction n’est pas disponible sur ce poste.',
    en: 'This feature is not available on this till.',
  },

  // ---- Till and cart ----------------------------------------------------------------------------
  UNKNOWN_BARCODE: {
    scope: 'call',
    fields: false,
    fr: 'Code-barres inconnu. Article non ajouté.',
    en: 'Unknown barcode. Nothing was added.',
  },
  INVALID_BARCODE: {
    scope: 'call',
    fields: false,
    fr: 'Code-barres mal lu. Scannez-le à nouveau.',
    en: 'Misread barcode. Scan it again.',
  },
  PRODUCT_INACTIVE: {
    scope: 'call',
    fields: false,
    fr: 'Ce produit n’est plus en vente.',
    en: 'This product is no longer on sale.',
  },
  LINE_NOT_FOUND: {
    scope: 'call',
    fields: false,
    fr: 'Cette ligne n’est plus dans le panier.',
    en: 'This line is no longer in the cart.',
  },
  APPROVAL_REQUIRED: {
    scope: 'call',
    fields: false,
    fr: 'Une remise aussi forte doit être accordée par un administrateur.',
    en: 'A discount this large must be approved by an administrator.',
  },
  DISCOUNT_LIMIT_EXCEEDED: {
    scope: 'call',
    fields: false,
    fr: 'Refusé : la remise de la ligne dépasserait la limite du caissier. Redonnez la remise (avec le code d’un administrateur) ou baissez-la d’abord.',
    en: 'Refused: the line’s discount would go beyond the cashier’s limit. Set the discount again (with an administrator’s PIN) or lower it first.',
  },

  // ---- Pricing (the engine's refusals; the cart stays as it was) ------------------------------
  QUANTITY_OUT_OF_RANGE: {
    scope: 'call',
    fields: false,
    fr: 'Cette quantité n’est pas acceptée pour une ligne.',
    en: 'This quantity is not accepted for a line.',
  },
  PRICE_OUT_OF_RANGE: {
    scope: 'call',
    fields: false,
    fr: 'Le prix de cet article est hors des limites de la caisse.',
    en: 'This item’s price is outside the till’s limits.',
  },
  VAT_RATE_OUT_OF_RANGE: {
    scope: 'call',
    fields: false,
    fr: 'Le taux de TVA de cet article est hors des limites.',
    en: 'This item’s VAT rate is outside the limits.',
  },
  VAT_RATE_UNKNOWN: {
    scope: 'call',
    fields: false,
    fr: 'Aucun taux de TVA n’est en vigueur pour cet article. Vérifiez les taux dans les réglages.',
    en: 'No VAT rate is in force for this item. Check the rates in the settings.',
  },
  WEIGHT_OUT_OF_RANGE: {
    scope: 'call',
    fields: false,
    fr: 'Le poids de cet article est hors des limites.',
    en: 'This item’s weight is outside the limits.',
  },
  AMOUNT_OUT_OF_RANGE: {
    scope: 'call',
    fields: false,
    fr: 'Ce montant dépasse les limites de la caisse.',
    en: 'This amount is beyond the till’s limits.',
  },
  DUPLICATE_LINE: {
    scope: 'call',
    fields: false,
    fr: 'Cette ligne est en double dans le panier.',
    en: 'This line appears twice in the cart.',
  },
  DISCOUNT_INVALID: {
    scope: 'call',
    fields: false,
    fr: 'Cette remise n’est pas valable.',
    en: 'This discount is not valid.',
  },
  DISCOUNT_EXCEEDS_LINE: {
    scope: 'call',
    fields: false,
    fr: 'La remise dépasse le montant de la ligne.',
    en: 'The discount is larger than the line.',
  },
  PROMOTION_INVALID: {
    scope: 'call',
    fields: false,
    fr: 'Ce code promo n’est pas valable.',
    en: 'This promotion code is not valid.',
  },
  PROMOTION_NOT_YET_VALID: {
    scope: 'call',
    fields: false,
    fr: 'Ce code promo n’est pas encore valable.',
    en: 'This promotion code is not valid yet.',
  },
  PROMOTION_EXPIRED: {
    scope: 'call',
    fields: false,
    fr: 'Ce code promo a expiré.',
    en: 'This promotion code has expired.',
  },
  PROMOTION_MIN_BASKET: {
    scope: 'call',
    fields: false,
    fr: 'Le panier n’atteint pas le minimum de ce code promo.',
    en: 'The basket is below this promotion code’s minimum.',
  },
  PROMOTION_USAGE_EXHAUSTED: {
    scope: 'call',
    fields: false,
    fr: 'Ce code promo a atteint sa limite d’utilisation.',
    en: 'This promotion code has been used up.',
  },
  DELIVERY_UNAVAILABLE: {
    scope: 'call',
    fields: false,
    fr: 'Cette livraison n’est pas possible pour ce panier (zone ou poids).',
    en: 'This delivery is not available for this cart (zone or weight).',
  },
  SETTINGS_INVALID: {
    scope: 'call',
    fields: false,
    fr: 'Les réglages de prix de la boutique ne permettent pas ce calcul. Vérifiez-les.',
    en: 'The shop’s pricing settings do not allow this calculation. Check them.',
  },

  // ---- Checkout and payment ---------------------------------------------------------------------
  CART_EMPTY: {
    scope: 'call',
    fields: false,
    fr: 'Le panier est vide : il n’y a rien à encaisser.',
    en: 'The cart is empty: there is nothing to check out.',
  },
  CART_NOT_EMPTY: {
    scope: 'call',
    fields: false,
    fr: 'Le panier en cours n’est pas vide : mettez-le en attente avant d’en reprendre un autre.',
    en: 'The current cart is not empty: park it before taking another back.',
  },
  CASH_SHORT: {
    scope: 'call',
    fields: false,
    fr: 'Le montant reçu ne couvre pas la commande.',
    en: 'The cash received does not cover the order.',
  },
  PAYMENT_IN_PROGRESS: {
    scope: 'call',
    fields: false,
    fr: 'Un paiement est déjà en cours pour cette commande. Attendez sa réponse.',
    en: 'A payment is already in progress for this order. Wait for its answer.',
  },
  TRAINING_CASH_ONLY: {
    scope: 'call',
    fields: false,
    fr: 'Mode école : seules les espèces sont simulées. Aucune carte n’est débitée en formation.',
    en: 'Training mode: only cash is simulated. No card is charged while training.',
  },
  CARD_DECLINED: {
    scope: 'call',
    fields: false,
    fr: 'Paiement refusé',
    en: 'Payment declined',
  },
  PAYMENT_UNAVAILABLE: {
    scope: 'call',
    fields: false,
    fr: 'Paiement impossible pour le moment',
    en: 'Payment not possible right now',
  },

  // ---- Cash sessions (the day of a till) ------------------------------------------------------
  CASH_SESSION_NOT_OPEN: {
    scope: 'call',
    fields: false,
    fr: 'La caisse n’est pas ouverte : ouvrez-la avec son fond de caisse avant d’encaisser ou de rembourser en espèces.',
    en: 'The till is not open: open it with its float before taking payments or paying cash back.',
  },
  CASH_SESSION_ALREADY_OPEN: {
    scope: 'call',
    fields: false,
    fr: 'La caisse est déjà ouverte : une seule session à la fois par caisse.',
    en: 'The till is already open: one session at a time per till.',
  },
  CASH_DIFFERENCE_APPROVAL_REQUIRED: {
    scope: 'call',
    fields: false,
    fr: 'Écart de caisse au-dessus du seuil : un administrateur doit le confirmer avec son code PIN.',
    en: 'Cash difference above the threshold: an administrator must confirm it with their PIN.',
  },

  // ---- Administration -------------------------------------------------------------------------------
  EFFECTIVE_DATE_IN_PAST: {
    scope: 'call',
    fields: false,
    fr: 'Un nouveau taux ne peut commencer que dans le futur.',
    en: 'A new rate can only start in the future.',
  },
  ACCOUNT_CHANGE_REFUSED: {
    scope: 'call',
    fields: true,
    fr: 'Le simulateur refuse ce changement pour ce compte.',
    en: 'The simulator refuses this change for this account.',
  },

  // ---- Client: the renderer's own outcomes -------------------------------------------------------
  CANCELLED: {
    scope: 'client',
    fields: false,
    fr: 'Action interrompue.',
    en: 'Stopped.',
  },
  EXPORT_FAILED: {
    scope: 'client',
    fields: false,
    fr: 'Le fichier d’export n’a pas pu être écrit.',
    en: 'The export file could not be written.',
  },

  // ---- Internal: the payment software and the issuer ---------------------------------------------
  ISSUER_TIMEOUT: {
    scope: 'internal',
    fields: false,
    fr: 'Pas de réponse de la banque à temps.',
    en: 'No answer from the bank in time.',
  },
  ISSUER_UNREACHABLE: {
    scope: 'internal',
    fields: false,
    fr: 'La banque est injoignable ; la demande n’est pas partie.',
    en: 'The bank cannot be reached; the request never left.',
  },
  ISSUER_CONNECTION_LOST: {
    scope: 'internal',
    fields: false,
    fr: 'Connexion avec la banque perdue ; la demande a pu arriver.',
    en: 'Connection to the bank lost; the request may have arrived.',
  },
  ISSUER_UNREADABLE_ANSWER: {
    scope: 'internal',
    fields: false,
    fr: 'La réponse de la banque est illisible.',
    en: 'The bank’s answer is unreadable.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    scope: 'internal',
    fields: false,
    fr: 'Cette clé de paiement a déjà servi pour une autre carte ou un autre montant.',
    en: 'This payment key was already used for another card or amount.',
  },
  MALFORMED_REQUEST: {
    scope: 'internal',
    fields: false,
    fr: 'La banque refuse la demande comme mal formée.',
    en: 'The bank refuses the request as malformed.',
  },
} as const satisfies Record<string, ErrorDefinition>

/** A code of the registry; there is no other. */
export type ErrorCode = keyof typeof DEFINITIONS

/** The registry; messages typed as plain strings, so a screen's own list may hold one. */
export const ERRORS: {
  readonly [C in ErrorCode]: ErrorDefinition & { readonly scope: (typeof DEFINITIONS)[C]['scope'] }
} = DEFINITIONS

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[]

type CodesOfScope<S extends ErrorScope> = {
  [C in ErrorCode]: (typeof ERRORS)[C]['scope'] extends S ? C : never
}[ErrorCode]

/** What any call may answer, whether or not it lists it. */
export type CommonErrorCode = CodesOfScope<'common'>
export const COMMON_ERROR_CODES = ERROR_CODES.filter(
  (code) => ERRORS[code].scope === 'common',
) as CommonErrorCode[]

/** What a call may list in its definition. */
export type CallErrorCode = CodesOfScope<'call'>

/** What the payment software and the issuer answer each other, never over the bridge. */
export type InternalErrorCode = CodesOfScope<'internal'>

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code)
}

/** The messages of every code in one language, as the renderer's i18n wants them. */
export function errorMessages(locale: 'fr' | 'en'): Record<ErrorCode, string> {
  return Object.fromEntries(ERROR_CODES.map((code) => [code, ERRORS[code][locale]])) as Record<
    ErrorCode,
    string
  >
}

/** The messages of a few codes in one language, for a screen's own list of error sentences. */
export function pickErrorMessages<C extends ErrorCode>(
  locale: 'fr' | 'en',
  codes: readonly C[],
): Record<C, string> {
  return Object.fromEntries(codes.map((code) => [code, ERRORS[code][locale]])) as Record<C, string>
}

/**
 * What pricing the stored cart may refuse: every change of the cart prices it again, so each
 * call that changes the cart may answer these.
 */
export const PRICING_ERROR_CODES = [
  'QUANTITY_OUT_OF_RANGE',
  'PRICE_OUT_OF_RANGE',
  'VAT_RATE_OUT_OF_RANGE',
  'VAT_RATE_UNKNOWN',
  'WEIGHT_OUT_OF_RANGE',
  'AMOUNT_OUT_OF_RANGE',
  'DUPLICATE_LINE',
  'DISCOUNT_INVALID',
  'DISCOUNT_EXCEEDS_LINE',
  'PROMOTION_INVALID',
  'PROMOTION_NOT_YET_VALID',
  'PROMOTION_EXPIRED',
  'PROMOTION_MIN_BASKET',
  'PROMOTION_USAGE_EXHAUSTED',
  'DELIVERY_UNAVAILABLE',
  'SETTINGS_INVALID',
] as const satisfies readonly CallErrorCode[]

export type PricingErrorCode = (typeof PRICING_ERROR_CODES)[number]
