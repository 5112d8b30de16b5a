/** The catalogue feature's face: what the other features and the composition root may use. */
export { catalogueHandlers } from './catalogue-handlers'
export { ProductRepository } from './product-repository'
