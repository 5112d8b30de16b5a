import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

/** The import restrictions `code` breaks if it were the file at `path` (the file need not exist). */
async function importProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return result!.messages
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message)
}

describe("the domain's words sit below the contract, as the linter keeps them", () => {
  it('lets the domain import money and itself', async () => {
    const code = [
      "export { allocateByLargestRemainder } from '@shared/money'",
      "export { ORDER_STATUSES } from './order-status'",
      "export { CARD_BRANDS } from '@shared/domain/payment'",
      "export { formatMoney } from '../money'",
      '',
    ].join('\n')
    expect(await importProblems('src/shared/domain/words-fixture.ts', code)).toEqual([])
  })

  it('refuses the domain importing the contract, the cards or zod', async () => {
    for (const source of ['@shared/contract', '../contract/result', '@shared/cards/card-brand', 'zod']) {
      const problems = await importProblems('src/shared/domain/words-fixture.ts', `export * from '${source}'\n`)
      expect(problems, source).toHaveLength(1)
      expect(problems[0]).toContain('imports only src/shared/money and itself')
    }
  })

  it("refuses pricing importing the contract's calls, or the contract's index that re-exports them", async () => {
    for (const source of ['@shared/contract/calls/cart-calls', '@shared/contract']) {
      const problems = await importProblems('src/main/pricing/words-fixture.ts', `export { MAX_LINE_QUANTITY } from '${source}'\n`)
      expect(problems, source).toHaveLength(1)
    }
  })

  it('lets pricing take the words from the domain and the quote shape from the contract', async () => {
    const code = [
      "export { MAX_LINE_QUANTITY } from '@shared/domain/limits'",
      "export type { PriceQuote } from '@shared/contract/pricing-schemas'",
      "export { ok } from '@shared/contract/result'",
      '',
    ].join('\n')
    expect(await importProblems('src/main/pricing/words-fixture.ts', code)).toEqual([])
  })
})
