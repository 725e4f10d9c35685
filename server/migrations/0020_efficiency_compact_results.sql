-- efficiency_results becomes a bulk-written derived table: no per-row foreign key checks (the engine writes rows taken
-- from the run and from efficiency_data in one transaction; deleting a run deletes its results explicitly), and the
-- breakdown is kept as two arrays (values, points) in the order of the run's indicators; the rest of each line is the
-- run's own (params, benchmarks, and the new ranges for the min–max method).
ALTER TABLE "efficiency_results" DROP CONSTRAINT "efficiency_results_zone_id_zones_id_fk";
--> statement-breakpoint
ALTER TABLE "efficiency_results" DROP CONSTRAINT "efficiency_results_run_id_efficiency_runs_id_fk";
--> statement-breakpoint
ALTER TABLE "efficiency_results" DROP CONSTRAINT "efficiency_results_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "efficiency_results" ALTER COLUMN "breakdown" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "efficiency_results" ADD COLUMN "line_values" double precision[];--> statement-breakpoint
ALTER TABLE "efficiency_results" ADD COLUMN "line_points" double precision[];--> statement-breakpoint
ALTER TABLE "efficiency_runs" ADD COLUMN "ranges" jsonb;--> statement-breakpoint
UPDATE "efficiency_results" SET
  "line_values" = ARRAY(SELECT (l ->> 'value')::float8 FROM jsonb_array_elements("breakdown") WITH ORDINALITY t(l, i) ORDER BY i),
  "line_points" = ARRAY(SELECT (l ->> 'points')::float8 FROM jsonb_array_elements("breakdown") WITH ORDINALITY t(l, i) ORDER BY i);--> statement-breakpoint
UPDATE "efficiency_runs" r SET "ranges" = x.ranges
FROM (
  SELECT run_id, jsonb_object_agg(grp, inds) AS ranges
  FROM (
    SELECT run_id, grp, jsonb_object_agg(ind, CASE WHEN mn IS NULL THEN 'null'::jsonb
      ELSE jsonb_build_object('min', mn, 'max', mx) END) AS inds
    FROM (
      SELECT res.run_id, res.grp, l ->> 'indicator' AS ind, min((l ->> 'min')::float8) AS mn, max((l ->> 'max')::float8) AS mx
      FROM "efficiency_results" res, jsonb_array_elements(res."breakdown") l
      GROUP BY 1, 2, 3
    ) a GROUP BY 1, 2
  ) b GROUP BY 1
) x
WHERE x.run_id = r.id;--> statement-breakpoint
DELETE FROM "efficiency_results" res WHERE NOT EXISTS (SELECT 1 FROM "efficiency_runs" r WHERE r.id = res.run_id);--> statement-breakpoint
ALTER TABLE "efficiency_results" ALTER COLUMN "line_values" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "efficiency_results" ALTER COLUMN "line_points" SET NOT NULL;
