/**
 * The Office host against the in-memory workbook: syncs and request sizes of writing and reading a ratings-like
 * sheet (60 columns) at 25, 500 and 5,000 people, and the wall time of the 5,000-person run. Request sizes are the
 * JSON of the queued operations, the figure Excel on the web limits to 5 MB. A heatmap-like sheet shows what filling
 * formula columns down saves.
 */
import { MemoryWorkbook } from "../src/hosts/memory";
import { OfficeHost } from "../src/hosts/office/office-host";
import { filledSpec, ratingsLikeSpec, textSpec } from "../test/hosts/office/fixtures";
import { report } from "./dashboard";

const KB = 1024;

interface Row {
  case: string;
  syncs: number;
  totalKB: string;
  maxRequestKB: string;
  maxResponseKB: string;
  ms: string;
}

function measure(book: MemoryWorkbook, label: string, started: number): Row {
  const row: Row = {
    case: label,
    syncs: book.syncCount,
    totalKB: (book.totalRequestBytes / KB).toFixed(1),
    maxRequestKB: (book.maxRequestBytes / KB).toFixed(1),
    maxResponseKB: (book.requests.reduce((m, r) => Math.max(m, r.responseBytes), 0) / KB).toFixed(1),
    ms: (performance.now() - started).toFixed(0),
  };
  book.resetCounters();
  return row;
}

export async function run(): Promise<void> {
  const rows: Row[] = [];
  for (const people of [25, 500, 5000]) {
    const book = new MemoryWorkbook();
    const host = new OfficeHost(book.run);
    const spec = ratingsLikeSpec(people);

    let started = performance.now();
    await host.writeSheets([spec]);
    rows.push(measure(book, `write ${people} x 60 (new sheet)`, started));

    started = performance.now();
    await host.writeSheets([spec]);
    rows.push(measure(book, `write ${people} x 60 (replace)`, started));

    started = performance.now();
    await host.readSheets([spec.key]);
    rows.push(measure(book, `read ${people} x 60`, started));

    started = performance.now();
    await new OfficeHost(book.run).readSheets([spec.key]);
    rows.push(measure(book, `read ${people} x 60 (fresh host)`, started));
  }
  const book = new MemoryWorkbook();
  let started = performance.now();
  await new OfficeHost(book.run).writeSheets([textSpec(5000)]);
  rows.push(measure(book, "write 5000 x 60 text cells", started));
  // Formula columns that repeat one relative formula are written once and filled down.
  for (const people of [25, 500, 5000]) {
    started = performance.now();
    await new OfficeHost(book.run).writeSheets([filledSpec(people)]);
    rows.push(measure(book, `write ${people} x 5 with 2 filled formula columns`, started));
  }

  console.log(
    "Office host over the in-memory workbook (KB = 1,024 bytes; Excel on the web refuses > 5,120 KB)",
  );
  console.table(rows);
  report({
    figure: "Office host: largest request, any case",
    unit: "KB",
    now: Math.max(...rows.map((r) => Number(r.maxRequestKB))),
    goal: 5 * KB,
  });
  console.log(
    `Wall time of the 5,000-person write (new sheet): ${rows[8].ms} ms; replace: ${rows[9].ms} ms; read: ${rows[10].ms} ms.`,
  );
}
