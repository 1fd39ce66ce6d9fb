import type { Article } from '../model'

/** What a parser makes of one article: everything but the fields storage assigns (externalId: '' unless given). */
export type ParsedArticle = Omit<Article, 'id' | 'contentHash' | 'importedAt' | 'updatedAt' | 'externalId'> & { externalId?: string }

/** The article fields a collection column can fill. */
export const MAPPABLE_FIELDS = ['title', 'publishedAt', 'source', 'author', 'url', 'body'] as const
export type MappableField = (typeof MAPPABLE_FIELDS)[number]

export const FIELD_LABELS: Readonly<Record<MappableField, string>> = {
  title: 'Title',
  publishedAt: 'Date',
  source: 'Source',
  author: 'Author',
  url: 'URL',
  body: 'Body',
}

/** Which column fills which field; null leaves the field empty. Unmapped columns go to meta. */
export type ColumnMapping = Record<MappableField, string | null>

/** How to read day/month order in dates like 03/04/2024, decided per column. */
export type DateOrder = 'dmy' | 'mdy'

export interface MappingOptions {
  mapping: ColumnMapping
  /** Used when no column gives the source (a collection from one outlet). */
  defaultSource: string
  dateOrder: DateOrder
}

/** A row of a collection that could not become an article, with the reason. */
export interface RowRejection {
  /** 1-based record number as the user would count it (CSV: data row, header excluded). */
  row: number
  reason: string
}

/** A CSV or JSON collection, decoded and split into records, waiting for its column mapping. */
export interface Collection {
  format: 'csv' | 'json'
  /** Column names in file order (JSON: every key seen, nested keys as "source.name"). */
  columns: string[]
  records: Record<string, string>[]
  /** Each record's row number in the file (1-based, header excluded), for messages. */
  rowNumbers: number[]
  /** Records the reader could not split cleanly, reported but never imported. */
  rejectedRows: RowRejection[]
  /** Human description of the layout: "comma-separated", "JSON array under \"articles\"". */
  layout: string
}

/**
 * One document of a file that holds many (a news-database export): the article, or null with
 * the reason it was refused. Each imports or is refused on its own.
 */
export interface BatchEntry {
  /** What the summary calls it: "3. Headline of the article". */
  label: string
  article: ParsedArticle | null
  /** Why it was refused (without the label); '' when it was read. */
  reason: string
}

/** The message shown when a file is refused as a whole. */
export class ImportRejection extends Error {
  override name = 'ImportRejection'
}
