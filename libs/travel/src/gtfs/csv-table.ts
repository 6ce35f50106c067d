/**
 * GTFS files are RFC 4180 CSV in UTF-8 (a byte-order mark allowed, CRLF or LF, quoted fields with
 * doubled quotes and line breaks). This reader walks the text once and hands each record to a
 * callback with the physical line it starts on, so a validation report can name file and line;
 * `stop_times.txt` of a state-wide feed has millions of lines, so records are not collected.
 */
export interface CsvTable {
  file: string;
  /** column names as written (trimmed) */
  header: string[];
  /** index of a column, −1 when the file lacks it */
  column(name: string): number;
  /** lines after the header: a record count for progress bars (exact unless fields hold line breaks) */
  lineCount(): number;
  /** calls back for every data record; `fields` is reused between calls — copy what you keep */
  forEach(callback: (fields: string[], line: number) => void): void;
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

export function csvTable(file: string, bytes: Uint8Array): CsvTable {
  const text = new TextDecoder('utf-8').decode(bytes); // strips a leading BOM
  let header: string[] = [];
  let bodyStart = 0;
  let headerLines = 1;
  scan(text, 0, (fields, _line, next) => {
    header = fields.map((f) => f.trim());
    bodyStart = next;
    return false;
  });
  headerLines = countLines(text, 0, bodyStart);
  const index = new Map(header.map((h, i) => [h, i]));
  return {
    file,
    header,
    column: (name) => index.get(name) ?? -1,
    lineCount: () => countLines(text, bodyStart, text.length) + (text.length > bodyStart && text.charCodeAt(text.length - 1) !== LF ? 1 : 0),
    forEach(callback) {
      scan(text, bodyStart, (fields, line) => {
        if (fields.length === 1 && fields[0] === '') return true; // blank line
        callback(fields, line + headerLines);
        return true;
      });
    },
  };
}

function countLines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === LF) n++;
  return n;
}

/**
 * Calls `record` for each record from `start`; `line` counts from 1 at `start`. `record` returns
 * false to stop, and gets the offset after the record.
 */
function scan(text: string, start: number, record: (fields: string[], line: number, next: number) => boolean): void {
  const fields: string[] = [];
  const n = text.length;
  let i = start;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    fields.length = 0;
    for (;;) {
      // one field
      if (i < n && text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = ++i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            value += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) === LF) line++;
        // anything between the closing quote and the delimiter is kept (lenient, as most readers)
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          end++;
        }
        fields.push(end > i ? value + text.slice(i, end) : value);
        i = end;
      } else {
        let end = i;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === LF || c === CR) break;
          end++;
        }
        fields.push(text.slice(i, end));
        i = end;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === COMMA) {
        i++;
        continue;
      }
      // end of record
      if (c === CR) i++;
      if (i < n && text.charCodeAt(i) === LF) i++;
      line++;
      break;
    }
    if (!record(fields, recordLine, i)) return;
  }
}
