import { queryTerms } from '@domain/search';

/** A search counts at most this many of its terms to find the rarest. */
const MAX_QUERY_TERMS = 4;

/**
 * The indexed half of a text search: of the query's first few terms, the one fewest records hold
 * (counted by the store on the `words` index), or null when the query has no terms. The caller
 * then reads by that term and keeps what `containsText` accepts.
 */
export async function rarestTerm(text: string, count: (term: string) => Promise<number>): Promise<string | null> {
  const terms = queryTerms(text).slice(0, MAX_QUERY_TERMS);
  if (terms.length <= 1) return terms[0] ?? null;
  const counts = await Promise.all(terms.map(count));
  return terms[counts.indexOf(Math.min(...counts))]!;
}

const norm = (s: string): string => s.toLowerCase().normalize('NFKC');

/** The exact half: the text holds the query (case- and width-insensitive, as the terms are). */
export const containsText = (haystack: string, query: string): boolean => norm(haystack).includes(norm(query.trim()));
