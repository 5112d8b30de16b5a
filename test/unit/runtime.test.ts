import { describe, expect, it } from 'vitest'

describe('runtime', () => {
  it('runs on the Node 24 that the project brings, not the machine Node 20', () => {
    // better-sqlite3 13 and vitest 5 need Node >= 22; `npm ci --ignore-scripts` would leave the
    // project's node link dangling and silently fall back to the system Node.
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24)
  })
})
