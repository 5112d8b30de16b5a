import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppError, Result, StaffMember, UserRole } from '@shared/contract'
import { call } from '@renderer/bridge'

/** The staff list of the administration screen; every change answers the changed member. */
export const useUsersStore = defineStore('users', () => {
  const members = ref<StaffMember[] | null>(null)
  const loadError = ref<AppError | null>(null)

  async function load(): Promise<void> {
    const result = await call('users.list')
    if (result.ok) {
      members.value = result.value
      loadError.value = null
    } else {
      loadError.value = result.error
    }
  }

  function keep(result: Result<StaffMember>): Result<StaffMember> {
    if (result.ok && members.value) {
      const changed = result.value
      const index = members.value.findIndex((member) => member.id === changed.id)
      if (index === -1) members.value = [...members.value, changed]
      else members.value = members.value.map((member) => (member.id === changed.id ? changed : member))
    }
    return result
  }

  return {
    members,
    loadError,
    load,
    create: async (displayName: string, role: UserRole, pin: string) =>
      keep(await call('users.create', { displayName, role, pin })),
    changeRole: async (userId: number, role: UserRole) => keep(await call('users.changeRole', { userId, role })),
    resetPin: async (userId: number, pin: string) => keep(await call('users.resetPin', { userId, pin })),
    deactivate: async (userId: number) => keep(await call('users.deactivate', { userId })),
    reactivate: async (userId: number) => keep(await call('users.reactivate', { userId })),
  }
})
