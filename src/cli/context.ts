/** What a command needs from the process: where output and progress go. Kept apart so commands stay testable. */
import type { Problem } from "../core/types";
import { hasErrors, problemLine } from "./problems";
import type { Progress } from "./progress";
import { InputError } from "./usage";

export interface CliContext {
  stdout(text: string): void;
  stderr(text: string): void;
  progress: Progress;
}

/** Warnings go to stderr and the command goes on; any error stops it with every problem listed. */
export function reportProblems(file: string, problems: Problem[], context: CliContext): void {
  const lines = problems.map((problem) => problemLine(file, problem));
  if (hasErrors(problems)) throw new InputError(lines);
  for (const line of lines) context.stderr(`${line}\n`);
}
