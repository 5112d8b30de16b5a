// Packaging for Linux (AppImage, deb), Windows (nsis) and macOS (dmg): `npm run package`.

/** @type {import('app-builder-lib').Configuration} */
const config = {
  appId: 'fr.comptoir.till',
  productName: 'Comptoir',
  copyright: 'Copyright © Comptoir',
  directories: { output: 'dist', buildResources: 'resources' },
  files: [
    'out/**',
    'package.json',
    // SQLite's C sources are only needed to compile; the N-API prebuilds are what runs.
    '!**/node_modules/better-sqlite3/{deps,src}/**',
  ],
  asar: true,
  // Native modules cannot be loaded from inside an asar archive.
  asarUnpack: ['**/node_modules/better-sqlite3/**/*.node'],
  // better-sqlite3 13 is N-API and ships prebuilds for every platform: nothing to rebuild for
  // Electron, and a rebuild would need Node headers from the network.
  npmRebuild: false,
  icon: 'resources/icon.png',
  electronLanguages: ['fr', 'en-US', 'en-GB'],
  // Flipped in the packaged binary, so a copy of the app cannot be turned into a Node runtime,
  // debugged through flags, or made to run code outside its signed archive.
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer comes from app://, so file:// needs no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    synopsis: 'Point of sale and merchant back-office',
  },
  win: { target: ['nsis'] },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.business', hardenedRuntime: true },
}

// An unpacked Electron for offline `--dir` builds, where the download host is unreachable.
if (process.env.ELECTRON_DIST) config.electronDist = process.env.ELECTRON_DIST

module.exports = config
