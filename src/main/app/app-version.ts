import { version } from '../../../package.json'

/**
 * The app's version, as package.json says (the desktop build's own version is the same field):
 * written in the technical event log (JET) at each start, where a change from the last start is
 * an event of its own, and in the manifest of every fiscal archive.
 */
export const APP_VERSION: string = version
