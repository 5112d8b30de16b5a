import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { en } from '../../../src/renderer/src/i18n/en'
import { fr } from '../../../src/renderer/src/i18n/fr'
import { frenchPlural, i18n, loadBackOfficeMessages } from '../../../src/renderer/src/i18n'
import { backOfficeMessages } from '../../../src/renderer/src/i18n/back-office-messages'

const RENDERER = resolve(import.meta.dirname, '../../../src/renderer/src')

/** Every message path ("till.cart.title") of a message tree, leaves only. */
function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix]
  return Object.entries(tree).flatMap(([key, value]) => leafKeys(value, prefix ? `${prefix}.${key}` : key))
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path)
    return /\.(vue|ts)$/.test(entry.name) ? [path] : []
  })
}

/**
 * The keys the renderer asks for: `t('a.b')`, `t("a.b")`, `$t('a.b')`, `te('a.b')`; and for a
 * key built at run time (`t(\`roles.${role}\`)`) its fixed beginning, which must be a subtree.
 */
function usedKeys(): { literal: Map<string, string>; prefixes: Map<string, string> } {
  const literal = new Map<string, string>()
  const prefixes = new Map<string, string>()
  for (const file of sourceFiles(RENDERER)) {
    const text = readFileSync(file, 'utf8')
    const where = file.slice(RENDERER.length + 1)
    for (const match of text.matchAll(/\b\$?te?\(\s*(['"])([A-Za-z][\w-]*(?:\.[\w-]+)+)\1/g)) literal.set(match[2]!, where)
    for (const match of text.matchAll(/\b\$?te?\(\s*`([A-Za-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)) prefixes.set(match[1]!.slice(0, -1), where)
  }
  return { literal, prefixes }
}

/** The till's own trees, read before any test merges the back-office's in (vue-i18n merges in place). */
const firstTrees = { fr: Object.keys(fr), en: Object.keys(en) }
// The back-office's messages are loaded with its routes: together they are the interface's.
const frKeys = new Set(leafKeys({ ...fr, ...backOfficeMessages.fr }))
const enKeys = new Set(leafKeys({ ...en, ...backOfficeMessages.en }))

describe('the interface messages', () => {
  it('French and English have exactly the same keys', () => {
    expect([...frKeys].filter((key) => !enKeys.has(key)), 'in French only').toEqual([])
    expect([...enKeys].filter((key) => !frKeys.has(key)), 'in English only').toEqual([])
  })

  it('every key the renderer uses exists in both languages', () => {
    const { literal, prefixes } = usedKeys()
    expect(literal.size).toBeGreaterThan(300)
    const missing = [...literal].filter(([key]) => !frKeys.has(key) || !enKeys.has(key)).map(([key, file]) => `${key} (${file})`)
    expect(missing).toEqual([])
    const hasSubtree = (keys: Set<string>, prefix: string): boolean => [...keys].some((key) => key.startsWith(`${prefix}.`))
    const missingTrees = [...prefixes]
      .filter(([prefix]) => !hasSubtree(frKeys, prefix) || !hasSubtree(enKeys, prefix))
      .map(([prefix, file]) => `${prefix}.… (${file})`)
    expect(missingTrees).toEqual([])
  })
})

describe('French plurals', () => {
  it('0 and 1 take the singular, 2 and more the plural; three forms keep zero apart', () => {
    expect([0, 1, 2, 15].map((count) => frenchPlural(count, 2))).toEqual([0, 0, 1, 1])
    expect([0, 1, 2, 15].map((count) => frenchPlural(count, 3))).toEqual([0, 1, 2, 2])
  })

  it('a count reads as French agrees', async () => {
    await loadBackOfficeMessages()
    const t = i18n.global.t
    expect(t('cart.clearConfirmText', 1)).toBe('L’article du panier sera retiré.')
    expect(t('cart.clearConfirmText', 2)).toBe('Les 2 articles du panier seront retirés.')
    expect(t('backOffice.export.done', { file: 'a.csv', rows: 1 }, 1)).toBe('Téléchargement lancé : a.csv (1 ligne).')
    expect(t('cart.itemCount', 1)).toBe('1 article')
  })
})

describe('the back-office’s messages', () => {
  it('are not in the till’s first messages, and are merged in both languages when its routes load them', async () => {
    for (const tree of Object.keys(backOfficeMessages.fr)) {
      expect(firstTrees.fr, tree).not.toContain(tree)
      expect(firstTrees.en, tree).not.toContain(tree)
    }
    await loadBackOfficeMessages()
    expect(i18n.global.t('backOffice.history.exportCsv', {}, { locale: 'fr' })).toBe(backOfficeMessages.fr.backOffice.history.exportCsv)
    expect(i18n.global.t('administration.audit.actions.order.exported', {}, { locale: 'en' })).toBe('CSV export prepared')
    expect(i18n.global.t('cart.itemCount', 1)).toBe('1 article')
  })
})
