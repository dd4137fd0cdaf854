/**
 * The `career-matrix` command line: parses arguments, runs one command, and turns every failure into the exit
 * status and message the usage promises.
 */
import { parseArgs } from "node:util";
import { encodingArgument, levelArgument, scoreFormat } from "./arguments";
import type { CliContext } from "./context";
import { type Progress, progressReporter } from "./progress";
import { terminalText } from "./terminal-text";
import { InputError, USAGE, UsageError } from "./usage";
import { ExcelLimitError } from "../core/excel-limits";

type Parsed = ReturnType<typeof parseCommand>;

function parseCommand(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: "boolean", short: "h" },
        ratings: { type: "string" },
        encoding: { type: "string" },
        sheet: { type: "string" },
        baseline: { type: "string" },
        "other-ratings": { type: "string" },
        framework: { type: "string" },
        tracks: { type: "string" },
        format: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        output: { type: "string", short: "o" },
        into: { type: "string" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Options a command does not take are refused rather than silently ignored. */
function only(parsed: Parsed, command: string, allowed: string[]): void {
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value !== undefined && name !== "help" && !allowed.includes(name)) {
      throw new UsageError(`${command} does not take --${name}`);
    }
  }
  if (parsed.positionals.length > 1) {
    throw new UsageError(`unexpected argument "${parsed.positionals[1]}"`);
  }
}

function required(value: string | undefined, option: string, command: string): string {
  if (value === undefined || value === "") throw new UsageError(`${command} needs ${option}`);
  return value;
}

async function dispatch(parsed: Parsed, context: CliContext): Promise<void> {
  const [command] = parsed.positionals;
  const { values } = parsed;
  switch (command) {
    case "build":
      only(parsed, command, ["ratings", "encoding", "sheet", "framework", "tracks", "output", "into"]);
      // Commands load on demand: --help and usage errors answer at once, without ExcelJS.
      return (await import("./build-command")).buildCommand(
        {
          ratings: values.ratings,
          encoding: encodingArgument(values.encoding),
          sheet: values.sheet,
          framework: values.framework,
          tracks: values.tracks
            ?.split(",")
            .map((id) => id.trim())
            .filter((id) => id !== ""),
          output: values.output,
          into: values.into,
        },
        context,
      );
    case "score":
      only(parsed, command, ["ratings", "encoding", "sheet", "framework", "format", "into"]);
      return (await import("./score-command")).scoreCommand(
        {
          ratings: values.ratings,
          encoding: encodingArgument(values.encoding),
          sheet: values.sheet,
          into: values.into,
          framework: values.framework,
          format: scoreFormat(values.format),
        },
        context,
      );
    case "calibrate":
      only(parsed, command, ["ratings", "baseline", "other-ratings", "framework", "format"]);
      return (await import("./calibrate-command")).calibrateCommand(
        {
          ratings: required(values.ratings, "--ratings FILE", command),
          baseline: values.baseline,
          otherRatings: values["other-ratings"],
          framework: values.framework,
          format: scoreFormat(values.format),
        },
        context,
      );
    case "compare":
      only(parsed, command, ["from", "to", "framework", "output"]);
      return (await import("./compare-command")).compareCommand(
        {
          from: levelArgument(required(values.from, "--from TRACK:LEVEL", command), "--from"),
          to: levelArgument(required(values.to, "--to TRACK:LEVEL", command), "--to"),
          framework: values.framework,
          output: values.output,
        },
        context,
      );
    case "framework": {
      const { from, output, framework } = values;
      const taken = ["from", "output", "framework", "help"];
      return (await import("./framework-command")).frameworkCommand(
        parsed.positionals.slice(1),
        {
          from,
          output,
          framework,
          others: Object.entries(values).flatMap(([name, value]) =>
            value === undefined || taken.includes(name) ? [] : [name],
          ),
        },
        context,
      );
    }
    case undefined:
      throw new UsageError("no command given");
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Runs the command line; resolves to the exit status. */
export async function main(argv: string[], context: CliContext): Promise<number> {
  try {
    const parsed = parseCommand(argv);
    if (parsed.values.help) {
      context.stdout(USAGE);
      return 0;
    }
    await dispatch(parsed, context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      context.stderr(`career-matrix: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      for (const line of error.lines) context.stderr(`${line}\n`);
      return 1;
    }
    if (error instanceof ExcelLimitError) {
      context.stderr(`career-matrix: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Each line of what goes to the terminal made safe to show (see terminal-text.ts). */
function safeLines(text: string): string {
  return text.split("\n").map(terminalText).join("\n");
}

/** Where a run's output goes: standard output as written, standard error made safe to show. */
export interface CliStreams {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Everything a run of `career-matrix` does but the process's own wiring: runs the command on these streams and
 * resolves to the exit status, a failure no usage covers said on standard error with exit status 1.
 */
export async function runOn(argv: string[], streams: CliStreams, progress: Progress): Promise<number> {
  const context: CliContext = {
    stdout: (text) => streams.stdout(text),
    stderr: (text) => streams.stderr(safeLines(text)),
    progress,
  };
  try {
    return await main(argv, context);
  } catch (error) {
    // A bug or a host failure, not something the user typed: say so plainly, with the detail for a report.
    context.stderr(`career-matrix: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
}

/**
 * Standard output closed early (`| head -1`) ends the run quietly, as for any Unix tool; any other write error
 * (`> /dev/full`) is said and exits 1, instead of an unhandled 'error' event.
 */
function watchStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`career-matrix: cannot write the output: ${error.code ?? error.message}\n`);
    process.exit(1);
  });
}

/** Entry point of bin/career-matrix.js. */
export function run(): void {
  watchStdout();
  const streams: CliStreams = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
  void runOn(process.argv.slice(2), streams, progressReporter(process.stderr)).then((code) => {
    process.exitCode = code;
  });
}
