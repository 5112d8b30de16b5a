import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_CHANNEL } from '@shared/contract'
import { BRIDGE_GLOBAL_NAME, createBridgeApi } from './bridge-api'

// ipcRenderer stays inside the preload: the page only gets the named calls, on one channel.
contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL_NAME,
  createBridgeApi((name, input) => ipcRenderer.invoke(BRIDGE_CHANNEL, name, input)),
)
