/** The fulfilment feature's face: what the other features and the composition root may use. */
export { entitlementsFor } from './entitlement-issuer'
export type { DigitalDelivery } from './entitlement-issuer'
export type { NewEntitlement } from './entitlement-issuer'
