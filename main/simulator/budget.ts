// Arena's per-workspace request budget: a number of API calls per day, the day running from midnight
// US Pacific to the next. Login does not count (arena-api-notes.md).

const PACIFIC = 'America/Los_Angeles';

const pacificParts = new Intl.DateTimeFormat('en-US', {
  timeZone: PACIFIC,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function pacificWallTime(ms: number): WallTime {
  const parts: Record<string, number> = {};
  for (const p of pacificParts.formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Pacific wall time minus UTC at an instant, in ms (-8 h in winter, -7 h in summer). */
function pacificOffsetMs(ms: number): number {
  const w = pacificWallTime(ms);
  const wallAsUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallAsUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The first Pacific midnight strictly after `ms`. DST changes happen at 02:00, so midnight always exists. */
export function nextPacificMidnight(ms: number): number {
  const w = pacificWallTime(ms);
  const midnightAsUtc = Date.UTC(w.year, w.month - 1, w.day + 1);
  // The offset at the target may differ from now's (a DST change tonight): refine once with it.
  const guess = midnightAsUtc - pacificOffsetMs(ms);
  return midnightAsUtc - pacificOffsetMs(guess);
}

/**
 * The X-Arena-Next-Request-Limit-Reset value. Arena documents it only as "date": we send ISO 8601 with the
 * Pacific offset (e.g. 2025-03-10T00:00:00-07:00), which Date.parse reads and a person can check at a glance.
 */
export function formatPacific(ms: number): string {
  const w = pacificWallTime(ms);
  const offsetMin = Math.round(pacificOffsetMs(ms) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

export interface BudgetState {
  /** workspaceRequestLimit: calls allowed per Pacific day. */
  limit: number;
  /** Calls already made in the current period (e.g. by Onshape's own sync before the check ran). */
  used: number;
}

export interface BudgetSnapshot {
  remaining: number;
  resetsAt: number;
}

/** Tracks one workspace's budget; the period rolls over at the next Pacific midnight. */
export class RequestBudget {
  private periodEndsAt: number | null = null;

  constructor(private readonly state: BudgetState) {}

  private roll(now: number): void {
    if (this.periodEndsAt === null) {
      this.periodEndsAt = nextPacificMidnight(now);
    } else if (now >= this.periodEndsAt) {
      this.state.used = 0;
      this.periodEndsAt = nextPacificMidnight(now);
    }
  }

  snapshot(now: number): BudgetSnapshot {
    this.roll(now);
    return {
      remaining: Math.max(0, this.state.limit - this.state.used),
      resetsAt: this.periodEndsAt ?? nextPacificMidnight(now),
    };
  }

  /** Counts one call; false when the budget is already spent (the call is refused and not counted). */
  spend(now: number): boolean {
    this.roll(now);
    if (this.state.used >= this.state.limit) return false;
    this.state.used += 1;
    return true;
  }
}

export function budgetHeaders(snapshot: BudgetSnapshot): Record<string, string> {
  return {
    'X-Arena-Requests-Remaining': String(snapshot.remaining),
    'X-Arena-Next-Request-Limit-Reset': formatPacific(snapshot.resetsAt),
  };
}
