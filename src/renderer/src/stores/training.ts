import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { Result, TrainingStatus, UserSummary } from '@shared/contract'
import { call } from '@renderer/bridge'

const OFF: TrainingStatus = { on: false, since: null, supervisorName: null }

/**
 * The till's training mode (MODE ÉCOLE) as the screens see it: the banner on every screen while
 * it is on, cash as the only way to pay, and the switch under an administrator's PIN.
 */
export const useTrainingStore = defineStore('training', () => {
  const status = ref<TrainingStatus>(OFF)
  const on = computed(() => status.value.on)

  async function load(): Promise<void> {
    const result = await call('training.status')
    if (result.ok) status.value = result.value
  }

  /** Switches the till under the supervising administrator's PIN; the mode shown follows main's answer. */
  async function switchTo(next: boolean, approval: { userId: number; pin: string }): Promise<Result<TrainingStatus>> {
    const result = await call('training.switch', { on: next, approval })
    if (result.ok) status.value = result.value
    return result
  }

  /** Forgets the mode on logout: the next user's screen asks main again. */
  function forget(): void {
    status.value = OFF
  }

  /** The administrators who may supervise, for the PIN prompt. */
  async function administrators(): Promise<UserSummary[]> {
    const listed = await call('auth.listUsers')
    return listed.ok ? listed.value.filter((user) => user.role === 'admin') : []
  }

  return { status, on, load, switchTo, forget, administrators }
})
