/**
 * @file Notices when the server starts serving a newer index (a `paperscope add` or a rebuild
 * finished): checks /api/health's `builtAt` every UPDATE_CHECK_MS and whenever the tab comes
 * back into view, and offers to refresh the map.
 */
import { fetchHealth } from './api.js';
import type { Health } from './types.js';
import type { UpdateNotice } from './ui/updateNotice.js';

/** How often the page asks whether the index changed: papers arrive daily, so a slow poll is enough. */
export const UPDATE_CHECK_MS = 60_000;

export class IndexUpdates {
  private shown: Health | null = null;
  private started = false;

  constructor(
    private readonly notice: UpdateNotice,
    /** Shows the index `health` describes: the map and the header. */
    private readonly refresh: (health: Health) => Promise<void>,
  ) {}

  /** The page now shows the index `health` describes; starts checking for newer ones. */
  showing(health: Health): void {
    this.shown = health;
    this.notice.hide();
    if (this.started) return;
    this.started = true;
    window.setInterval(() => void this.check(), UPDATE_CHECK_MS);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && void this.check());
    window.addEventListener('focus', () => void this.check());
  }

  /** Shows the notice when the server serves another build than the page shows. */
  async check(): Promise<void> {
    const health = await fetchHealth().catch(() => null);
    if (!health || !this.shown || health.index?.builtAt === this.shown.index?.builtAt) return;
    this.notice.show(health.papers - this.shown.papers, () => {
      void this.refresh(health).then(() => this.showing(health));
    });
  }
}
