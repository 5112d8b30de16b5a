/**
 * The renderer is served from its own scheme with a fixed host, app://comptoir, so it has a
 * stable origin that every security check (navigation, IPC sender, CSP 'self') can compare with.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'comptoir'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Tells whether a URL belongs to one of the origins the app trusts. */
export type OriginCheck = (url: string) => boolean

/**
 * The `scheme://host[:port]` of a URL, lower-cased, or undefined when it has no host.
 * WHATWG's `URL.origin` is "null" for non-special schemes such as app:, so it is rebuilt from
 * the parsed parts; parsing (never string prefixes) keeps `app://comptoir.evil` and
 * `app://comptoir@evil` apart from `app://comptoir`.
 */
export function originOf(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.host === '') return undefined
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}

export function createOriginCheck(trustedOrigins: readonly string[]): OriginCheck {
  const trusted = new Set<string>()
  for (const candidate of trustedOrigins) {
    const origin = originOf(candidate)
    if (origin !== undefined) trusted.add(origin)
  }
  return (url) => {
    const origin = originOf(url)
    return origin !== undefined && trusted.has(origin)
  }
}
