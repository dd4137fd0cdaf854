/** The career matrix as the workbook has it: the bundled one, with each track's matrix sheet read back over it. */
import type { TrackId } from "../core/framework";
import type { CareerMatrix } from "../core/matrix";
import type { Problem } from "../core/types";
import { type MatrixChange, readMatrixSheet } from "../sheets/matrix-read";
import { isMatrixKey, trackOfKey } from "../sheets/matrix-key";
import type { SheetRead } from "./host";

export { isMatrixKey, trackOfKey };

export interface TrackEdits {
  track: TrackId;
  /** Tab name of the matrix sheet. */
  sheet: string;
  changes: MatrixChange[];
  problems: Problem[];
}

export interface EditedMatrix {
  matrix: CareerMatrix;
  edits: TrackEdits[];
  problems: Problem[];
}

/** Substitutes every track whose matrix sheet was read; a sheet for a track the framework lacks is ignored. */
export function editedMatrix(base: CareerMatrix, reads: SheetRead[]): EditedMatrix {
  const edits: TrackEdits[] = [];
  const tracks = base.tracks.map((track) => {
    const read = reads.find((r) => isMatrixKey(r.key) && trackOfKey(r.key) === track.id);
    if (!read) return track;
    const result = readMatrixSheet(read.values, base, track.id, read.name);
    edits.push({ track: track.id, sheet: read.name, changes: result.changes, problems: result.problems });
    return result.track;
  });
  return { matrix: { ...base, tracks }, edits, problems: edits.flatMap((e) => e.problems) };
}
