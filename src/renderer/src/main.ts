import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './i18n'
import { useSessionStore } from './stores/session'
import './styles/tokens.css'
import './styles/base.css'
import './styles/zoom.css'

const app = createApp(App)
app.use(createPinia())
app.use(i18n)
app.use(router)

document.documentElement.lang = currentLocale()

// However a call finds out that the session is over, the till goes back to the login screen.
useSessionStore().followExpiry(() => {
  if (router.currentRoute.value.name !== 'login') void router.replace({ name: 'login' })
})

app.mount('#app')
