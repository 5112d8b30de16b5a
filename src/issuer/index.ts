/**
 * The card issuer's face toward the merchant app. The issuer is a separate party: it imports
 * nothing of src/main, and the merchant reaches it only through these names (to open the
 * in-process simulator, to find the TLS material of the issuer started as its own process, and
 * for the simulator's own console screens).
 */
export { IssuerConsole } from './console/issuer-console'
export { readIssuerTlsMaterial, type IssuerTlsMaterial } from './issuer-certificates'
export { issuerAddressFile, issuerFolder, issuerTlsFolder } from './issuer-folders'
export type { IssuerSimulator } from './issuer-simulator'
export { openIssuer, type IssuerInstance } from './open-issuer'
