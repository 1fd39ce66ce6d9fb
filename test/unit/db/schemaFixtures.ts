// Records exactly as each earlier schema version stored them. When a version is added to
// renderer/src/db/schema.ts, add what the previous one wrote here: the migration test then
// proves that data written by every older release still opens, complete, in the newest one.

export interface VersionFixture {
  /** Raw records per table, in that version's shape. */
  tables: Record<string, Record<string, unknown>[]>
}

export const FIXTURES_BY_VERSION: Record<number, VersionFixture> = {
  1: {
    tables: {
      articles: [
        {
          id: 'a1',
          title: 'Militias pause attacks',
          source: 'World Israel News',
          author: 'Staff',
          publishedAt: '2024-12-23',
          url: '',
          language: 'en',
          direction: 'ltr',
          body: 'The resistance will stop military operations against Israel.',
          contentHash: 'h1',
          importedAt: '2025-01-02T10:00:00.000Z',
          origin: 'file:seed.txt',
        },
        {
          id: 'a2',
          title: 'مقال',
          source: 'aawsat',
          author: '',
          publishedAt: '',
          url: 'http://example.org/مقال',
          language: 'ar',
          direction: 'rtl',
          body: 'نص عربي، مع فاصلة.',
          contentHash: 'h2',
          importedAt: '2025-01-03T10:00:00.000Z',
          origin: 'csv:saudi.csv#2',
        },
      ],
      actors: [{ id: 'p1', name: 'Al-Nujaba Movement', kind: 'armed group', aliases: ['Nujaba', 'al-Nujaba'], notes: '' }],
      issues: [{ id: 'i1', label: 'Attacks on Israel', description: '' }],
      claims: [
        {
          id: 'c1',
          articleId: 'a1',
          actorId: 'p1',
          issueId: 'i1',
          stance: -1,
          date: '2024-12-23',
          note: 'strategic pause',
          anchor: { exact: 'will stop military operations against Israel', prefix: 'The resistance ', suffix: '.', start: 15, end: 60 },
          createdAt: '2025-01-02T11:00:00.000Z',
        },
      ],
      mentions: [
        {
          id: 'm1',
          articleId: 'a1',
          actorId: 'p1',
          anchor: { exact: 'The resistance', prefix: '', suffix: ' will', start: 0, end: 14 },
          createdAt: '2025-01-02T11:01:00.000Z',
        },
      ],
    },
  },
  2: {
    tables: {
      articles: [
        {
          id: 'a1',
          title: 'Militias pause attacks',
          source: 'World Israel News',
          author: 'Staff',
          publishedAt: '2024-12-23',
          url: '',
          language: 'en',
          direction: 'ltr',
          body: 'The resistance will stop military operations against Israel, Sudani said.',
          contentHash: 'h1',
          importedAt: '2025-01-02T10:00:00.000Z',
          origin: 'file:seed.txt',
          meta: {},
          updatedAt: '2025-01-02T10:00:00.000Z',
        },
        {
          id: 'a2',
          title: 'مقال',
          source: 'aawsat',
          author: '',
          publishedAt: '',
          url: 'http://example.org/مقال',
          language: 'ar',
          direction: 'rtl',
          body: 'نص عربي، مع فاصلة.',
          contentHash: 'h2',
          importedAt: '2025-01-03T10:00:00.000Z',
          origin: 'csv:saudi.csv#2',
          meta: { section: 'Politics' },
          updatedAt: '2025-01-04T09:00:00.000Z',
        },
      ],
      actors: [
        { id: 'p1', name: 'Al-Nujaba Movement', kind: 'armed group', aliases: ['Nujaba', 'al-Nujaba'], notes: '', createdAt: '2025-01-02T10:30:00.000Z', updatedAt: '2025-01-02T10:30:00.000Z' },
        { id: 'p2', name: 'Mohammed Shia al-Sudani', kind: 'person', aliases: ['Sudani'], notes: 'Prime minister', createdAt: '2025-01-02T10:31:00.000Z', updatedAt: '2025-01-05T08:00:00.000Z' },
      ],
      issues: [
        { id: 'i0', label: 'Regional conflict', description: '', parentId: null, createdAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-01-02T10:00:00.000Z' },
        { id: 'i1', label: 'Attacks on Israel', description: 'Whether armed groups should attack Israel.', parentId: null, createdAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-01-02T10:00:00.000Z' },
        { id: 'i2', label: 'Ceasefire', description: '', parentId: 'i0', createdAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-01-02T10:00:00.000Z' },
      ],
      claims: [
        {
          id: 'c1',
          articleId: 'a1',
          actorId: 'p1',
          issueId: 'i1',
          stance: -1,
          date: '2024-12-23',
          addresseeId: null,
          note: 'strategic pause',
          anchor: { exact: 'will stop military operations against Israel', prefix: 'The resistance ', suffix: ', Sudani said.', start: 15, end: 59 },
          createdAt: '2025-01-02T11:00:00.000Z',
          updatedAt: '2025-01-02T11:00:00.000Z',
        },
        {
          id: 'c2',
          articleId: 'a1',
          actorId: 'p1',
          issueId: 'i2',
          stance: 2,
          date: '',
          addresseeId: 'p2',
          note: '',
          anchor: { exact: 'will stop', prefix: 'The resistance ', suffix: ' military', start: 15, end: 24 },
          createdAt: '2025-01-02T11:05:00.000Z',
          updatedAt: '2025-01-03T12:00:00.000Z',
        },
      ],
      mentions: [
        {
          id: 'm1',
          articleId: 'a1',
          actorId: 'p2',
          anchor: { exact: 'Sudani', prefix: 'against Israel, ', suffix: ' said.', start: 61, end: 67 },
          createdAt: '2025-01-02T11:01:00.000Z',
          updatedAt: '2025-01-02T11:01:00.000Z',
        },
      ],
      settings: [
        { key: 'export.bom', value: true },
        { key: 'positions.view', value: { bucketSize: 'quarter', mode: 'actor' } },
      ],
    },
  },
}
