/**
 * The Office host is written against ExcelContext; production passes the real Excel.run. These declarations only
 * compile if Excel's own types are assignable to ours, so `tsc` (and ts-jest) fail when the interface drifts.
 */
import type { ExcelContext, ExcelRun } from "../../../src/hosts/office/excel-api";

type Assignable<To, From extends To> = From;

describe("the Excel API subset", () => {
  it("accepts the real Excel.RequestContext and Excel.run", () => {
    const acceptsContext = (context: ExcelContext): ExcelContext => context;
    const useRealContext = (context: Excel.RequestContext): ExcelContext => acceptsContext(context);
    const realRun = (run: typeof Excel.run): ExcelRun => run;
    const proof: Assignable<ExcelContext, Excel.RequestContext> | undefined = undefined;
    expect([typeof useRealContext, typeof realRun, proof]).toEqual(["function", "function", undefined]);
  });
});
