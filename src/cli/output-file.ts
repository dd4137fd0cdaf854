/**
 * Writing the -o file: its kind by extension, and the user's files respected. An existing output keeps its
 * permissions; a read-only one is refused, as is an output that is one of the command's own inputs; a symlinked
 * output is followed, so the link stays a link and the file it points at is replaced. A failed write is an input
 * problem naming the file.
 */
import type { Stats } from "node:fs";
import fs from "node:fs/promises";
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

async function statOrUndefined(file: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw new InputError([`${file}:1:1: cannot look at the file: ${code ?? (error as Error).message}`]);
  }
}

interface OutputTarget {
  /** The file to replace: the output itself, or the file its symlink points at. */
  path: string;
  existing?: Stats;
}

/**
 * Where the output goes and what is there now; refuses a read-only file, a directory, a dangling symlink and any
 * of `inputs`. Call it before the work, so a refusal costs nothing, and again when writing.
 */
export async function checkOutput(file: string, inputs: (string | undefined)[] = []): Promise<OutputTarget> {
  const refuse = (why: string): never => {
    throw new InputError([`${file}:1:1: ${why}`]);
  };
  let target = file;
  const link = await fs.lstat(file).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    target = await fs
      .realpath(file)
      .catch(() => refuse("is a symlink to a file that does not exist: give -o the file it should point at"));
  }
  const existing = await statOrUndefined(target);
  if (existing?.isDirectory()) refuse("is a folder: give -o a file name");
  // Checked on the permission bits, not access(): root may write anywhere, but a read-only file says "keep me".
  if (existing && (existing.mode & 0o222) === 0) {
    refuse(
      "is read-only, so it is left as it is: choose another output file, or make this one writable first",
    );
  }
  if (existing) {
    for (const input of inputs) {
      if (input === undefined) continue;
      const read = await statOrUndefined(input);
      if (read && read.dev === existing.dev && read.ino === existing.ino) {
        refuse(`is the input ${input} itself: choose another output file, so the input is kept as it is`);
      }
    }
  }
  return { path: target, existing };
}

export async function writeOutput(
  file: string,
  data: Uint8Array | string,
  inputs: (string | undefined)[] = [],
): Promise<void> {
  const target = await checkOutput(file, inputs);
  try {
    await writeFileAtomic(target.path, data, {
      mode: target.existing === undefined ? undefined : target.existing.mode & 0o7777,
    });
  } catch (error) {
    throw new InputError([`${file}:1:1: cannot write the file: ${(error as Error).message}`]);
  }
}
