import { z } from 'zod'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema, roleSchema } from '../common-schemas'

export const staffMemberSchema = z.object({
  id: idSchema,
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
})
export type StaffMember = z.infer<typeof staffMemberSchema>

export const userCalls = {
  'users.list': defineCall({
    summary: 'Every user of the shop, with lock and last login (administrators only)',
    role: 'admin',
    errors: [],
    input: emptyInputSchema,
    output: z.array(staffMemberSchema),
  }),
}

