import { ok } from '@shared/contract'
import type { CallHandlers } from '../rpc/router'
import type { AuthService } from '../staff'
import type { TrainingModeService } from './training-mode-service'

export function trainingHandlers(service: TrainingModeService, auth: AuthService): Pick<CallHandlers, 'training.status' | 'training.switch'> {
  return {
    'training.status': () => ok(service.status()),
    'training.switch': ({ on, approval }, { session, clientId }) =>
      service.switch(on, session.userId, approval, (userId, pin) => auth.checkApprover(clientId, userId, pin)),
  }
}
