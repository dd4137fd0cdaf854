/**
 * Writes an output file so that it is either complete or not there: the bytes go to a temporary file in the same
 * directory (same file system, so the rename is atomic), which replaces the target only once fully written. If
 * anything fails, the temporary file is removed and an existing file at the target is untouched. The caller passes
 * the replaced file's mode, so a private (600) output stays private.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

export interface AtomicWriteOptions {
  /** Permission bits of the file written (those of the file it replaces), instead of the umask's default. */
  mode?: number;
}

export async function writeFileAtomic(
  target: string,
  data: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, "wx");
    await handle.writeFile(data);
    if (options.mode !== undefined) await handle.chmod(options.mode);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
}
