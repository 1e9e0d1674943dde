// HTML built by a tagged template that escapes every interpolated value unless it is marked as markup.
// Everything a user typed reaches the page through here as text: a question such as
// `<img src=x onerror=alert(1)>` is printed as those characters, never parsed as a tag. Written here rather
// than taken from a template engine: the whole need is this escape and a marker type, and a dozen lines
// that any reviewer can check beat an engine whose auto-escaping has to be configured right.

/** Markup that is already safe: built by `html` or by a trusted renderer (the chart's SVG). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: safe both between tags and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = string | number | null | undefined | boolean | Markup | Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return '';
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<td>${question}</td>\``: strings and numbers are escaped, Markup and arrays of Markup are kept. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Markup(out);
}

/** Marks a string produced by a trusted renderer as markup. Never for anything a user typed. */
export function trusted(markup: string): Markup {
  return new Markup(markup);
}
