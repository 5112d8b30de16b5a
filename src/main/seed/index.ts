/** The seed feature's face: what the other features and the composition root may use. */
export { seedDemoShop } from './seed-demo-shop'
