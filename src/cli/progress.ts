/** Progress on stderr for people watching a terminal; silent when stderr is a file or a pipe, so logs stay clean. */
export type Progress = (message: string) => void;

export function progressReporter(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return () => undefined;
  const start = Date.now();
  return (message) => {
    const seconds = ((Date.now() - start) / 1000).toFixed(1);
    stream.write(`career-matrix: ${message} (${seconds} s)\n`);
  };
}
