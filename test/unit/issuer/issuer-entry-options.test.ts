import { describe, expect, it } from 'vitest'
import { parseIssuerEntryOptions } from '../../../src/issuer/issuer-entry-options'

describe('npm run issuer arguments', () => {
  it('takes the data folder and the port', () => {
    expect(parseIssuerEntryOptions(['--data-dir', '/tmp/x', '--port', '0'], {})).toMatchObject({
      dataDir: '/tmp/x',
      port: 0,
    })
  })

  it('falls back to COMPTOIR_DATA_DIR and port 8583', () => {
    expect(parseIssuerEntryOptions([], { COMPTOIR_DATA_DIR: '/data' })).toMatchObject({
      dataDir: '/data',
      port: 8583,
    })
  })

  it('reads fault injection settings', () => {
    const options = parseIssuerEntryOptions(
      ['--data-dir', 'd', '--share-91', '0.1', '--latency-ms', '250'],
      {},
    )
    expect(options.faults).toMatchObject({ share91: 0.1, latencyMs: 250 })
  })

  it('refuses a missing data folder or a bad port', () => {
    expect(() => parseIssuerEntryOptions([], {})).toThrow(/data folder/)
    expect(() => parseIssuerEntryOptions(['--data-dir', 'd', '--port', 'abc'], {})).toThrow(
      /--port/,
    )
  })
})
