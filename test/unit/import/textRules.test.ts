import { describe, expect, it } from 'vitest'
import { bylineFromLine, parseByline } from '../../../renderer/src/domain/import/byline'
import { detectLanguage, resolveLanguage } from '../../../renderer/src/domain/import/language'
import { normaliseBody, titleFromBody, unwrapHardWrappedLines } from '../../../renderer/src/domain/import/normaliseText'

describe('normaliseBody', () => {
  it('normalises line ends, blank lines, trailing spaces and stray control codes', () => {
    expect(normaliseBody('\uFEFFFirst line  \r\nsame paragraph\r\n\r\n\r\n\r\nSecond\u0007 paragraph\t\n\n')).toBe('First line\nsame paragraph\n\nSecond paragraph')
    expect(normaliseBody('a\fb')).toBe('a\n\nb')
    // Zero-width non-joiner stays: Persian words need it.
    expect(normaliseBody('می\u200cخواهم')).toBe('می\u200cخواهم')
    expect(normaliseBody('e\u0301')).toBe('é')
  })

  it('joins newswire text wrapped at a fixed width back into paragraphs', () => {
    const wire = [
      'Secretary of State George',
      'Shultz acknowledged failings in the Iran arms affair but',
      'declared he would not resign.',
      '    His role in the scandal that has scarred the Reagan',
      'administration attracted harsh criticism from the Tower',
      'commission in its report on the affair published today.',
      ' Reuter',
    ].join('\n')
    expect(normaliseBody(wire)).toBe(
      'Secretary of State George Shultz acknowledged failings in the Iran arms affair but declared he would not resign.\n\n' +
        'His role in the scandal that has scarred the Reagan administration attracted harsh criticism from the Tower commission in its report on the affair published today.\n\n' +
        'Reuter',
    )
  })

  it('leaves text alone that is not hard-wrapped (one line per paragraph, short lines, lists)', () => {
    const prose = 'A long paragraph that runs on well past the width any wire service ever wrapped its copy at, because it is one line.\n\nAnother.'
    expect(unwrapHardWrappedLines(prose)).toBe(prose)
    const list = 'Demands:\n- a ceasefire\n- prisoner exchange\n- talks'
    expect(unwrapHardWrappedLines(list)).toBe(list)
  })
})

describe('titleFromBody', () => {
  it('takes the first sentence, cut at a word when long', () => {
    expect(titleFromBody('The militia said it would stop. Then more text.')).toBe('The militia said it would stop.')
    const long = titleFromBody('word '.repeat(60))
    expect(long.length).toBeLessThanOrEqual(121)
    expect(long.endsWith('…')).toBe(true)
  })
})

describe('bylines', () => {
  it('recognises "By …" lines and not prose that starts with "By"', () => {
    expect(bylineFromLine('By World Israel News Staff')).toBe('World Israel News Staff')
    expect(bylineFromLine('  BY: Jane Doe')).toBe('Jane Doe')
    expect(bylineFromLine('بقلم: محمد علي')).toBe('محمد علي')
    expect(bylineFromLine('By the time the talks opened, the militia had withdrawn.')).toBeNull()
    expect(bylineFromLine('Bystanders said')).toBeNull()
  })

  it('takes the outlet from a byline only when it names one', () => {
    expect(parseByline('World Israel News Staff')).toEqual({ author: 'World Israel News Staff', source: 'World Israel News' })
    expect(parseByline('By Times of Israel staff')).toEqual({ author: 'Times of Israel staff', source: 'Times of Israel' })
    expect(parseByline('Jane Doe, Reuters')).toEqual({ author: 'Jane Doe', source: 'Reuters' })
    expect(parseByline('Jane Doe for The Guardian')).toEqual({ author: 'Jane Doe', source: 'The Guardian' })
    expect(parseByline('Jane Doe (AFP)')).toEqual({ author: 'Jane Doe', source: 'AFP' })
    expect(parseByline('Jane Doe, John Smith')).toEqual({ author: 'Jane Doe, John Smith', source: '' })
    expect(parseByline('Our staff')).toEqual({ author: 'Our staff', source: '' })
  })
})

describe('language and direction', () => {
  it('detects Arabic, Persian, Urdu and Hebrew script as right-to-left', () => {
    expect(detectLanguage('قال وزير الخارجية السعودي عادل الجبير اليوم إن المملكة ترحب بأي اتفاق')).toEqual({ language: 'ar', direction: 'rtl' })
    expect(detectLanguage('وزیر امور خارجه گفت که ایران برای گفتگو آماده است و چنین پیشنهادی را می‌پذیرد')).toEqual({ language: 'fa', direction: 'rtl' })
    expect(detectLanguage('وزیر خارجہ نے کہا کہ پاکستان بات چیت کے لیے تیار ہے اور یہ پیشکش قبول کرے گا')).toEqual({ language: 'ur', direction: 'rtl' })
    expect(detectLanguage('שר החוץ אמר כי ישראל מוכנה לשיחות')).toEqual({ language: 'he', direction: 'rtl' })
    expect(detectLanguage('The minister said that the talks with the militia will resume on Monday in the capital.')).toEqual({ language: 'en', direction: 'ltr' })
    expect(detectLanguage('12345 ...')).toEqual({ language: '', direction: 'ltr' })
  })

  it('trusts a declared language unless the script contradicts it', () => {
    expect(resolveLanguage('The talks resumed.', { language: 'en_gb' })).toEqual({ language: 'en-GB', direction: 'ltr' })
    expect(resolveLanguage('قال الوزير إن المحادثات ستستأنف يوم الاثنين', { language: 'en' })).toEqual({ language: 'ar', direction: 'rtl' })
    expect(resolveLanguage('Texte court.', { language: 'fr', direction: null })).toEqual({ language: 'fr', direction: 'ltr' })
  })
})
