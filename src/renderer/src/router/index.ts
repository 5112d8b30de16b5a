import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from '@renderer/stores/session'
import { loadBackOfficeMessages } from '@renderer/i18n'
import LoginView from '@renderer/views/LoginView.vue'
import TillView from '@renderer/views/TillView.vue'

/** The screen's name in the window title ("Caisse — Comptoir"): a key of the `titles` messages. */
export type ScreenTitle =
  | 'login'
  | 'till'
  | 'checkout'
  | 'cash'
  | 'approval'
  | 'orders'
  | 'order'
  | 'dashboard'
  | 'users'
  | 'settings'
  | 'issuer'
  | 'audit'
  | 'fiscal'
  | 'reconciliation'

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean
    requiresAdmin?: boolean
    title?: ScreenTitle
  }
}

export const router = createRouter({
  // Hash history: the same URLs work from Electron's file:// page and from browser mode.
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: { name: 'till' } },
    { path: '/login', name: 'login', component: LoginView, meta: { title: 'login' } },
    { path: '/till', name: 'till', component: TillView, meta: { requiresAuth: true, title: 'till' } },
    {
      path: '/checkout',
      name: 'checkout',
      component: () => import('@renderer/views/CheckoutView.vue'),
      meta: { requiresAuth: true, title: 'checkout' },
    },
    {
      path: '/cash',
      name: 'cash',
      component: () => import('@renderer/views/CashSessionView.vue'),
      meta: { requiresAuth: true, title: 'cash' },
    },
    {
      path: '/cash/close',
      name: 'cash-close',
      component: () => import('@renderer/views/CashClosingView.vue'),
      meta: { requiresAuth: true, title: 'cash' },
    },
    {
      path: '/orders/:orderId(\\d+)/approval',
      name: 'order-approval',
      component: () => import('@renderer/views/OrderApprovalView.vue'),
      meta: { requiresAuth: true, title: 'approval' },
    },
    {
      path: '/admin',
      component: () => import('@renderer/views/admin/AdminLayout.vue'),
      meta: { requiresAuth: true, requiresAdmin: true },
      // After the global guard's checks: a cashier turned away never fetches them.
      beforeEnter: () => loadBackOfficeMessages(),
      children: [
        { path: '', redirect: { name: 'admin-orders' } },
        {
          path: 'orders',
          name: 'admin-orders',
          component: () => import('@renderer/views/admin/OrderHistoryView.vue'),
          meta: { title: 'orders' },
        },
        {
          path: 'orders/:orderId(\\d+)',
          name: 'admin-order',
          component: () => import('@renderer/views/admin/OrderDetailView.vue'),
          meta: { title: 'order' },
        },
        {
          path: 'dashboard',
          name: 'admin-dashboard',
          component: () => import('@renderer/views/admin/DashboardView.vue'),
          meta: { title: 'dashboard' },
        },
        {
          path: 'users',
          name: 'admin-users',
          component: () => import('@renderer/views/admin/UsersView.vue'),
          meta: { title: 'users' },
        },
        {
          path: 'settings',
          name: 'admin-settings',
          component: () => import('@renderer/views/admin/SettingsView.vue'),
          meta: { title: 'settings' },
        },
        {
          path: 'issuer',
          name: 'admin-issuer',
          component: () => import('@renderer/views/admin/IssuerConsoleView.vue'),
          meta: { title: 'issuer' },
        },
        {
          path: 'audit',
          name: 'admin-audit',
          component: () => import('@renderer/views/admin/AuditLogView.vue'),
          meta: { title: 'audit' },
        },
        {
          path: 'fiscal',
          name: 'admin-fiscal',
          component: () => import('@renderer/views/admin/FiscalJournalView.vue'),
          meta: { title: 'fiscal' },
        },
        {
          path: 'reconciliation',
          name: 'admin-reconciliation',
          component: () => import('@renderer/views/admin/ReconciliationView.vue'),
          meta: { title: 'reconciliation' },
        },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: { name: 'till' } },
  ],
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await session.ensureLoaded()
  const needsAuth = to.matched.some((record) => record.meta.requiresAuth)
  const needsAdmin = to.matched.some((record) => record.meta.requiresAdmin)
  if (needsAuth && !session.isLoggedIn) {
    return to.name === 'till' ? { name: 'login' } : { name: 'login', query: { redirect: to.fullPath } }
  }
  if (needsAdmin && !session.isAdmin) {
    session.notice = 'adminOnly'
    return { name: 'till' }
  }
  if (to.name === 'login' && session.isLoggedIn) return { name: 'till' }
  return true
})
