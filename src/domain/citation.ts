import type { Citation, Passage } from './types.ts';

export function citationOf(p: Passage): Citation {
  return { articleId: p.articleId, articleTitle: p.articleTitle, section: p.section, paragraph: p.paragraph };
}
