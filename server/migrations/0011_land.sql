CREATE TABLE "efficiency_data" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"land_mu" numeric(18, 4),
	"leased_m2" numeric(18, 4),
	"tax" numeric(18, 4),
	"revenue" numeric(18, 4),
	"value_added" numeric(18, 4),
	"energy_tce" numeric(18, 4),
	"electricity_mwh" numeric(18, 4),
	"emission_t" numeric(18, 4),
	"rd_expense" numeric(18, 4),
	"employees" integer,
	"scale" text NOT NULL,
	"newly_above" boolean DEFAULT false NOT NULL,
	"leased_out" boolean DEFAULT false NOT NULL,
	"incident" boolean DEFAULT false NOT NULL,
	"veto" boolean DEFAULT false NOT NULL,
	"t_class" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "efficiency_data_zone_year_enterprise_uq" UNIQUE("zone_id","year","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "efficiency_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"grp" text NOT NULL,
	"base_score" numeric(12, 2) NOT NULL,
	"score" numeric(12, 2) NOT NULL,
	"rank" integer NOT NULL,
	"group_size" integer NOT NULL,
	"percentile" numeric(6, 2) NOT NULL,
	"cls" text NOT NULL,
	"consecutive_d" integer DEFAULT 0 NOT NULL,
	"breakdown" jsonb NOT NULL,
	"adjustments" jsonb NOT NULL,
	"policies" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	CONSTRAINT "efficiency_results_run_enterprise_uq" UNIQUE("run_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "efficiency_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"params" jsonb NOT NULL,
	"benchmarks" jsonb,
	"population" integer DEFAULT 0 NOT NULL,
	"class_counts" jsonb,
	"computed_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"objection_ends_on" date,
	"objection_ends_provisional" boolean DEFAULT false NOT NULL,
	"finalized_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "efficiency_data" ADD CONSTRAINT "efficiency_data_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_data" ADD CONSTRAINT "efficiency_data_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_results" ADD CONSTRAINT "efficiency_results_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_results" ADD CONSTRAINT "efficiency_results_run_id_efficiency_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."efficiency_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_results" ADD CONSTRAINT "efficiency_results_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "efficiency_runs" ADD CONSTRAINT "efficiency_runs_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "efficiency_data_zone_enterprise_idx" ON "efficiency_data" USING btree ("zone_id","enterprise_id","year");--> statement-breakpoint
CREATE INDEX "efficiency_results_zone_run_idx" ON "efficiency_results" USING btree ("zone_id","run_id","grp","rank");--> statement-breakpoint
CREATE INDEX "efficiency_results_zone_enterprise_idx" ON "efficiency_results" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "efficiency_runs_zone_year_idx" ON "efficiency_runs" USING btree ("zone_id","year","created_at");