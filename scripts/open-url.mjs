// `npm run open-url -- --data-dir ./.data`: asks the browser-mode server running on that data
// folder for a fresh launch address (a one-time token, for a second tab or after five minutes).
// The server's address and the secret to ask it are in the folder's 0600 `browser-mode.json`.
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } }, strict: false })
const dataDir = resolve(
  typeof values['data-dir'] === 'string'
    ? values['data-dir']
    : (process.env.COMPTOIR_DATA_DIR ?? join(homedir(), '.comptoir')),
)

let control
try {
  control = JSON.parse(readFileSync(join(dataDir, 'browser-mode.json'), 'utf8'))
} catch {
  console.error(`No browser-mode server is running on ${dataDir} (start one with \`npm run serve\`).`)
  process.exit(1)
}
try {
  const response = await fetch(`${control.url}/launch`, {
    method: 'POST',
    headers: { 'X-Comptoir-Control': control.controlSecret },
  })
  const answer = await response.json()
  if (!answer.ok) throw new Error(answer.error?.message ?? `HTTP ${response.status}`)
  console.log(`Open Comptoir at ${answer.value.url}`)
} catch (error) {
  console.error(`The browser-mode server at ${control.url} did not answer: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}
