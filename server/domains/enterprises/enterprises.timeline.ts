import type { TimelineItem } from '../../../shared/enterprises';
import type { ZoneScope } from '../../platform/access';
import type { Executor } from '../../platform/db';

/**
 * Events about one enterprise from other domains (visits, demands, inspections, policy applications…). Each domain
 * registers a source once at import time; GET /api/enterprises/:id/timeline merges them with the registry's own
 * audit events, newest first. A source only ever sees an enterprise the caller may read (checked before).
 */
export type TimelineSource = (ex: Executor, scope: ZoneScope, enterpriseId: string) => Promise<TimelineItem[]>;

const sources = new Map<string, TimelineSource>();

export function registerTimelineSource(name: string, source: TimelineSource): void {
  sources.set(name, source);
}

export function timelineSources(): [string, TimelineSource][] {
  return [...sources.entries()];
}
