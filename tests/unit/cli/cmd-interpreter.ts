/**
 * Runs a Windows batch file on Linux, for the few statements the efactura
 * launcher uses: `@echo off`, `rem`, `setlocal`, `set "NAME=VALUE"`,
 * `if [not] exist "PATH" goto LABEL`, `goto`, labels, `echo ... 1>&2`,
 * `exit /b N` and one program call. Any other statement throws, so a
 * launcher change that this model does not cover fails its test instead of
 * passing unchecked. Paths are Windows paths, compared without case as
 * Windows does.
 */
import path from 'node:path';

export interface BatchRun {
  /** The directory of the batch file, as `%~dp0` expands it (with its trailing backslash). */
  scriptDir: string;
  /** The arguments exactly as typed after the script's name, which `%*` expands to. */
  rawArguments: string;
  /** Environment variables of the calling process. */
  environment: Record<string, string>;
  /** Files that exist, as absolute Windows paths. */
  existingFiles: readonly string[];
  /** The exit code the called program returns. */
  programExitCode: number;
}

export interface ProgramCall {
  /** The program's path, normalised. */
  program: string;
  /** The first argument, normalised as a path. */
  firstArgument: string;
  /** Everything after the first argument, as cmd passes it on. */
  rest: string;
  /** The environment the program starts with, names in upper case. */
  environment: Record<string, string>;
}

export interface BatchResult {
  exitCode: number;
  calls: ProgramCall[];
  stderr: string[];
}

const QUOTED_TOKEN = /^"([^"]*)"\s*/;

function upperKeys(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name.toUpperCase(), value]),
  );
}

/** Expands %~dp0, %* and %NAME%; an undefined variable throws. */
function expand(
  text: string,
  run: BatchRun,
  variables: Record<string, string>,
): string {
  return text.replace(
    /%~dp0|%\*|%([A-Za-z_][A-Za-z0-9_]*)%/g,
    (match, name) => {
      if (match === '%~dp0') return run.scriptDir;
      if (match === '%*') return run.rawArguments;
      const value = variables[String(name).toUpperCase()];
      if (value === undefined) throw new Error(`%${name}% is not defined`);
      return value;
    },
  );
}

function exists(run: BatchRun, file: string): boolean {
  const target = path.win32.normalize(file).toLowerCase();
  return run.existingFiles.some(
    (existing) => path.win32.normalize(existing).toLowerCase() === target,
  );
}

function splitCall(line: string): ProgramCall {
  const program = QUOTED_TOKEN.exec(line);
  if (!program) throw new Error(`The program path is not quoted: ${line}`);
  const afterProgram = line.slice(program[0].length);
  const first = QUOTED_TOKEN.exec(afterProgram);
  if (!first) throw new Error(`The first argument is not quoted: ${line}`);
  return {
    program: path.win32.normalize(program[1] ?? ''),
    firstArgument: path.win32.normalize(first[1] ?? ''),
    rest: afterProgram.slice(first[0].length),
    environment: {},
  };
}

/** Runs `script` (CRLF or LF line ends) and returns its calls and exit code. */
export function runBatch(script: string, run: BatchRun): BatchResult {
  const lines = script.split(/\r?\n/);
  const labels = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.startsWith(':'))
      labels.set(line.slice(1).trim().toLowerCase(), index);
  });

  // cmd reads %ERRORLEVEL% as 0 until a program sets it.
  let variables: Record<string, string> = {
    ERRORLEVEL: '0',
    ...upperKeys(run.environment),
  };
  const result: BatchResult = { exitCode: 0, calls: [], stderr: [] };
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trim();
    const lower = line.toLowerCase();
    if (line === '' || line.startsWith(':') || lower.startsWith('rem '))
      continue;
    if (lower === '@echo off') continue;
    if (lower === 'setlocal') {
      variables = { ...variables };
      continue;
    }

    const set = /^set "([A-Za-z_][A-Za-z0-9_]*)=(.*)"$/i.exec(line);
    if (set) {
      variables[(set[1] ?? '').toUpperCase()] = expand(
        set[2] ?? '',
        run,
        variables,
      );
      continue;
    }

    const condition = /^if (not )?exist "([^"]+)" goto (\S+)$/i.exec(line);
    if (condition) {
      const found = exists(run, expand(condition[2] ?? '', run, variables));
      if (found !== Boolean(condition[1])) {
        const target = labels.get((condition[3] ?? '').toLowerCase());
        if (target === undefined) throw new Error(`No label ${condition[3]}`);
        index = target;
      }
      continue;
    }

    const echo = /^echo (.*) 1>&2$/i.exec(line);
    if (echo) {
      result.stderr.push(expand(echo[1] ?? '', run, variables));
      continue;
    }

    const exit = /^exit \/b (\S+)$/i.exec(line);
    if (exit) {
      result.exitCode = Number(expand(exit[1] ?? '', run, variables));
      return result;
    }

    if (line.startsWith('"')) {
      const call = splitCall(expand(line, run, variables));
      call.environment = { ...variables };
      result.calls.push(call);
      result.exitCode = run.programExitCode;
      variables.ERRORLEVEL = String(run.programExitCode);
      continue;
    }
    throw new Error(`The model does not cover this statement: ${line}`);
  }
  return result;
}
