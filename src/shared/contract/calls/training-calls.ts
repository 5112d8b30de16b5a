import { z } from 'zod'
import { defineCall } from '../define-call'
import { emptyInputSchema, idSchema } from '../common-schemas'
import { pinSchema } from './auth-calls'

/**
 * The till's training mode (MODE ÉCOLE): sales made meanwhile are simulations, on the fiscal
 * journal's 'training' chain, kept out of every total; card payments are refused (cash only), so
 * no money ever moves at the issuer.
 */
export const trainingStatusSchema = z.object({
  on: z.boolean(),
  /** When it was switched on (ISO 8601 instant), null while off. */
  since: z.string().nullable(),
  /** The administrator who switched it on and supervises the training, null while off. */
  supervisorName: z.string().nullable(),
})
export type TrainingStatus = z.infer<typeof trainingStatusSchema>

export const trainingCalls = {
  'training.status': defineCall({
    summary: "Whether the till is in training mode (MODE ÉCOLE), since when, under whose supervision",
    role: 'staff',
    errors: [],
    input: emptyInputSchema,
    output: trainingStatusSchema,
  }),
  'training.switch': defineCall({
    summary: "Switch the till into training mode or back, with a supervising administrator's PIN; a JET event",
    role: 'staff',
    errors: ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'],
    input: z.object({ on: z.boolean(), approval: z.object({ userId: idSchema, pin: pinSchema }).strict() }).strict(),
    output: trainingStatusSchema,
  }),
}

export type TrainingCallName = keyof typeof trainingCalls
