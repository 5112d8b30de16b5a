/** The canonical form lives in the platform, shared with the fiscal journal's signatures. */
export { canonicalJson } from '../../platform/json/canonical-json'
