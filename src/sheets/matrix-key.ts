/** How a track's matrix sheet is keyed by its ownership marker: `matrix:<track id>`. */
import type { TrackId } from "../core/framework";

export const MATRIX_KEY_PREFIX = "matrix:";

export function matrixKey(trackId: TrackId): string {
  return `${MATRIX_KEY_PREFIX}${trackId}`;
}

export function isMatrixKey(key: string): boolean {
  return key.startsWith(MATRIX_KEY_PREFIX);
}

export function trackOfKey(key: string): TrackId {
  return key.slice(MATRIX_KEY_PREFIX.length);
}
