import type { OrderStatus } from './order-status'

/**
 * The statuses' French names, one list for the French interface (vue-i18n messages) and the
 * French CSV export made in main, so that a file and the screen never name a status differently.
 */
export const FRENCH_STATUS_LABELS: Readonly<Record<OrderStatus, string>> = {
  pending_payment: 'En attente de paiement',
  authorized: 'Autorisée',
  paid: 'Payée',
  declined: 'Refusée',
  awaiting_shipment: 'À expédier',
  delivered: 'Livrée',
  shipped: 'Expédiée',
  completed: 'Terminée',
  voided: 'Annulée',
  refunded: 'Remboursée',
  abandoned: 'Abandonnée',
}
