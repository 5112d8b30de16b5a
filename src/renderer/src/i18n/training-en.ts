import type { trainingFr } from './training-fr'

/** Training mode, in English. */
export const trainingEn: typeof trainingFr = {
  mark: 'TRAINING',
  banner: {
    title: 'TRAINING MODE / SIMULATION',
    text: 'Pretend sales: no valid ticket, outside the takings, cash only',
    supervised: 'supervisor: {name}',
  },
  switch: {
    enter: 'Start training mode',
    leave: 'Leave training mode',
    enterTitle: 'Start training mode',
    leaveTitle: 'Leave training mode',
    message: 'An administrator supervises the training and types their PIN.',
    enterRequest: 'The next sales will be simulations, marked “MODE ÉCOLE — SIMULATION”.',
    leaveRequest: 'The next sales will be real sales.',
    enterConfirm: 'Start training mode',
    leaveConfirm: 'Back to real sales',
  },
  payment: {
    cashOnly: 'Training mode: only cash is simulated, no card is charged.',
  },
}
