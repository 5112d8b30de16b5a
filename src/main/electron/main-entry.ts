import { createApp } from '../app/create-app'
import { startDesktopShell } from './desktop-shell'

// The composition root of the desktop shell; everything testable lives in desktop-shell.ts.
startDesktopShell({ createApp })
