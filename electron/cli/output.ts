/**
 * What a command prints. With `--json` standard output carries exactly one
 * JSON document per command; otherwise it carries text for a person.
 * Warnings, notices and errors always go to standard error, so a script
 * that reads standard output never reads them.
 */
import type { Writable } from 'node:stream';

export interface OutputStreams {
  stdout: Writable;
  stderr: Writable;
}

export class Output {
  readonly json: boolean;
  readonly #streams: OutputStreams;

  constructor(json: boolean, streams: OutputStreams = process) {
    this.json = json;
    this.#streams = streams;
  }

  /** Prints the command's result: `document` with --json, else `text`. */
  result(document: unknown, text: () => string): void {
    if (this.json) {
      this.#streams.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return;
    }
    const body = text();
    if (body !== '')
      this.#streams.stdout.write(body.endsWith('\n') ? body : `${body}\n`);
  }

  /** Writes a line for the person at the terminal, never part of the result. */
  notice(line: string): void {
    this.#streams.stderr.write(`${line}\n`);
  }

  warning(line: string): void {
    this.#streams.stderr.write(`efactura: warning: ${line}\n`);
  }

  /** Reports a failure: one line on standard error, and the JSON document with --json. */
  error(code: string, message: string): void {
    this.#streams.stderr.write(`efactura: error: ${message}\n`);
    if (this.json) {
      this.#streams.stdout.write(
        `${JSON.stringify({ error: { code, message } }, null, 2)}\n`,
      );
    }
  }
}

/** Formats rows as left-aligned columns separated by two spaces. */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** Formats an ISO time as `YYYY-MM-DD HH:MM` UTC, or a dash when unknown. */
export function shortTime(iso: string | null): string {
  if (!iso) return '-';
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
