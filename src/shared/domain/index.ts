/**
 * The domain's words, below the contract: plain constants and types the contract's schemas, the
 * services in main and the screens all take. Imports nothing but src/shared/money.
 */
export * from './catalogue'
export * from './delivery'
export * from './limits'
export * from './order-status'
export * from './payment'
export * from './pricing'
export * from './refund-vat'
