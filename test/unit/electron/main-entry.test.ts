import { describe, expect, it, vi } from 'vitest'
import { app, protocol } from './fake-electron'
import { createApp } from '../../../src/main/app/create-app'

vi.mock('electron', () => import('./fake-electron'))
// The real services open SQLite; the entry is only checked for its wiring here.
vi.mock('../../../src/main/app/create-app', () => ({ createApp: vi.fn() }))

/** When a mocked function was first called, in the order of every mock's calls. */
const firstCall = (fn: { mock: { invocationCallOrder: number[] } }) => fn.mock.invocationCallOrder[0] ?? Infinity

describe('the main entry', () => {
  it('starts the desktop shell: sandbox and app scheme first, then the single-instance lock, before waiting for ready and opening services', async () => {
    await import('../../../src/main/electron/main-entry')
    expect(app.enableSandbox).toHaveBeenCalledOnce()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce()
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce()
    const lock = firstCall(app.requestSingleInstanceLock)
    expect(firstCall(app.enableSandbox)).toBeLessThan(lock)
    expect(firstCall(protocol.registerSchemesAsPrivileged)).toBeLessThan(lock)
    expect(firstCall(app.whenReady)).toBeGreaterThan(lock)
    // Services open only once the app is ready, never before the lock.
    await vi.waitFor(() => expect(createApp).toHaveBeenCalledOnce())
    expect(firstCall(vi.mocked(createApp))).toBeGreaterThan(firstCall(app.whenReady))
  })
})
