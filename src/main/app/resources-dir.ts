import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The project's `resources` folder (icon, files sold as downloads), found by walking up from
 * this module: `out/main` when built, `src/main/app` under test, `resources/app.asar/...` when
 * packaged (where electron-builder copies it next to the asar as extra resources).
 */
export function findResourcesDir(start: string = __dirname): string {
  let folder = start
  for (let depth = 0; depth < 6; depth++) {
    const candidate = join(folder, 'resources')
    if (existsSync(join(candidate, 'downloads'))) return candidate
    const parent = dirname(folder)
    if (parent === folder) break
    folder = parent
  }
  return join(process.resourcesPath ?? process.cwd(), 'resources')
}
