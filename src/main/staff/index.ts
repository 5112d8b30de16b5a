/** The staff feature's face: what the other features and the composition root may use. */
export { authHandlers } from './auth-handlers'
export { AuthService } from './auth-service'
export { hashPin, verifyPin, type PinPepper } from './pin-hasher'
export { UserAdministration } from './user-administration'
export { userHandlers } from './user-handlers'
export { UserRepository } from './user-repository'
export { unlockUsers, type UnlockedUser } from './unlock-users'
export { userAdministrationHandlers } from './user-administration-handlers'
