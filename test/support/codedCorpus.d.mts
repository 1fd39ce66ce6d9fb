// Types for codedCorpus.mjs (plain JavaScript so Node scripts can run it).

export declare const CATEGORIES: [string, string[]][]
export declare function codebookRows(): string[][]
export declare function actorList(): { name: string; party: string }[]
export declare const VARIANT_SPELLINGS: { name: string; variant: string; rows: number }[]
export declare const CODERS: string[]
export declare const CLAIMS_HEADER: string[]
export declare function codedClaimRows(options?: { claims?: number; documents?: number }): string[][]
export declare function toCsv(rows: string[][]): string
export declare function codebookCsv(): string
export declare function codedClaimsCsv(options?: { claims?: number; documents?: number }): string
