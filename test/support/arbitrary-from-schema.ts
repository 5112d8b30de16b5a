import fc from 'fast-check'
import { z } from 'zod'

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  pattern?: string
  minimum?: number
  maximum?: number
  minLength?: number
  maxLength?: number
  minItems?: number
  maxItems?: number
  format?: string
  /** A schema's `.meta({ examples })`: valid values that random ones would hardly hit (a SIREN's check digit). */
  examples?: unknown[]
}

const SMALL_ITEMS = 4

/**
 * Strings the domain reads (an expiry, a day, a name, a code): a schema that parses its string (a
 * card expiry "MM/YY") would refuse almost every random string, and its handler would never run.
 * No card number: one typed into a customer's name would be a leak the tests wrote themselves.
 */
const DOMAIN_STRINGS = ['12/30', '01/27', '2026-12-07', 'Camille Martin', 'BIENVENUE10', 'FR-0001']

function plainString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = Math.min(schema.maxLength ?? 40, 40)
  const fitting = DOMAIN_STRINGS.filter((text) => text.length >= minLength && text.length <= (schema.maxLength ?? Infinity))
  const random = fc.string({ minLength, maxLength })
  if (fitting.length === 0) return random
  return fc.oneof({ weight: 3, arbitrary: random }, { weight: 1, arbitrary: fc.constantFrom(...fitting) })
}

function fromJsonSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.examples && schema.examples.length > 0) {
    const { examples, ...rest } = schema
    return fc.oneof(fc.constantFrom(...examples), fromJsonSchema(rest))
  }
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return fc.oneof(...alternatives.map(fromJsonSchema))
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => fromJsonSchema({ ...schema, type })))
  }
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({
        min: Math.max(schema.minimum ?? -1_000_000, Number.MIN_SAFE_INTEGER),
        max: Math.min(schema.maximum ?? 1_000_000, Number.MAX_SAFE_INTEGER),
      })
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true })
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern))
      if (schema.format === 'email') return fc.emailAddress()
      return plainString(schema)
    case 'array':
      return fc.array(schema.items ? fromJsonSchema(schema.items) : fc.anything(), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? SMALL_ITEMS, SMALL_ITEMS),
      })
    case 'object': {
      const required = new Set(schema.required ?? [])
      const properties = Object.entries(schema.properties ?? {})
      const record: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [key, value] of properties) record[key] = fromJsonSchema(value)
      return fc.record(record, { requiredKeys: properties.map(([key]) => key).filter((key) => required.has(key)) })
    }
    default:
      return fc.jsonValue()
  }
}

/**
 * Inputs shaped like a call's schema (so that they get past validation and exercise the handler)
 * mixed with mutants (a key removed, a value of the wrong type, an unknown key) and random JSON.
 */
export function arbitraryCallInput(schema: z.ZodType): fc.Arbitrary<unknown> {
  const shaped = fromJsonSchema(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
  const mutated = fc.tuple(shaped, fc.string({ maxLength: 12 }), fc.jsonValue()).map(([value, key, junk]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) }
    const keys = Object.keys(copy)
    if (keys.length > 0 && key.length % 2 === 0) copy[keys[key.length % keys.length]!] = junk
    else copy[key] = junk
    return copy
  })
  return fc.oneof(
    { weight: 5, arbitrary: shaped },
    { weight: 3, arbitrary: mutated },
    { weight: 2, arbitrary: fc.jsonValue() },
    { weight: 1, arbitrary: fc.constantFrom(undefined, null, '', 0, [], 'DROP TABLE products', '__proto__') },
  )
}
