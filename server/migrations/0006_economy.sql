CREATE TABLE "econ_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"unit" text NOT NULL,
	"owner_department_id" uuid,
	"frequency" text DEFAULT 'monthly' NOT NULL,
	"aggregation" text DEFAULT 'sum' NOT NULL,
	"alert_below_pct" numeric(8, 2),
	"excellent_above_pct" numeric(8, 2),
	"jump_pct" numeric(8, 2) DEFAULT 50 NOT NULL,
	"higher_is_better" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 100 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "econ_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"sub_park_id" uuid,
	"year" smallint NOT NULL,
	"target" numeric(20, 4) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "econ_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"sub_park_id" uuid,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"value" numeric(20, 4) NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "econ_indicators" ADD CONSTRAINT "econ_indicators_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_indicators" ADD CONSTRAINT "econ_indicators_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_targets" ADD CONSTRAINT "econ_targets_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_targets" ADD CONSTRAINT "econ_targets_indicator_id_econ_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."econ_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_targets" ADD CONSTRAINT "econ_targets_sub_park_id_sub_parks_id_fk" FOREIGN KEY ("sub_park_id") REFERENCES "public"."sub_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_values" ADD CONSTRAINT "econ_values_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_values" ADD CONSTRAINT "econ_values_indicator_id_econ_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."econ_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_values" ADD CONSTRAINT "econ_values_sub_park_id_sub_parks_id_fk" FOREIGN KEY ("sub_park_id") REFERENCES "public"."sub_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_values" ADD CONSTRAINT "econ_values_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "econ_indicators_zone_code_uq" ON "econ_indicators" USING btree ("zone_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "econ_targets_key_uq" ON "econ_targets" USING btree ("zone_id","indicator_id",coalesce("sub_park_id", '00000000-0000-0000-0000-000000000000'::uuid),"year");--> statement-breakpoint
CREATE UNIQUE INDEX "econ_values_key_uq" ON "econ_values" USING btree ("zone_id","indicator_id",coalesce("sub_park_id", '00000000-0000-0000-0000-000000000000'::uuid),"year","month");--> statement-breakpoint
CREATE INDEX "econ_values_zone_year_idx" ON "econ_values" USING btree ("zone_id","year","month");