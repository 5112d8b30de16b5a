import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, createOriginCheck, originOf } from '../../../src/main/electron/app-origin'

describe('origins are compared after parsing, never by prefix', () => {
  it('reads the origin of an app:// URL although URL.origin is "null" for it', () => {
    expect(new URL('app://comptoir/index.html').origin).toBe('null')
    expect(originOf('app://comptoir/index.html')).toBe(APP_ORIGIN)
  })

  it('keeps the port of a dev server', () => {
    expect(originOf('http://localhost:5173/src/main.ts')).toBe('http://localhost:5173')
  })

  it('has no origin for URLs without a host', () => {
    expect(originOf('about:blank')).toBeUndefined()
    expect(originOf('javascript:alert(1)')).toBeUndefined()
    expect(originOf('')).toBeUndefined()
  })

  it('tells look-alike hosts apart from the app', () => {
    const isTrusted = createOriginCheck([APP_ORIGIN])
    expect(isTrusted('app://comptoir/till')).toBe(true)
    expect(isTrusted('app://comptoir.evil/till')).toBe(false)
    expect(isTrusted('app://comptoir@evil/till')).toBe(false)
    expect(isTrusted('app://comptoir:8080/till')).toBe(false)
    expect(isTrusted('https://comptoir/till')).toBe(false)
  })

  it('trusts the dev server only when it is listed', () => {
    expect(createOriginCheck([APP_ORIGIN])('http://localhost:5173/')).toBe(false)
    expect(createOriginCheck([APP_ORIGIN, 'http://localhost:5173'])('http://localhost:5173/')).toBe(
      true,
    )
    expect(createOriginCheck([APP_ORIGIN, 'http://localhost:5173'])('http://localhost:5174/')).toBe(
      false,
    )
  })
})
