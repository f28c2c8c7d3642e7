/**
 * Campaign counters and the dashboard rollup (DeliveryStat), changed in the same transaction as the
 * message states they count, so a progress bar, dashboard or report never scans the message table.
 * `recountCampaign` rebuilds both from the ledger.
 *
 * The rollup counts each message once, in its current state, in the hour it was first handed over to a
 * gateway (`submittedAt`), or the hour it was created while it never was. That hour moves only once:
 * when `applyMessageUpdates` first sets `submittedAt` (a move to `submitted` or `sent`).
 */
import type { Sql, SqlParam } from "@/lib/db/sql";
import type { MessageState } from "@/lib/providers/types";
import { COUNTER_COLUMN, MESSAGE_STATES } from "./states";

/**
 * What the rollup must know about the messages a move carries, read in the same transaction before they
 * move (select `rollupColumns(dialect, alias)` and pass the row to `rollupFacts`). For a group of
 * messages, `segments` and `cost` are totals.
 */
export interface RollupFacts {
  accountId: number;
  /** The UTC hour the messages are counted in now, as `YYYY-MM-DDTHH`. */
  bucket: string;
  /** Whether `submittedAt` is already set (then the hour never moves again). */
  submitted: boolean;
  segments: number;
  cost: number;
  /** The time of the change: the new hour when this move first sets `submittedAt`. */
  at: Date;
  /** The cost after the move, when the move changes it (a report carrying a price). */
  toCost?: number;
}

/** SQL for the rollup hour (`YYYY-MM-DDTHH`, UTC) of a message aliased `alias`. */
export function rollupBucketSql(dialect: Sql["dialect"], alias: string): string {
  const time = `COALESCE(${alias}."submittedAt", ${alias}."createdAt")`;
  return dialect === "sqlite" ? `strftime('%Y-%m-%dT%H', ${time})` : `to_char(${time}, 'YYYY-MM-DD"T"HH24')`;
}

/** Columns to select, for a message aliased `alias`, so that `rollupFacts` can read them. */
export function rollupColumns(dialect: Sql["dialect"], alias: string): string {
  return `${alias}."providerAccountId" AS "rollupAccountId", ${rollupBucketSql(dialect, alias)} AS "rollupBucket", (${alias}."submittedAt" IS NOT NULL) AS "rollupSubmitted",
    ${alias}."segments" AS "rollupSegments", ${alias}."cost" AS "rollupCost"`;
}

export interface RollupRow {
  rollupAccountId: number | string;
  rollupBucket: string;
  rollupSubmitted: boolean | number;
  rollupSegments: number | string | null;
  rollupCost: number | string | null;
}

export function rollupFacts(row: RollupRow, at: Date, toCost?: number | null): RollupFacts {
  const facts: RollupFacts = {
    accountId: Number(row.rollupAccountId),
    bucket: row.rollupBucket,
    submitted: Boolean(row.rollupSubmitted),
    segments: Number(row.rollupSegments ?? 0),
    cost: Number(row.rollupCost ?? 0),
    at,
  };
  if (toCost !== undefined && toCost !== null) facts.toCost = toCost;
  return facts;
}

/** The UTC hour of `date` as `YYYY-MM-DDTHH`, the rollup's bucket key. */
export const hourOf = (date: Date): string => date.toISOString().slice(0, 13);

/** `applyMessageUpdates` sets `submittedAt` on the first move to one of these. */
const SETS_SUBMITTED_AT: ReadonlySet<MessageState> = new Set(["submitted", "sent"]);

/** One DeliveryStat row's key and values (or a change to them). */
export interface StatChange {
  bucket: string;
  accountId: number;
  campaignId: number;
  state: MessageState;
  messages: number;
  segments: number;
  cost: number;
}

/** Accumulates state moves and writes them as one UPDATE per campaign plus one upsert of the rollup rows. */
export class CounterDelta {
  private readonly byCampaign = new Map<number, Map<MessageState, number>>();
  private readonly stats = new Map<string, StatChange>();

  /** `count` messages of `campaignId` move from `from` (null: newly counted) to `to`; `facts` describe them. */
  move(campaignId: number, from: MessageState | null, to: MessageState, count: number, facts: RollupFacts): void {
    if (count === 0) return;
    const toBucket = !facts.submitted && SETS_SUBMITTED_AT.has(to) ? hourOf(facts.at) : facts.bucket;
    const toCost = facts.toCost ?? facts.cost;
    if (from === to && toBucket === facts.bucket && toCost === facts.cost) return;
    if (from !== to) {
      let deltas = this.byCampaign.get(campaignId);
      if (!deltas) this.byCampaign.set(campaignId, (deltas = new Map()));
      if (from) deltas.set(from, (deltas.get(from) ?? 0) - count);
      deltas.set(to, (deltas.get(to) ?? 0) + count);
    }
    if (from) this.addStat({ bucket: facts.bucket, accountId: facts.accountId, campaignId, state: from, messages: -count, segments: -facts.segments, cost: -facts.cost });
    this.addStat({ bucket: toBucket, accountId: facts.accountId, campaignId, state: to, messages: count, segments: facts.segments, cost: toCost });
  }

  private addStat(change: StatChange): void {
    const key = `${change.bucket}|${change.accountId}|${change.campaignId}|${change.state}`;
    const sum = this.stats.get(key);
    if (!sum) this.stats.set(key, change);
    else {
      sum.messages += change.messages;
      sum.segments += change.segments;
      sum.cost += change.cost;
    }
  }

  /** Writes in a fixed order (campaign id, then rollup key), so concurrent writers on PostgreSQL never deadlock. */
  async write(tx: Sql): Promise<void> {
    for (const [campaignId, deltas] of [...this.byCampaign].sort(([a], [b]) => a - b)) {
      const changes = [...deltas].filter(([, n]) => n !== 0);
      if (changes.length === 0) continue;
      const assignments = changes.map(([state]) => `"${COUNTER_COLUMN[state]}" = "${COUNTER_COLUMN[state]}" + ?`);
      await tx.run(`UPDATE "Campaign" SET ${assignments.join(", ")} WHERE "id" = ?`, [...changes.map(([, n]) => n), campaignId]);
    }
    const stats = [...this.stats]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, s]) => s)
      .filter((s) => s.messages !== 0 || s.segments !== 0 || s.cost !== 0);
    // One statement per 500 rollup rows (a batch's moves touch a few: from and to state, per hour).
    for (let i = 0; i < stats.length; i += 500) {
      const chunk = stats.slice(i, i + 500);
      await tx.run(
        `INSERT INTO "DeliveryStat" ("bucketStart", "providerAccountId", "campaignId", "state", "messages", "segments", "cost") VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")}
         ON CONFLICT ("bucketStart", "providerAccountId", "campaignId", "state") DO UPDATE SET "messages" = "DeliveryStat"."messages" + excluded."messages",
           "segments" = "DeliveryStat"."segments" + excluded."segments", "cost" = "DeliveryStat"."cost" + excluded."cost"`,
        chunk.flatMap((s) => [new Date(`${s.bucket}:00:00.000Z`), s.accountId, s.campaignId, s.state, s.messages, s.segments, s.cost]),
      );
    }
    this.byCampaign.clear();
    this.stats.clear();
  }
}

/** Grouped rollup facts of many messages aliased `alias` (add `GROUP BY 1, 2, 3, 4`). */
function rollupGroupColumns(dialect: Sql["dialect"], alias: string): string {
  return `${alias}."campaignId" AS "campaignId", ${alias}."providerAccountId" AS "rollupAccountId", ${rollupBucketSql(dialect, alias)} AS "rollupBucket",
    (${alias}."submittedAt" IS NOT NULL) AS "rollupSubmitted", COUNT(*) AS "n", SUM(${alias}."segments") AS "rollupSegments", SUM(COALESCE(${alias}."cost", 0)) AS "rollupCost"`;
}

/**
 * Moves every message matching `where` (which must pin them to the one state `from`; the message table is
 * aliased `m`) to `to` in one set-based UPDATE, and records the move in `counters`. `set` must not change
 * the columns the rollup reads (submittedAt, cost, segments, account). Returns how many messages moved.
 * On PostgreSQL the UPDATE reports what it changed (rows a concurrent claim took are not counted); on
 * SQLite the transaction is the only writer, so a SELECT before the UPDATE sees the same rows.
 */
export async function moveMessages(
  tx: Sql,
  counters: CounterDelta,
  move: { from: MessageState; to: MessageState; set: string; setParams: SqlParam[]; where: string; whereParams: SqlParam[]; now: Date },
): Promise<number> {
  type GroupRow = RollupRow & { campaignId: number | string; n: number | string };
  let groups: GroupRow[];
  if (tx.dialect === "sqlite") {
    groups = await tx.all<GroupRow>(`SELECT ${rollupGroupColumns(tx.dialect, "m")} FROM "Message" AS m WHERE ${move.where} GROUP BY 1, 2, 3, 4`, move.whereParams);
    await tx.run(`UPDATE "Message" AS m SET ${move.set} WHERE ${move.where}`, [...move.setParams, ...move.whereParams]);
  } else {
    groups = await tx.all<GroupRow>(
      `WITH moved AS (UPDATE "Message" AS m SET ${move.set} WHERE ${move.where} RETURNING m.*)
       SELECT ${rollupGroupColumns(tx.dialect, "m")} FROM moved AS m GROUP BY 1, 2, 3, 4`,
      [...move.setParams, ...move.whereParams],
    );
  }
  let total = 0;
  for (const g of groups) {
    counters.move(Number(g.campaignId), move.from, move.to, Number(g.n), rollupFacts(g, move.now));
    total += Number(g.n);
  }
  return total;
}

/**
 * The rollup rows of a campaign as the ledger says they should be: one per hour, account and state.
 * Used to rebuild them and, by `npm run recount`, to prove the maintained ones equal a full recount.
 */
export async function rollupFromLedger(tx: Sql, campaignId: number): Promise<StatChange[]> {
  const rows = await tx.all<{ bucket: string; accountId: number; state: MessageState; n: number | string; segments: number | string | null; cost: number | string | null }>(
    `SELECT ${rollupBucketSql(tx.dialect, "m")} AS "bucket", m."providerAccountId" AS "accountId", m."state", COUNT(*) AS n, SUM(m."segments") AS segments, SUM(COALESCE(m."cost", 0)) AS cost
     FROM "Message" m WHERE m."campaignId" = ? GROUP BY 1, 2, 3`,
    [campaignId],
  );
  return rows.map((r) => ({
    bucket: r.bucket,
    accountId: Number(r.accountId),
    campaignId,
    state: r.state,
    messages: Number(r.n),
    segments: Number(r.segments ?? 0),
    cost: Number(r.cost ?? 0),
  }));
}

/** Rebuilds a campaign's counters and rollup rows from its messages (idempotent); used after launch and by maintenance. */
export async function recountCampaign(tx: Sql, campaignId: number): Promise<void> {
  // PostgreSQL: lock the campaign row before counting. Every counter writer updates that row in its own
  // transaction, so one that committed is in our count and one still open waits and adds its delta after
  // ours. Without it a recount (several workers finishing one launch, or `npm run recount`) overwrote a
  // concurrent claim's delta and the campaign never completed (crash-recovery.test.ts, three workers).
  if (tx.dialect === "postgres") await tx.all(`SELECT "id" FROM "Campaign" WHERE "id" = ? FOR UPDATE`, [campaignId]);
  const rollup = await rollupFromLedger(tx, campaignId);
  const counts = new Map<MessageState, number>();
  for (const r of rollup) counts.set(r.state, (counts.get(r.state) ?? 0) + r.messages);
  const total = rollup.reduce((sum, r) => sum + r.messages, 0);
  const segments = rollup.filter((r) => r.state !== "skipped").reduce((sum, r) => sum + r.segments, 0);
  const assignments = MESSAGE_STATES.map((state) => `"${COUNTER_COLUMN[state]}" = ?`);
  await tx.run(
    `UPDATE "Campaign" SET ${assignments.join(", ")}, "recipientCount" = ?, "segmentCount" = ? WHERE "id" = ?`,
    [...MESSAGE_STATES.map((state) => counts.get(state) ?? 0), total, segments, campaignId],
  );
  await tx.run(`DELETE FROM "DeliveryStat" WHERE "campaignId" = ?`, [campaignId]);
  for (const r of rollup) {
    await tx.run(
      `INSERT INTO "DeliveryStat" ("bucketStart", "providerAccountId", "campaignId", "state", "messages", "segments", "cost") VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [new Date(`${r.bucket}:00:00.000Z`), r.accountId, campaignId, r.state, r.messages, r.segments, r.cost],
    );
  }
}
