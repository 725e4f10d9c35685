CREATE TABLE "cultivation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_criteria_zone_tier_uq" UNIQUE("zone_id","tier")
);
--> statement-breakpoint
CREATE TABLE "enterprise_tier_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"from_tier" text,
	"to_tier" text,
	"moved_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_tiers" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"zone_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"since" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cultivation_criteria" ADD CONSTRAINT "cultivation_criteria_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprise_tier_moves_zone_idx" ON "enterprise_tier_moves" USING btree ("zone_id","moved_on");--> statement-breakpoint
CREATE INDEX "enterprise_tiers_zone_tier_idx" ON "enterprise_tiers" USING btree ("zone_id","tier");