import { RUN_ID_VARIABLE } from "./build-once";

/** Names this jest run, so the builds its workers make are logged under it (see global-teardown.ts). */
export default function globalSetup(): void {
  process.env[RUN_ID_VARIABLE] ??= `${Date.now()}-${process.pid}`;
}
