/**
 * The invented world of the large-history generator: names, a deterministic random source and
 * the weights that make a year of a small French shop look real (mostly delivered sales, some
 * shipments, about 8 % of card payments declined with the codes issuers really send).
 */

/** mulberry32: tiny, fast and reproducible, so two runs with the same seed build the same shop. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Readonly<Record<K, number>>): K {
  const entries = Object.entries(weights) as Array<[K, number]>
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  let draw = random() * total
  for (const [key, weight] of entries) {
    draw -= weight
    if (draw < 0) return key
  }
  return entries[entries.length - 1]![0]
}

export const FIRST_NAMES = [
  'Jeanne', 'Louis', 'Camille', 'Hugo', 'Léa', 'Lucas', 'Chloé', 'Gabriel', 'Manon', 'Arthur',
  'Inès', 'Jules', 'Sarah', 'Adam', 'Zoé', 'Raphaël', 'Alice', 'Paul', 'Louise', 'Nathan',
  'Emma', 'Théo', 'Juliette', 'Tom', 'Anaïs', 'Noé', 'Margaux', 'Victor', 'Élodie', 'Maël',
]
export const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand',
  'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas', 'Perrin',
]
export const EMAIL_DOMAINS = ['example.fr', 'exemple.com', 'courriel.fr', 'mail.example', 'poste.example']
export const CITIES = [
  { city: 'Lyon', postcode: '69003' },
  { city: 'Paris', postcode: '75011' },
  { city: 'Nantes', postcode: '44000' },
  { city: 'Lille', postcode: '59000' },
  { city: 'Bordeaux', postcode: '33000' },
  { city: 'Rennes', postcode: '35000' },
]

export type GeneratedStatus =
  'delivered' | 'completed' | 'awaiting_shipment' | 'shipped' | 'declined' | 'voided' | 'refunded' | 'abandoned'

/** Final statuses of pickup sales; shipped baskets draw from SHIPPED_STATUS_WEIGHTS instead. */
export const PICKUP_STATUS_WEIGHTS: Readonly<Record<GeneratedStatus, number>> = {
  delivered: 55,
  completed: 27,
  awaiting_shipment: 0,
  shipped: 0,
  declined: 8.5,
  voided: 1.5,
  refunded: 1.5,
  abandoned: 0.5,
}
export const SHIPPED_STATUS_WEIGHTS: Readonly<Record<GeneratedStatus, number>> = {
  delivered: 0,
  completed: 55,
  awaiting_shipment: 6,
  shipped: 25,
  declined: 8,
  voided: 3,
  refunded: 3,
  abandoned: 0,
}

export const PAYMENT_WEIGHTS = { card: 60, saved_card: 8, cash: 32 } as const

/** Declines as issuers send them: mostly insufficient funds and "do not honour". */
export const DECLINE_WEIGHTS = {
  '51': 40,
  '05': 22,
  '61': 9,
  '54': 8,
  '14': 5,
  '57': 5,
  '65': 4,
  '41': 2,
  '43': 2,
  '62': 3,
} as const

export const BRAND_WEIGHTS = { cb: 55, visa: 25, mastercard: 15, amex: 5 } as const
export const BINS: Readonly<Record<keyof typeof BRAND_WEIGHTS, readonly string[]>> = {
  cb: ['497010', '513100', '455673', '535110'],
  visa: ['424242', '400000', '411111', '476173'],
  mastercard: ['555555', '520082', '545454', '510510'],
  amex: ['378282', '371449', '340000'],
}

export const CARRIERS = ['Colissimo', 'Chronopost', 'Mondial Relay', 'DPD']
const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'

export function authorizationCode(random: Random): string {
  let code = ''
  for (let index = 0; index < 6; index++) code += CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]
  return code
}

export function digits(random: Random, count: number): string {
  let text = ''
  for (let index = 0; index < count; index++) text += Math.floor(random() * 10)
  return text
}
