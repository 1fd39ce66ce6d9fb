// Articles for the library benchmark, built from the Reuters and SaudiNewsNet fixtures: each
// one a fixture body with part of another appended and a number of its own, so no two are the
// same text and each adds a few words of its own to the index (as real articles do). The
// function is self-contained: it is sent to the app's page as source text.

export function libraryArticles(fixtures, from, to) {
  const places = ['Baghdad', 'Tehran', 'Riyadh', 'Kuwait City', 'Ankara', 'Cairo', 'Damascus', 'Beirut', 'Manama', 'Doha', 'Amman', 'Algiers']
  const outlets = ['Reuters', 'AFP', 'AP', 'Al Jazeera', 'Asharq Al-Awsat', 'The National', 'Gulf News', 'Arab News']
  const hex = (n) => n.toString(16).padStart(12, '0')
  const articles = []
  const { reuters, arabic } = fixtures
  for (let index = from; index < to; index++) {
    const arabicRow = index % 4 === 3 && arabic.length > 0
    const row = arabicRow ? arabic[index % arabic.length] : reuters[index % reuters.length]
    const extra = arabicRow ? arabic[(index * 7 + 3) % arabic.length] : reuters[(index * 13 + 5) % reuters.length]
    const body = arabicRow
      ? `${row.body}\n\n${extra.body.slice(0, 600)}\n\nرقم ${index}`
      : `${places[index % places.length]}, dispatch ${index} -\n\n${row.body}\n\n${extra.body.slice(0, 700)}`
    const year = 1987 + (index % 38)
    const date = `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`
    const stamp = `2025-01-01T00:00:00.${String(index % 1000).padStart(3, '0')}Z`
    articles.push({
      id: `aaaaaaaa-${hex(index).slice(0, 4)}-4000-8000-${hex(index)}`,
      title: `${row.title} (${index})`,
      source: arabicRow ? row.source || 'SaudiNewsNet' : outlets[index % outlets.length],
      author: '',
      publishedAt: index % 97 === 0 ? '' : date,
      url: '',
      language: arabicRow ? 'ar' : 'en',
      direction: arabicRow ? 'rtl' : 'ltr',
      body,
      contentHash: `bench-${index}`,
      importedAt: '2025-01-01T00:00:00.000Z',
      origin: 'bench',
      meta: {},
      externalId: '',
      updatedAt: stamp,
    })
  }
  return articles
}
