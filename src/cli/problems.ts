/** Problems as compilers print them, so editors and terminals can jump to FILE:ROW:COLUMN. */
import type { Problem } from "../core/types";

export function problemLine(file: string, problem: Problem): string {
  const where = `${file}:${problem.row ?? 1}:${problem.column ?? 1}`;
  const label = problem.severity === "warning" ? "warning: " : "";
  return `${where}: ${label}${problem.message}`;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}
