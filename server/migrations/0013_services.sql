CREATE TABLE "policy_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"status" text NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"file_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"auto_granted" boolean DEFAULT false NOT NULL,
	"submitted_on" date NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"review_note" text,
	"decided_on" date,
	"award_fen" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_applications_policy_enterprise_uq" UNIQUE("policy_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "policy_payouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" date NOT NULL,
	"voucher" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "policy_payouts_amount_ck" CHECK ("policy_payouts"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "cultivation_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"rules" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cultivation_criteria_zone_tier_uq" UNIQUE("zone_id","tier")
);
--> statement-breakpoint
CREATE TABLE "enterprise_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"code" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprise_codes_enterprise_uq" UNIQUE("enterprise_id"),
	CONSTRAINT "enterprise_codes_zone_code_uq" UNIQUE("zone_id","code")
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
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"joint_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"inspected_on" date NOT NULL,
	"inspectors" text NOT NULL,
	"kind" text NOT NULL,
	"purpose" text NOT NULL,
	"result" text NOT NULL,
	"result_note" text DEFAULT '' NOT NULL,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_applications" ADD CONSTRAINT "policy_applications_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_application_id_policy_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."policy_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_payouts" ADD CONSTRAINT "policy_payouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cultivation_criteria" ADD CONSTRAINT "cultivation_criteria_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_codes" ADD CONSTRAINT "enterprise_codes_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_codes" ADD CONSTRAINT "enterprise_codes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tier_moves" ADD CONSTRAINT "enterprise_tier_moves_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_tiers" ADD CONSTRAINT "enterprise_tiers_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "policy_applications_zone_status_idx" ON "policy_applications" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "policy_payouts_application_idx" ON "policy_payouts" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "enterprise_tier_moves_zone_idx" ON "enterprise_tier_moves" USING btree ("zone_id","moved_on");--> statement-breakpoint
CREATE INDEX "enterprise_tiers_zone_tier_idx" ON "enterprise_tiers" USING btree ("zone_id","tier");--> statement-breakpoint
CREATE INDEX "inspections_zone_enterprise_idx" ON "inspections" USING btree ("zone_id","enterprise_id","inspected_on");--> statement-breakpoint
CREATE INDEX "inspections_zone_department_idx" ON "inspections" USING btree ("zone_id","department_id","inspected_on");--> statement-breakpoint
ALTER TABLE "demands" ADD CONSTRAINT "demands_whistle_id_reform_whistles_id_fk" FOREIGN KEY ("whistle_id") REFERENCES "public"."reform_whistles"("id") ON DELETE no action ON UPDATE no action;