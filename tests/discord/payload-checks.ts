// Shared checks for Discord payloads: every documented limit, and a small reader of the markdown subset the
// renderer emits (escapes, **bold**, __underline__) to compare what users see with the article text.
import type { APIEmbed, APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { expect } from 'vitest';

const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  rows: 5,
  buttons: 5,
  customId: 100,
  label: 80,
};

function embedTotal(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Lists every limit the payload breaks (empty when it is valid), so a failing property shows all of them. */
export function limitViolations(data: Partial<APIInteractionResponseCallbackData>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(JSON.stringify(data.allowed_mentions) === JSON.stringify({ parse: [] }), `allowed_mentions ${JSON.stringify(data.allowed_mentions)}`);
  if (data.content !== undefined && data.content !== null) check(data.content.length <= LIMITS.content, `content ${data.content.length}`);
  const embeds = data.embeds ?? [];
  check(embeds.length <= LIMITS.embeds, `embeds ${embeds.length}`);
  let total = 0;
  for (const e of embeds) {
    total += embedTotal(e);
    if (e.title !== undefined) check(e.title.length > 0 && e.title.length <= LIMITS.title, `title ${e.title.length}`);
    if (e.description !== undefined) check(e.description.length > 0 && e.description.length <= LIMITS.description, `description ${e.description.length}`);
    if (e.footer) check(e.footer.text.length > 0 && e.footer.text.length <= LIMITS.footer, `footer ${e.footer.text.length}`);
    if (e.author) check(e.author.name.length <= LIMITS.author, `author ${e.author.name.length}`);
    const fields = e.fields ?? [];
    check(fields.length <= LIMITS.fields, `fields ${fields.length}`);
    for (const f of fields) {
      check(f.name.length > 0 && f.name.length <= LIMITS.fieldName, `field name ${f.name.length}`);
      check(f.value.length > 0 && f.value.length <= LIMITS.fieldValue, `field value ${f.value.length}`);
    }
  }
  check(total <= LIMITS.total, `embed total ${total}`);
  const rows = data.components ?? [];
  check(rows.length <= LIMITS.rows, `rows ${rows.length}`);
  for (const row of rows) {
    if (!('components' in row)) continue;
    check(row.components.length <= LIMITS.buttons, `buttons ${row.components.length}`);
    for (const c of row.components) {
      if ('custom_id' in c) check(c.custom_id.length <= LIMITS.customId, `custom_id ${c.custom_id.length}`);
      if ('label' in c && c.label !== undefined) check(c.label.length <= LIMITS.label, `label ${c.label.length}`);
    }
  }
  return problems;
}

export function expectWithinLimits(data: Partial<APIInteractionResponseCallbackData>): void {
  expect(limitViolations(data)).toEqual([]);
}

export interface ReadMarkdown {
  /** The text a reader sees: markers removed, escapes resolved. */
  text: string;
  /** The text inside **…**. */
  bold: string[];
  /** The text inside __…__. */
  underlined: string[];
  /** Whether every ** and __ is closed. */
  balanced: boolean;
}

/** Reads the markdown subset the renderer emits, the way Discord does: an escape wins over a marker. */
export function readMarkdown(markdown: string): ReadMarkdown {
  let text = '';
  const bold: string[] = [];
  const underlined: string[] = [];
  let inBold: number | null = null;
  let inUnderline: number | null = null;
  let inUrl = false;
  for (let i = 0; i < markdown.length; ) {
    const two = markdown.slice(i, i + 2);
    // Discord autolinks a URL up to the next whitespace: markers inside it are literal text.
    if (!inUrl && /^https?:\/\//.test(markdown.slice(i, i + 8))) inUrl = true;
    else if (inUrl && /\s/.test(markdown[i]!)) inUrl = false;
    if (markdown[i] === '\\' && i + 1 < markdown.length && /[^\p{L}\p{N}\s]/u.test(markdown[i + 1]!)) {
      text += markdown[i + 1];
      i += 2;
    } else if (inUrl) {
      text += markdown[i];
      i += 1;
    } else if (two === '**') {
      if (inBold === null) inBold = text.length;
      else {
        bold.push(text.slice(inBold));
        inBold = null;
      }
      i += 2;
    } else if (two === '__') {
      if (inUnderline === null) inUnderline = text.length;
      else {
        underlined.push(text.slice(inUnderline));
        inUnderline = null;
      }
      i += 2;
    } else {
      text += markdown[i];
      i += 1;
    }
  }
  return { text, bold, underlined, balanced: inBold === null && inUnderline === null };
}

/** The custom_ids of every button in a payload, in order. */
export function customIds(data: { components?: readonly unknown[] | null }): string[] {
  const ids: string[] = [];
  for (const row of data.components ?? []) {
    for (const component of (row as { components?: unknown[] }).components ?? []) {
      const id = (component as { custom_id?: unknown }).custom_id;
      if (typeof id === 'string') ids.push(id);
    }
  }
  return ids;
}
