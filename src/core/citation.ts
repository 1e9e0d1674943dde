// How every reply cites a passage, in Discord and in the terminal alike.
import type { Citation } from '../domain/types.ts';

/** "Article title · Section · ¶N" (no section when there is none); `escape` makes each part safe for the medium. */
export function formatCitation(citation: Citation, escape: (part: string) => string = (part) => part): string {
  return [citation.articleTitle, citation.section, `¶${citation.paragraph}`]
    .filter((part): part is string => Boolean(part))
    .map(escape)
    .join(' · ');
}
