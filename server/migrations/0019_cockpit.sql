CREATE TABLE "econ_zone_figures" (
	"zone_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"code" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"cumulative" numeric(20, 4),
	"last_year_cumulative" numeric(20, 4),
	"yoy_pct" numeric(12, 2),
	"completion_pct" numeric(12, 2),
	"status" text DEFAULT 'none' NOT NULL,
	CONSTRAINT "econ_zone_figures_zone_id_indicator_id_year_month_pk" PRIMARY KEY("zone_id","indicator_id","year","month")
);
--> statement-breakpoint
ALTER TABLE "econ_indicators" ADD COLUMN "unit_en" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "econ_zone_figures" ADD CONSTRAINT "econ_zone_figures_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "econ_zone_figures" ADD CONSTRAINT "econ_zone_figures_indicator_id_econ_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."econ_indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "econ_zone_figures_code_idx" ON "econ_zone_figures" USING btree ("code","year","month");