/**
 * The provider's status document in app mode: checked when the home page or a start needs
 * it, at most every five minutes (a page load never waits on the network twice in a row).
 *
 * @module
 */
import type { Brand } from "../brand/schema.ts";
import type { LicenceStatus } from "../consent/licence_status.ts";
import type { Requester } from "../session/send/collector_client.ts";
import { type StatusVerdict, statusVerdict } from "../session/send/status.ts";

/** How long a verdict is reused, ms. */
export const STATUS_REUSE_MS = 5 * 60_000;

/** The status verdict, refreshed when stale. */
export class ProviderStatus {
  #last: { at: number; licenceId?: string; verdict: StatusVerdict } | null = null;

  constructor(
    private readonly brand: Brand,
    private readonly dataDir: string,
    private readonly now: () => Date,
    private readonly request?: Requester,
  ) {}

  /** The verdict for a run with `licence`. Never throws for the network. */
  async verdict(licence: LicenceStatus): Promise<StatusVerdict> {
    const t = this.now().getTime();
    const last = this.#last;
    if (last && last.licenceId === licence.id && t - last.at < STATUS_REUSE_MS) return last.verdict;
    const verdict = await statusVerdict({
      brand: this.brand,
      dataDir: this.dataDir,
      now: this.now(),
      licence,
      request: this.request,
    });
    this.#last = { at: t, licenceId: licence.id, verdict };
    return verdict;
  }
}
