CREATE TABLE "land_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"parcel_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"contract_no" text NOT NULL,
	"signed_on" date NOT NULL,
	"land_price_fen" bigint NOT NULL,
	"area_mu" numeric(14, 4) NOT NULL,
	"investment" numeric(18, 4) NOT NULL,
	"plot_ratio" numeric(18, 4) NOT NULL,
	"tax_per_mu" numeric(18, 4) NOT NULL,
	"energy_per_output" numeric(18, 4),
	"emission" numeric(18, 4),
	"rd_share" numeric(18, 4),
	"agreed_start_on" date NOT NULL,
	"build_months" integer NOT NULL,
	"production_months" integer NOT NULL,
	"extension_months" integer DEFAULT 0 NOT NULL,
	"agreed_completion_on" date NOT NULL,
	"agreed_production_on" date NOT NULL,
	"late_penalty_ppm" integer DEFAULT 1000 NOT NULL,
	"started_on" date,
	"completed_on" date,
	"suspended_since" date,
	"developed_percent" numeric(18, 4) DEFAULT 0 NOT NULL,
	"invested_percent" numeric(18, 4) DEFAULT 0 NOT NULL,
	"government_cause_days" integer DEFAULT 0 NOT NULL,
	"government_cause" text DEFAULT '' NOT NULL,
	"accrued_penalty_fen" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_contracts_parcel_uq" UNIQUE("parcel_id"),
	CONSTRAINT "land_contracts_zone_no_uq" UNIQUE("zone_id","contract_no")
);
--> statement-breakpoint
CREATE TABLE "land_parcels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"use" text NOT NULL,
	"status" text NOT NULL,
	"geometry" jsonb NOT NULL,
	"area_m2" numeric(14, 2) NOT NULL,
	"area_mu" numeric(14, 4) NOT NULL,
	"enterprise_id" uuid,
	"land_price_fen" bigint,
	"delivered_on" date,
	"note" text DEFAULT '' NOT NULL,
	"idle" boolean DEFAULT false NOT NULL,
	"idle_reason" text,
	"idle_since" date,
	"idle_proposal" text DEFAULT 'none' NOT NULL,
	"idle_fee_fen" bigint DEFAULT 0 NOT NULL,
	"idle_evaluated_on" date,
	"revitalised_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_parcels_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
CREATE TABLE "land_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"parcel_id" uuid NOT NULL,
	"patrolled_on" date NOT NULL,
	"finding" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "land_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reviewed_on" date NOT NULL,
	"actuals" jsonb NOT NULL,
	"lines" jsonb NOT NULL,
	"checks" jsonb NOT NULL,
	"total_penalty_fen" bigint NOT NULL,
	"passed" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "land_contracts" ADD CONSTRAINT "land_contracts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_contracts" ADD CONSTRAINT "land_contracts_parcel_id_land_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."land_parcels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_contracts" ADD CONSTRAINT "land_contracts_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_parcels" ADD CONSTRAINT "land_parcels_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_patrols" ADD CONSTRAINT "land_patrols_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_patrols" ADD CONSTRAINT "land_patrols_parcel_id_land_parcels_id_fk" FOREIGN KEY ("parcel_id") REFERENCES "public"."land_parcels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_patrols" ADD CONSTRAINT "land_patrols_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_reviews" ADD CONSTRAINT "land_reviews_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_reviews" ADD CONSTRAINT "land_reviews_contract_id_land_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."land_contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_reviews" ADD CONSTRAINT "land_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "land_contracts_zone_enterprise_idx" ON "land_contracts" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "land_parcels_zone_status_idx" ON "land_parcels" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "land_parcels_zone_enterprise_idx" ON "land_parcels" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "land_patrols_zone_parcel_idx" ON "land_patrols" USING btree ("zone_id","parcel_id","patrolled_on");--> statement-breakpoint
CREATE INDEX "land_reviews_zone_contract_idx" ON "land_reviews" USING btree ("zone_id","contract_id","reviewed_on");