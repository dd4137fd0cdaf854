import { readFileSync } from "fs";
import { join } from "path";
import { associateRibbonActions, type ActionRegistry } from "../../src/commands/ribbon";
import { projectRoot } from "../build/production-build";

type Handler = (event: Office.AddinCommands.Event) => void;

/** Office.actions as Excel provides it: remembers each button's handler. */
function fakeRegistry(): ActionRegistry & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return { handlers, associate: (id, handler) => void handlers.set(id, handler) };
}

/** A ribbon click's event; resolves once the handler calls completed(). */
function click(handler: Handler): Promise<void> {
  return new Promise((resolve) =>
    handler({ completed: () => resolve(), source: { id: "button" } } as Office.AddinCommands.Event),
  );
}

describe("ribbon commands", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Excel?: unknown }).Excel;
    jest.resetModules();
  });

  test("the commands page associates exactly the functions the manifest's buttons call", async () => {
    const manifest = readFileSync(join(projectRoot, "manifest.xml"), "utf8");
    const functionNames = [...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functionNames).toEqual(["refreshHeatmaps"]);

    const registry = fakeRegistry();
    let ready: Promise<void> = Promise.resolve();
    (globalThis as { Office?: unknown }).Office = {
      actions: registry,
      onReady: (callback: () => void) => (ready = Promise.resolve().then(callback)),
    };
    // Excel defines Excel beside Office; no button is clicked here, so no batch runs.
    (globalThis as { Excel?: unknown }).Excel = { run: () => Promise.reject(new Error("no batch expected")) };
    await import("../../src/commands/commands");
    await ready;
    expect([...registry.handlers.keys()].sort()).toEqual([...functionNames].sort());
  });

  test("the commands page loads without Office", async () => {
    await expect(import("../../src/commands/commands")).resolves.toBeDefined();
  });

  test("a button is released once its action finishes", async () => {
    const registry = fakeRegistry();
    const done: string[] = [];
    associateRibbonActions(registry, { refreshHeatmaps: async () => void done.push("refreshed") }, () => {});
    await click(registry.handlers.get("refreshHeatmaps")!);
    expect(done).toEqual(["refreshed"]);
  });

  test("a failing action is reported and its button still released", async () => {
    const registry = fakeRegistry();
    const errors: string[] = [];
    associateRibbonActions(
      registry,
      { refreshHeatmaps: () => Promise.reject(new Error("Ratings sheet not found")) },
      (id, error) => errors.push(`${id}: ${(error as Error).message}`),
    );
    await click(registry.handlers.get("refreshHeatmaps")!);
    expect(errors).toEqual(["refreshHeatmaps: Ratings sheet not found"]);
  });
});
