import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useErrorMessage } from '@renderer/composables/useErrorMessage'
import { mountScreen } from './support/mount-screen'

/** What any screen of the till shows for a refusal: the sentence `useErrorMessage` gives it (the payment step's, say). */
const Refusal = defineComponent({
  setup() {
    const describe = useErrorMessage()
    return () => h('p', describe({ code: 'FISCAL_PERIOD_CLOSED', message: 'The fiscal day 2026-12-07 is closed (closings through 2026-12-07)' }))
  },
})

describe('a record refused on a closed fiscal day, at the till', () => {
  it('says in French that the day is closed, that nothing was done, and to check the till’s date and time', () => {
    expect(mountScreen(Refusal).text()).toBe(
      'Cette journée est déjà clôturée (clôture Z) : elle ne reçoit plus d’enregistrement, rien n’a été fait. Vérifiez la date et l’heure de la caisse.',
    )
  })

  it('and in English on request, never main’s own English message', () => {
    const text = mountScreen(Refusal, { locale: 'en' }).text()
    expect(text).toBe('This day is already closed (Z closing): it takes no more records, nothing was done. Check the till’s date and time.')
    expect(text).not.toContain('2026-12-07')
  })
})
