CREATE TABLE "reform_authority_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"mode" text NOT NULL,
	"granting_dept" text DEFAULT '' NOT NULL,
	"legal_basis" text DEFAULT '' NOT NULL,
	"handling" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "reform_authority_items_version_code_uq" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "reform_authority_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"effective_on" date,
	"published_at" timestamp with time zone,
	"published_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_authority_versions_zone_no_uq" UNIQUE("zone_id","version_no")
);
--> statement-breakpoint
CREATE TABLE "reform_contract_staff" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"person_no" text NOT NULL,
	"name" text NOT NULL,
	"former_unit" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"decided_on" date,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "reform_contract_staff_zone_person_uq" UNIQUE("zone_id","person_no")
);
--> statement-breakpoint
CREATE TABLE "reform_district_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"response_days" integer DEFAULT 5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_district_departments_zone_name_uq" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "reform_org_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"phase" text NOT NULL,
	"as_of" date NOT NULL,
	"institutions" integer NOT NULL,
	"public_institutions" integer NOT NULL,
	"leadership_posts" integer NOT NULL,
	"section_cadres" integer NOT NULL,
	"establishment" integer NOT NULL,
	"on_staff" integer NOT NULL,
	"contract_staff" integer NOT NULL,
	"soe_staff" integer NOT NULL,
	"total" integer NOT NULL,
	"yearly_cost_fen" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_org_snapshots_zone_phase_uq" UNIQUE("zone_id","phase")
);
--> statement-breakpoint
CREATE TABLE "reform_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"work_group" text NOT NULL,
	"owner" text NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"completed_on" date,
	"evidence" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_tasks_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
CREATE TABLE "reform_whistles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"department_id" uuid NOT NULL,
	"raised_on" date NOT NULL,
	"response_days" integer NOT NULL,
	"due_on" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"responded_on" date,
	"response" text DEFAULT '' NOT NULL,
	"response_workdays" integer,
	"closed_on" date,
	"closure_note" text DEFAULT '' NOT NULL,
	"origin" text DEFAULT 'zone' NOT NULL,
	"origin_ref" text,
	"raised_by" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_whistles_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
ALTER TABLE "reform_authority_items" ADD CONSTRAINT "reform_authority_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_authority_items" ADD CONSTRAINT "reform_authority_items_version_id_reform_authority_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."reform_authority_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_authority_versions" ADD CONSTRAINT "reform_authority_versions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_contract_staff" ADD CONSTRAINT "reform_contract_staff_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_district_departments" ADD CONSTRAINT "reform_district_departments_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_org_snapshots" ADD CONSTRAINT "reform_org_snapshots_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_tasks" ADD CONSTRAINT "reform_tasks_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_whistles" ADD CONSTRAINT "reform_whistles_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_whistles" ADD CONSTRAINT "reform_whistles_department_id_reform_district_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."reform_district_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_authority_items_zone_version_idx" ON "reform_authority_items" USING btree ("zone_id","version_id","code");--> statement-breakpoint
CREATE INDEX "reform_authority_items_zone_code_idx" ON "reform_authority_items" USING btree ("zone_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_authority_versions_one_draft_uq" ON "reform_authority_versions" USING btree ("zone_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "reform_contract_staff_zone_channel_idx" ON "reform_contract_staff" USING btree ("zone_id","channel");--> statement-breakpoint
CREATE INDEX "reform_tasks_zone_group_idx" ON "reform_tasks" USING btree ("zone_id","work_group","code");--> statement-breakpoint
CREATE INDEX "reform_tasks_zone_deadline_idx" ON "reform_tasks" USING btree ("zone_id","status","deadline");--> statement-breakpoint
CREATE INDEX "reform_whistles_zone_status_due_idx" ON "reform_whistles" USING btree ("zone_id","status","due_on");--> statement-breakpoint
CREATE INDEX "reform_whistles_zone_department_idx" ON "reform_whistles" USING btree ("zone_id","department_id");--> statement-breakpoint
CREATE INDEX "reform_whistles_zone_raised_idx" ON "reform_whistles" USING btree ("zone_id","raised_on");