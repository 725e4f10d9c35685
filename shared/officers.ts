import { z } from 'zod';

/**
 * 首席服务官 (DOMAIN.md §6): each officer has a portfolio of enterprises (enterprises.service_officer_id). Metrics per
 * officer over a period: visits made, portfolio coverage, the enterprises' anonymous visit ratings, and the demands
 * of the portfolio (received, finished, on time, satisfaction).
 */
export const officerMetricsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type OfficerMetricsQuery = z.infer<typeof officerMetricsQuerySchema>;

export const officerMetricsRowSchema = z.object({
  staffId: z.uuid(),
  name: z.string(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  /** Enterprises in the officer's portfolio (now). */
  portfolio: z.number().int(),
  /** Visits the officer made in the period (any enterprise). */
  visits: z.number().int(),
  /** Portfolio enterprises the officer visited at least once in the period; coverage = visited ÷ portfolio. */
  portfolioVisited: z.number().int(),
  coverageRate: z.string().nullable(),
  /** Demands raised during the officer's visits in the period. */
  demandsRaised: z.number().int(),
  ratedVisits: z.number().int(),
  /** Average anonymous score (1–5) of the officer's rated visits, two decimals. */
  avgRating: z.string().nullable(),
  /** Demands of the portfolio enterprises received in the period. */
  demandsReceived: z.number().int(),
  demandsFinished: z.number().int(),
  demandsOnTime: z.number().int(),
  demandsRated: z.number().int(),
  demandsSatisfied: z.number().int(),
  closureRate: z.string().nullable(),
  onTimeRate: z.string().nullable(),
  satisfactionRate: z.string().nullable(),
});
export type OfficerMetricsRow = z.infer<typeof officerMetricsRowSchema>;

export const portfolioItemSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  lastVisitedOn: z.string().nullable(),
  /** Visits of the enterprise by this officer in the period. */
  visits: z.number().int(),
  openDemands: z.number().int(),
});
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;

/**
 * 明白卡 (DOMAIN.md §6): one card per enterprise — the published policies it may claim today (with its application
 * state), its chief service officer, whom to call for each kind of demand (the routing rules), and its code.
 */
export const understandingCardSchema = z.object({
  enterpriseId: z.uuid(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  officer: z.object({ name: z.string(), phone: z.string(), departmentName: z.string() }).nullable(),
  policies: z.array(
    z.object({
      policyId: z.uuid(),
      title: z.string(),
      issuer: z.string(),
      mode: z.enum(['apply', 'auto']),
      amountFen: z.number().int().nullable(),
      /** The enterprise's application (or 免申即享 grant) state; null = not applied yet. */
      applicationStatus: z.enum(['submitted', 'returned', 'approved', 'rejected']).nullable(),
      awardFen: z.number().int().nullable(),
    }),
  ),
  contacts: z.array(z.object({ tag: z.string(), departmentName: z.string() })),
});
export type UnderstandingCard = z.infer<typeof understandingCardSchema>;
