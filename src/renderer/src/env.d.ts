/// <reference types="vite/client" />
import type { ComptoirBridge } from '@shared/contract'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    comptoir?: ComptoirBridge
  }
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Any logged-in member of staff. */
    requiresAuth?: boolean
    /** Administrators only; a cashier is sent back to the till. */
    requiresAdmin?: boolean
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

export {}
