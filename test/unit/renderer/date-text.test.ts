import { describe, expect, it } from 'vitest'
import { dayToText, textToDay } from '@renderer/back-office/date-text'

describe('a date field writes and reads dates in the interface’s language, not the browser’s', () => {
  it('French: day first, dd/mm/yyyy', () => {
    expect(dayToText('2026-12-08', 'fr')).toBe('08/12/2026')
    expect(textToDay('08/12/2026', 'fr')).toBe('2026-12-08')
    expect(textToDay('8/12/2026', 'fr')).toBe('2026-12-08')
    expect(textToDay('08.12.2026', 'fr')).toBe('2026-12-08')
    expect(textToDay('2026-12-08', 'fr')).toBe('2026-12-08')
  })

  it('English: the ISO form', () => {
    expect(dayToText('2026-12-08', 'en')).toBe('2026-12-08')
    expect(textToDay('2026-12-08', 'en')).toBe('2026-12-08')
    expect(textToDay('08/12/2026', 'en')).toBe('invalid')
  })

  it('an empty field is no date; a day that does not exist is refused', () => {
    expect(textToDay('  ', 'fr')).toBeNull()
    expect(textToDay('31/02/2026', 'fr')).toBe('invalid')
    expect(textToDay('12/31/2026', 'fr')).toBe('invalid')
    expect(textToDay('demain', 'fr')).toBe('invalid')
    expect(dayToText('', 'fr')).toBe('')
  })
})
