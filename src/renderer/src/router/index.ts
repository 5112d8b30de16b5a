import { createRouter, createWebHashHistory } from 'vue-router'
import { useSessionStore } from '@renderer/stores/session'
import LoginView from '@renderer/views/LoginView.vue'
import TillView from '@renderer/views/TillView.vue'

export const router = createRouter({
  // Hash history: the same URLs work from Electron's file:// page and from browser mode.
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: { name: 'till' } },
    { path: '/login', name: 'login', component: LoginView },
    { path: '/till', name: 'till', component: TillView, meta: { requiresAuth: true } },
    {
      path: '/checkout',
      name: 'checkout',
      component: () => import('@renderer/views/CheckoutView.vue'),
      meta: { requiresAuth: true },
    },
    {
      path: '/orders/:orderId(\\d+)/approval',
      name: 'order-approval',
      component: () => import('@renderer/views/OrderApprovalView.vue'),
      meta: { requiresAuth: true },
    },
    {
      path: '/admin',
      component: () => import('@renderer/views/admin/AdminLayout.vue'),
      meta: { requiresAuth: true, requiresAdmin: true },
      children: [
        { path: '', redirect: { name: 'admin-orders' } },
        {
          path: 'orders',
          name: 'admin-orders',
          component: () => import('@renderer/views/admin/OrderHistoryView.vue'),
        },
        {
          path: 'orders/:orderId(\\d+)',
          name: 'admin-order',
          component: () => import('@renderer/views/admin/OrderDetailView.vue'),
        },
        {
          path: 'dashboard',
          name: 'admin-dashboard',
          component: () => import('@renderer/views/admin/DashboardView.vue'),
        },
        {
          path: 'users',
          name: 'admin-users',
          component: () => import('@renderer/views/admin/UsersView.vue'),
        },
        {
          path: 'settings',
          name: 'admin-settings',
          component: () => import('@renderer/views/admin/SettingsView.vue'),
        },
        {
          path: 'issuer',
          name: 'admin-issuer',
          component: () => import('@renderer/views/admin/IssuerConsoleView.vue'),
        },
        {
          path: 'audit',
          name: 'admin-audit',
          component: () => import('@renderer/views/admin/AuditLogView.vue'),
        },
        {
          path: 'reconciliation',
          name: 'admin-reconciliation',
          component: () => import('@renderer/views/admin/ReconciliationView.vue'),
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
