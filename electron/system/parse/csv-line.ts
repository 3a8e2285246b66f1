/**
 * One CSV record as Windows tools write it (`tasklist /fo csv`): fields in double quotes, a quote inside
 * a field doubled. Unquoted fields are accepted too. No multi-line fields: tasklist never writes them.
 */
export const parseCsvLineByChar = (line: string): string[] => {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields;
};

const QUOTE = 34;

/**
 * tasklist writes every field quoted and (in practice) never a quote inside one: `"a","b","c"`. Such a
 * line is its fields split on `","`, with no per-character work. The shortcut is taken only when every
 * quote in the line is a field delimiter (two per field, none doubled), where it gives exactly what the
 * character loop gives (csv-line.test.ts checks that on any text); anything else goes through the loop.
 */
export const parseCsvLine = (line: string): string[] => {
  const length = line.length;
  if (length >= 2 && line.charCodeAt(0) === QUOTE && line.charCodeAt(length - 1) === QUOTE && !line.includes('""')) {
    const fields = line.slice(1, -1).split('","');
    let quotes = 0;
    for (let at = line.indexOf('"'); at !== -1; at = line.indexOf('"', at + 1)) quotes++;
    if (quotes === fields.length * 2) return fields;
  }
  return parseCsvLineByChar(line);
};
