/**
 * Words for the indexed text search. Chinese has no spaces, so a text's terms are its character
 * bigrams (and each lone CJK character, so one-character searches work); runs of Latin letters and
 * digits are whole lower-cased words. A record stores `searchTerms(its text)`; a search for `q`
 * matches records holding every term of `searchTerms(q)`: an indexed lookup on the rarest term, then
 * an exact substring check on the few it returns. Bigrams make that check rarely fail.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const WORD = /[a-z0-9]+|[\u3400-\u9fff\uf900-\ufaff]+/g;
/** A record's terms are capped: enough for any real title and body, bounded index size. */
export const MAX_TERMS = 400;

export function searchTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of text.toLowerCase().normalize('NFKC').match(WORD) ?? []) {
    if (!CJK.test(run[0]!)) {
      terms.add(run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      terms.add(run[i]!);
      if (i + 1 < run.length) terms.add(run.slice(i, i + 2));
    }
  }
  return [...terms].slice(0, MAX_TERMS);
}

/** The terms a query needs: the longest ones (bigrams over single characters), which narrow most. */
export function queryTerms(query: string): string[] {
  const all = searchTerms(query);
  const bigrams = all.filter((t) => t.length > 1);
  return bigrams.length > 0 ? bigrams : all;
}
