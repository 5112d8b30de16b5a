import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: root })

/** Lints `code` as if it were the file at `path` (the file need not exist). */
async function boundaryProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return result!.messages.filter((message) => message.ruleId?.startsWith('boundaries/')).map((message) => message.message)
}

describe('the house plan, as the linter keeps it', () => {
  it('lets a feature use another feature through its face', async () => {
    expect(await boundaryProblems('src/main/checkout/plan-fixture.ts', "export { OrderService } from '../orders'\n")).toEqual([])
  })

  it("refuses a feature taking another feature's repository, even through its face", async () => {
    const problems = await boundaryProblems(
      'src/main/checkout/plan-fixture.ts',
      "import type { CustomerRepository } from '../customers'\nexport type Customers = CustomerRepository\n",
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('feature checkout may not take a repository from feature customers')
  })

  it('leaves the repositories to the composition root, which builds them all', async () => {
    const problems = await boundaryProblems('src/main/app/plan-fixture.ts', "export { CustomerRepository } from '../customers'\n")
    expect(problems).toEqual([])
  })

  it("lets the tools that fill a whole shop's tables build repositories, as the composition root does", async () => {
    const fixture = "export { ProductRepository } from '../catalogue'\n"
    expect(await boundaryProblems('src/main/seed/plan-fixture.ts', fixture)).toEqual([])
    expect(await boundaryProblems('src/main/orders/history-generator/plan-fixture.ts', `export { ProductRepository } from '../../catalogue'\n`)).toEqual([])
  })

  it("refuses a feature reaching into another feature's files", async () => {
    const problems = await boundaryProblems(
      'src/main/checkout/plan-fixture.ts',
      "export { OrderRepository } from '../orders/order-repository'\n",
    )
    expect(problems).toHaveLength(1)
    expect(problems[0]).toContain('feature checkout may not import feature orders')
  })

  it('refuses an import that runs back up: a feature importing the composition root', async () => {
    const problems = await boundaryProblems('src/main/cart/plan-fixture.ts', "export { createApp } from '../app/create-app'\n")
    expect(problems).toHaveLength(1)
  })

  it('keeps the issuer a separate party: it imports nothing of the merchant app', async () => {
    const problems = await boundaryProblems('src/issuer/plan-fixture.ts', "export { PaymentService } from '../main/payments'\n")
    expect(problems).toHaveLength(1)
  })

  it('keeps infrastructure below the features', async () => {
    const problems = await boundaryProblems('src/main/rpc/plan-fixture.ts', "export { CartService } from '../cart'\n")
    expect(problems).toHaveLength(1)
  })
})
