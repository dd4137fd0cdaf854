/** Writing the -o file: its kind by extension, and a failed write as an input problem naming the file. */
import path from "node:path";
import { writeFileAtomic } from "./atomic-write";
import { InputError, UsageError } from "./usage";

export type OutputKind = "xlsx" | "csv";

export function outputKind(file: string, allowed: OutputKind[]): OutputKind {
  const extension = path.extname(file).toLowerCase().slice(1);
  const kind = allowed.find((k) => k === extension);
  if (!kind)
    throw new UsageError(`-o ${file}: the output must end in ${allowed.map((k) => `.${k}`).join(" or ")}`);
  return kind;
}

export async function writeOutput(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFileAtomic(file, data);
  } catch (error) {
    throw new InputError([`${file}:1:1: cannot write the file: ${(error as Error).message}`]);
  }
}
