/**
 * The catalogue feature's face: the composition root builds the repository, the other features use
 * the catalogue.
 */
export { catalogueHandlers } from './catalogue-handlers'
export { ProductCatalogue } from './product-catalogue'
export { ProductRepository } from './product-repository'
