import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectToIssuerOverHttps } from '../../../src/main/payments/issuer-connection'
import { authorizationRequest, removeTempFolders, tempFolder } from './issuer-test-kit'

let child: ChildProcess | null = null
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  removeTempFolders()
})

describe('npm run issuer', () => {
  it('runs the issuer as its own process; the merchant connects with the material it created', async () => {
    const dataDir = tempFolder('comptoir-data-')
    const root = join(import.meta.dirname, '../../..')
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(root, 'src/issuer/issuer-entry.ts'),
        '--data-dir',
        dataDir,
        '--port',
        '0',
      ],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.node.json') },
      },
    )
    const lines = createInterface({ input: child.stdout! })
    const url = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve)
      child!.once('exit', (code) => reject(new Error(`issuer exited with ${code}`)))
    })
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/iso8583$/)
    const gateway = connectToIssuerOverHttps(dataDir)
    const answer = await gateway.authorize(authorizationRequest())
    await gateway.close()
    expect(answer.ok && answer.value.responseCode).toBe('00')
  }, 30_000)
})
