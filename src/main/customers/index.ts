/** The customers feature's face: what the other features and the composition root may use. */
export { CustomerRepository } from './customer-repository'
