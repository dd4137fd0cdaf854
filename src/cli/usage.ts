/** What `career-matrix --help` prints, and what a usage error prints after its message. */
export const USAGE = `Usage: career-matrix <command> [options]

Commands:
  build    [--ratings FILE.csv|FILE.xlsx [--encoding ENC|--sheet NAME]] [--framework FILE.json] [--tracks ID,ID] -o OUT.xlsx
           Build the career-matrix workbook: matrix, ratings, heatmaps, team summary and calibration.
           Without --ratings it uses the bundled sample team.
  build    --into BOOK.xlsx [--framework FILE.json] [--tracks ID,ID]
           Update a workbook in place: its matrix sheets (edits kept), Ratings sheet (ratings kept) and heatmaps;
           every other sheet, formula and name stays as it is.
  score    --ratings FILE [--encoding ENC|--sheet NAME] | --into BOOK.xlsx [--framework FILE.json] [--format table|json|csv]
           Readiness per person on stdout (default: table). A workbook is scored against its own matrix
           sheets as edited; --into also updates its heatmaps in place.
  compare  --from TRACK:LEVEL --to TRACK:LEVEL [--framework FILE.json] [-o OUT.xlsx|OUT.csv]
           Two levels side by side; a table of expectations on stdout when there is no -o
           (the CSV and the workbook also carry the expectations' text).
  calibrate --ratings FILE [--baseline FILE] [--other-ratings FILE] [--framework FILE.json]
           [--format table|json|csv]
           For a calibration session: each rater's effect (rater model), the 9-box counts, who would change
           status with rater-adjusted readiness and, with --baseline (the ratings before the session), what
           the session changed. --other-ratings: more ratings of the same people by other raters (self, peer,
           a second manager), same columns, used as direct evidence of rater effects.
           CSV: one table after another, a blank line between them.
  framework validate FILE.json
           Check a framework file; each problem is printed as FILE:$.path: message.
  framework export --from BOOK.xlsx [--framework FILE.json] -o OUT.json
           Save the workbook's matrix sheets, as edited, as a framework file.

Options:
  -h, --help   Show this help.

The ratings file has the header of the Ratings sheet: Person, Track, Level, Rater, Team, then one column per
competency (by id or name). CSV is separated by commas, semicolons or tabs (as its header row is), with quoted
fields. Its encoding is UTF-8 or UTF-16 when a byte-order mark says so, else UTF-8 when the bytes are valid UTF-8,
else Windows-1252 (Excel's "CSV" on Windows), and said on stderr when not UTF-8; --encoding ENC chooses utf-8,
utf-16le, utf-16be or windows-1252 instead. In a workbook, --sheet NAME picks the sheet; else the Ratings sheet,
else the first sheet with Person, Track and Level headers.

Exit status: 0 success, 1 input problems (printed as FILE:ROW:COLUMN: message), 2 usage errors.
`;

/** A mistake in the command line itself: exit 2 with the usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Input the user can fix (a file, a value): exit 1, each problem on its own line. */
export class InputError extends Error {
  readonly lines: string[];

  constructor(lines: string[]) {
    super(lines.join("\n"));
    this.name = "InputError";
    this.lines = lines;
  }
}
