/** The fulfilment feature's face: what the other features and the composition root may use. */
export { entitlementsFor } from './entitlement-issuer'
export type { DigitalDelivery } from './entitlement-issuer'
export type { NewEntitlement } from './entitlement-issuer'
export { DownloadLinks, DOWNLOAD_LINK_DAYS, DOWNLOAD_LINK_MAX_DOWNLOADS } from './download-links'
export type { IssuedDownloadLink } from './download-links'
export { DownloadLinkRepository } from './download-link-repository'
export { downloadServerSettings, startDownloadServer } from './download-server'
export type { DownloadServer, DownloadServerOptions, DownloadServerSettings } from './download-server'
