/**
 * The training mode feature's face (MODE ÉCOLE): the till's mode, its switch under an
 * administrator's PIN, and the mark on a training sale's documents.
 */
export { TrainingModeRepository } from './training-mode-repository'
export { TrainingModeService, type SupervisorCheck, type TrainingEventLog } from './training-mode-service'
export { trainingHandlers } from './training-handlers'
export { markTraining, trainingNote, TRAINING_MENTION } from './training-mark'
