import { describe, expect, it, vi } from 'vitest'
import { app } from './fake-electron'

vi.mock('electron', () => import('./fake-electron'))
// The real services open SQLite; the entry is only checked for its wiring here.
vi.mock('../../../src/main/app/create-app', () => ({ createApp: vi.fn() }))

describe('the main entry', () => {
  it('starts the desktop shell, beginning with the single-instance lock', async () => {
    await import('../../../src/main/electron/main-entry')
    expect(app.enableSandbox).toHaveBeenCalledOnce()
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce()
  })
})
