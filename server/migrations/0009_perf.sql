CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"method" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"term_no" integer NOT NULL,
	"committee_decision" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_dates_ck" CHECK ("appointments"."ends_on" > "appointments"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "pay_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"post_name" text NOT NULL,
	"department_coefficient" numeric(6, 2) NOT NULL,
	"department_weight" numeric(14, 4) NOT NULL,
	"department_share_fen" bigint NOT NULL,
	"post_coefficient" numeric(6, 2) NOT NULL,
	"grade" text,
	"grade_coefficient" numeric(6, 2) NOT NULL,
	"weight" numeric(10, 4) NOT NULL,
	"department_weight_sum" numeric(14, 4) NOT NULL,
	"share_fen" bigint NOT NULL,
	"extra_fen" boolean NOT NULL,
	"advances_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"flags" text[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "pay_lines_run_staff_uq" UNIQUE("run_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "pay_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"quarter" integer,
	"pool_fen" bigint NOT NULL,
	"distributed_fen" bigint NOT NULL,
	"cycle_id" uuid,
	"params" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pay_runs_period_uq" UNIQUE NULLS NOT DISTINCT("zone_id","year","kind","quarter"),
	CONSTRAINT "pay_runs_quarter_ck" CHECK (("pay_runs"."kind" = 'advance') = ("pay_runs"."quarter" is not null))
);
--> statement-breakpoint
CREATE TABLE "perf_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"score_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reply" text DEFAULT '' NOT NULL,
	"filed_by" text NOT NULL,
	"decided_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "perf_calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"score_id" uuid NOT NULL,
	"from_grade" text NOT NULL,
	"to_grade" text NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perf_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"department_share_pct" numeric(5, 2) NOT NULL,
	"grade_rules" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"computed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "perf_cycles_zone_name_uq" UNIQUE("zone_id","name"),
	CONSTRAINT "perf_cycles_period_ck" CHECK ("perf_cycles"."period_end" >= "perf_cycles"."period_start")
);
--> statement-breakpoint
CREATE TABLE "perf_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"level" text NOT NULL,
	"class" text,
	"name" text NOT NULL,
	"method" text NOT NULL,
	"weight" numeric(5, 2) NOT NULL,
	"target" numeric(16, 2),
	"cap" numeric(6, 2) NOT NULL,
	"source_key" text,
	"zone_target" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "perf_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"department_id" uuid NOT NULL,
	"staff_id" uuid,
	"own_score" numeric(8, 2) NOT NULL,
	"score" numeric(8, 2) NOT NULL,
	"rank" integer NOT NULL,
	"grade" text,
	"grade_reason" text,
	"lines" jsonb NOT NULL,
	CONSTRAINT "perf_scores_subject_uq" UNIQUE NULLS NOT DISTINCT("cycle_id","department_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "perf_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"department_id" uuid,
	"staff_id" uuid,
	"actual" numeric(16, 2) NOT NULL,
	"origin" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" uuid[] DEFAULT '{}' NOT NULL,
	"records" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"query" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "perf_values_subject_uq" UNIQUE NULLS NOT DISTINCT("indicator_id","department_id","staff_id"),
	CONSTRAINT "perf_values_one_subject_ck" CHECK (("perf_values"."department_id" is null) <> ("perf_values"."staff_id" is null))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_lines" ADD CONSTRAINT "pay_lines_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_lines" ADD CONSTRAINT "pay_lines_run_id_pay_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."pay_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_lines" ADD CONSTRAINT "pay_lines_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_lines" ADD CONSTRAINT "pay_lines_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_runs" ADD CONSTRAINT "pay_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_runs" ADD CONSTRAINT "pay_runs_cycle_id_perf_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."perf_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_appeals" ADD CONSTRAINT "perf_appeals_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_appeals" ADD CONSTRAINT "perf_appeals_score_id_perf_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."perf_scores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_calibrations" ADD CONSTRAINT "perf_calibrations_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_calibrations" ADD CONSTRAINT "perf_calibrations_score_id_perf_scores_id_fk" FOREIGN KEY ("score_id") REFERENCES "public"."perf_scores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_calibrations" ADD CONSTRAINT "perf_calibrations_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_cycles" ADD CONSTRAINT "perf_cycles_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_indicators" ADD CONSTRAINT "perf_indicators_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_indicators" ADD CONSTRAINT "perf_indicators_cycle_id_perf_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."perf_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_scores" ADD CONSTRAINT "perf_scores_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_scores" ADD CONSTRAINT "perf_scores_cycle_id_perf_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."perf_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_scores" ADD CONSTRAINT "perf_scores_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_scores" ADD CONSTRAINT "perf_scores_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_values" ADD CONSTRAINT "perf_values_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_values" ADD CONSTRAINT "perf_values_cycle_id_perf_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."perf_cycles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_values" ADD CONSTRAINT "perf_values_indicator_id_perf_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."perf_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_values" ADD CONSTRAINT "perf_values_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "perf_values" ADD CONSTRAINT "perf_values_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_zone_staff_idx" ON "appointments" USING btree ("zone_id","staff_id","starts_on");--> statement-breakpoint
CREATE INDEX "appointments_zone_ends_idx" ON "appointments" USING btree ("zone_id","ends_on");--> statement-breakpoint
CREATE INDEX "pay_lines_zone_run_idx" ON "pay_lines" USING btree ("zone_id","run_id","department_id");--> statement-breakpoint
CREATE INDEX "perf_appeals_zone_status_idx" ON "perf_appeals" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "perf_calibrations_zone_score_idx" ON "perf_calibrations" USING btree ("zone_id","score_id");--> statement-breakpoint
CREATE INDEX "perf_indicators_zone_cycle_idx" ON "perf_indicators" USING btree ("zone_id","cycle_id","position");--> statement-breakpoint
CREATE INDEX "perf_scores_zone_cycle_idx" ON "perf_scores" USING btree ("zone_id","cycle_id","subject","rank");--> statement-breakpoint
CREATE INDEX "perf_values_zone_cycle_idx" ON "perf_values" USING btree ("zone_id","cycle_id");