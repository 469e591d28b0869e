import { groupCases } from "./cases_plugins.ts";
import { HERE, Kit } from "./harness.ts";
const c = groupCases().filter((x) => /setsid|leaves a background/.test(x.name));
for (let i = 0; i < 4; i++) {
  for (const cs of c) {
    const dir = await Deno.makeTempDir({ prefix: "kw-adv-" });
    const k = new Kit(HERE, dir);
    await k.init();
    const o = await cs.run(k);
    await new Promise((r) => setTimeout(r, 1500));
    const left = k.leftovers();
    for (const pid of left) {
      const st = Deno.readTextFileSync(`/proc/${pid}/status`).split("\n").filter((l) =>
        /^(State|PPid|Pid|NSpid)/.test(l)
      ).join(" ");
      const env = Deno.readTextFileSync(`/proc/${pid}/environ`).split("\0").filter((x) =>
        x.startsWith("KIRI") || x.startsWith("KW_")
      ).join(" ");
      const cmd = Deno.readTextFileSync(`/proc/${pid}/cmdline`).replaceAll("\0", " ");
      console.log(cs.name, o.verdict, "LEFT", st, "|", cmd, "|", env);
    }
    if (!left.length) console.log(cs.name, o.verdict, "none left");
    k.cleanUp();
    await Deno.remove(dir, { recursive: true });
  }
}
