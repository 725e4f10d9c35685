CREATE TABLE "approval_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_name" text,
	"reason" text,
	"materials" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "approval_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"case_no" text NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"project_code" text,
	"project_name" text,
	"stage" integer,
	"mode" text DEFAULT 'normal' NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"joint" boolean DEFAULT false NOT NULL,
	"rongque_allowed" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"outcome" text,
	"limit_unit" text DEFAULT 'workday' NOT NULL,
	"committed_days" integer NOT NULL,
	"statutory_days" integer NOT NULL,
	"materials_before_bundle" integer DEFAULT 0 NOT NULL,
	"extension_days" integer DEFAULT 0 NOT NULL,
	"extension_approver" text,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"supplied_materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"attachments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"correction_list" text[] DEFAULT '{}'::text[] NOT NULL,
	"rongque_materials" text[] DEFAULT '{}'::text[] NOT NULL,
	"rongque_due" date,
	"verification_due" date,
	"suspensions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"agent_user_id" uuid,
	"submitted_on" date,
	"accepted_on" date,
	"decided_on" date,
	"closed_on" date,
	"last_on" date,
	"committed_due" date,
	"statutory_due" date,
	"deadline_provisional" boolean DEFAULT false NOT NULL,
	"handling_days" integer,
	"committed_passed" boolean DEFAULT false NOT NULL,
	"overdue" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_cases_case_no_uq" UNIQUE("case_no")
);
--> statement-breakpoint
CREATE TABLE "approval_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"stage" integer,
	"lead_department_id" uuid NOT NULL,
	"statutory_days" integer NOT NULL,
	"committed_days" integer NOT NULL,
	"limit_unit" text DEFAULT 'workday' NOT NULL,
	"modes" text[] DEFAULT '{}'::text[] NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"prerequisite_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"online" boolean DEFAULT true NOT NULL,
	"authority_item_code" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_items_zone_code_uq" UNIQUE("zone_id","code"),
	CONSTRAINT "approval_items_committed_le_statutory" CHECK ("approval_items"."committed_days" <= "approval_items"."statutory_days"),
	CONSTRAINT "approval_items_stage" CHECK ("approval_items"."stage" is null or "approval_items"."stage" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "approval_rules" (
	"zone_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"params" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_rules_zone_year_uq" UNIQUE("zone_id","year")
);
--> statement-breakpoint
ALTER TABLE "approval_case_events" ADD CONSTRAINT "approval_case_events_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_case_events" ADD CONSTRAINT "approval_case_events_case_id_approval_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."approval_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_cases" ADD CONSTRAINT "approval_cases_agent_user_id_users_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_rules" ADD CONSTRAINT "approval_rules_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_case_events_zone_case_idx" ON "approval_case_events" USING btree ("zone_id","case_id","at");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_created_idx" ON "approval_cases" USING btree ("zone_id","created_at","id");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_status_idx" ON "approval_cases" USING btree ("zone_id","status");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_dept_idx" ON "approval_cases" USING btree ("zone_id","lead_department_id","decided_on");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_enterprise_idx" ON "approval_cases" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_project_idx" ON "approval_cases" USING btree ("zone_id","project_code");--> statement-breakpoint
CREATE INDEX "approval_cases_zone_decided_idx" ON "approval_cases" USING btree ("zone_id","decided_on");--> statement-breakpoint
CREATE INDEX "approval_items_zone_name_idx" ON "approval_items" USING btree ("zone_id","name","id");--> statement-breakpoint
CREATE INDEX "approval_items_zone_dept_idx" ON "approval_items" USING btree ("zone_id","lead_department_id");