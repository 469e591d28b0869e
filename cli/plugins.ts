import type { Command } from "./io.ts";
/** stub */
export const pluginsCommand: Command = () => Promise.resolve(0);
