// A plain RFC 4180 reader for the bench tests' own counts, independent of every engine.

/** RFC 4180 records of `text` (quoted fields may hold commas, doubled quotes and line breaks). */
export function records(text: string): string[][] {
  const out: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ',' && ch !== '\n')) {
      field += ch;
    } else {
      fields.push(field);
      field = '';
      if (ch === '\n') {
        out.push(fields);
        fields = [];
      }
    }
  }
  return out;
}
