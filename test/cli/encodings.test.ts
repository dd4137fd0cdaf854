/** Ratings files as Excel, Numbers and HR systems save them: each encoding and separator reads every name exactly. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sampleRatingsTable } from "../../src/cli/build-workbook";
import type { Cell } from "../../src/core/types";
import { bundledFramework, sampleTeam } from "../../src/data";
import { toCsv } from "../../src/export/csv";
import { windows1252 } from "./text-files";
import { runCli } from "./run-cli";

jest.setTimeout(120_000);

let dir: string;
const file = (name: string): string => path.join(dir, name);

const framework = bundledFramework();
/** The sample team's ratings as a manager exports them from the Ratings sheet. */
const table = sampleRatingsTable(framework, sampleTeam().people);
/** Windows-1252 has no ễ or 王: Excel would write "?" for those names, so the file holds the others. */
const latinTable = table.filter(
  (row, i) => i === 0 || [...String(row[0])].every((ch) => ch.charCodeAt(0) < 0x100),
);

/** Each person once, in the order of their first row: a person's self and peer rows follow the manager's. */
const peopleOf = (rows: Cell[][]): Cell[] => [...new Set(rows.slice(1).map((row) => row[0]))];

async function scoredNames(
  ratings: string,
  extra: string[] = [],
): Promise<{ names: string[]; stderr: string; status: number | null }> {
  const run = await runCli(["score", "--ratings", ratings, "--format", "json", ...extra], dir);
  const names = run.status === 0 ? (JSON.parse(run.stdout) as { person: string }[]).map((p) => p.person) : [];
  return { names, stderr: run.stderr, status: run.status };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cm-encodings-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("career-matrix score on ratings files in the encodings people have", () => {
  it('reads Excel\'s Windows "CSV (Comma delimited)" (Windows-1252) with every name as written, and says so', async () => {
    expect(latinTable.some((row) => row[0] === "Zoë O'Brien")).toBe(true);
    fs.writeFileSync(file("windows.csv"), windows1252(toCsv(latinTable, { bom: false })));
    const run = await scoredNames("windows.csv");
    expect(run.status).toBe(0);
    expect(run.names).toEqual(peopleOf(latinTable));
    expect(run.names).toContain("Zoë O'Brien");
    expect(run.stderr).toBe(
      "windows.csv: read as Windows-1252, since it is not valid UTF-8 (--encoding chooses another)\n",
    );
  });

  it('reads Excel\'s "Unicode Text" (UTF-16LE, tab-separated) with every name, non-Latin ones too', async () => {
    const text = table
      .map((row) => row.map((cell) => (cell === null ? "" : String(cell))).join("\t"))
      .join("\r\n");
    fs.writeFileSync(file("unicode.txt"), Buffer.from(`\uFEFF${text}\r\n`, "utf16le"));
    const run = await scoredNames("unicode.txt");
    expect(run.status).toBe(0);
    expect(run.names).toEqual(peopleOf(table));
    expect(run.names).toEqual(expect.arrayContaining(["Zoë O'Brien", "Nguyễn Văn An"]));
    expect(run.stderr).toBe(
      "unicode.txt: read as UTF-16LE, as its byte-order mark says (--encoding chooses another)\n",
    );
  });

  it("reads semicolon-separated UTF-8 without a note, and a typographic apostrophe in Windows-1252", async () => {
    fs.writeFileSync(file("europe.csv"), toCsv(table, { delimiter: ";" }));
    expect(await scoredNames("europe.csv")).toMatchObject({
      status: 0,
      stderr: "",
      names: peopleOf(table),
    });
    const curly = latinTable.map((row, i) => (i === 1 ? ["Zoë O’Brien", ...row.slice(1)] : row));
    fs.writeFileSync(file("curly.csv"), windows1252(toCsv(curly, { bom: false })));
    expect((await scoredNames("curly.csv")).names[0]).toBe("Zoë O’Brien");
  });

  it("refuses, with where and what to do, a file that is not in the --encoding given", async () => {
    const run = await runCli(["score", "--ratings", "windows.csv", "--encoding", "utf-8"], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      /^windows\.csv:2:3: cannot read as UTF-8: byte 0xEB is not UTF-8 text; save it again as "CSV UTF-8", or give --encoding windows-1252/,
    );
    expect(run.stderr).not.toContain("\uFFFD");
    expect(await scoredNames("windows.csv", ["--encoding", "cp1252"])).toMatchObject({
      status: 0,
      stderr: "",
    });
    expect(await runCli(["score", "--ratings", "windows.csv", "--encoding", "ebcdic"], dir)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining(
        '--encoding must be utf-8, utf-16le, utf-16be or windows-1252, not "ebcdic"',
      ),
    });
  });

  it("reads a framework file saved as UTF-16 by Notepad", async () => {
    fs.writeFileSync(file("framework.json"), Buffer.from(`\uFEFF${JSON.stringify(framework)}`, "utf16le"));
    const run = await runCli(
      ["score", "--ratings", "europe.csv", "--framework", "framework.json", "--format", "csv"],
      dir,
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });
});
