/**
 * The customers feature's face: the composition root builds the repository, the other features use
 * the directory.
 */
export { CustomerDirectory } from './customer-directory'
export { CustomerRepository } from './customer-repository'
export type { Customer } from './customer-repository'
