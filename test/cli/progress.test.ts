import { progressReporter } from "../../src/cli/progress";

function stream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return Object.assign(Object.create(null), {
    isTTY,
    written,
    write: (text: string) => written.push(text) > 0,
  });
}

describe("progress on stderr", () => {
  it("is shown, with the time taken so far, when stderr is a terminal", () => {
    const terminal = stream(true);
    progressReporter(terminal)("scoring 2000 people");
    expect(terminal.written).toEqual([
      expect.stringMatching(/^career-matrix: scoring 2000 people \(\d+\.\d s\)\n$/),
    ]);
  });

  it("stays silent when stderr is a file or a pipe", () => {
    const pipe = stream(false);
    progressReporter(pipe)("scoring 2000 people");
    expect(pipe.written).toEqual([]);
  });
});
