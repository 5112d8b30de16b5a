/** Training mode (MODE ÉCOLE), in French. */
export const trainingFr = {
  /** Beside a training sale in the order history. */
  mark: 'MODE ÉCOLE',
  banner: {
    title: 'MODE ÉCOLE / SIMULATION',
    text: 'Ventes fictives : ticket sans valeur, hors chiffre d’affaires, espèces seulement',
    supervised: 'supervision : {name}',
  },
  switch: {
    enter: 'Passer en mode école',
    leave: 'Quitter le mode école',
    enterTitle: 'Passer en mode école',
    leaveTitle: 'Quitter le mode école',
    message: 'Un administrateur supervise la formation et saisit son code PIN.',
    enterRequest: 'Les ventes suivantes seront des simulations, marquées « MODE ÉCOLE — SIMULATION ».',
    leaveRequest: 'Les ventes suivantes seront de vraies ventes.',
    enterConfirm: 'Passer en mode école',
    leaveConfirm: 'Revenir aux vraies ventes',
  },
  payment: {
    cashOnly: 'Mode école : seules les espèces sont simulées, aucune carte n’est débitée.',
  },
}
