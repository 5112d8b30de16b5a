/**
 * `npm run bench`: every benchmark of the project, one after the other. Each module exports a
 * `run()` that prints its figures as ratios to a baseline measured in the same run.
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

async function main(): Promise<void> {
  const folder = __dirname
  const only = process.argv[2]
  const modules = readdirSync(folder)
    .filter((file) => file.endsWith('.bench.ts'))
    .filter((file) => !only || file.includes(only))
    .sort()
  for (const file of modules) {
    const module = (await import(pathToFileURL(join(folder, file)).href)) as { run: () => Promise<void> | void }
    await module.run()
  }
}

void main()
