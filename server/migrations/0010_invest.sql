CREATE TABLE "investment_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_name" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investment_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"investor" text DEFAULT '' NOT NULL,
	"source_region" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"sub_park_id" uuid,
	"stage" text NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreed_investment_fen" bigint DEFAULT 0 NOT NULL,
	"funds_outside_province_fen" bigint DEFAULT 0 NOT NULL,
	"funds_abroad_usd_cents" bigint DEFAULT 0 NOT NULL,
	"usd_rate" numeric(10, 4),
	"fortune500" boolean DEFAULT false NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"xiangshang_return" boolean DEFAULT false NOT NULL,
	"plan" text DEFAULT '' NOT NULL,
	"signed_on" date,
	"enterprise_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investment_settings" (
	"zone_id" uuid PRIMARY KEY NOT NULL,
	"stage_sets" jsonb NOT NULL,
	"light_params" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investment_stage_moves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"from_stage" text NOT NULL,
	"to_stage" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"enterprise" jsonb,
	"key_project" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"opinion" text DEFAULT '' NOT NULL,
	"days_in_stage" integer
);
--> statement-breakpoint
CREATE TABLE "investment_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"signed_count" integer DEFAULT 0 NOT NULL,
	"signed_amount_fen" bigint DEFAULT 0 NOT NULL,
	"funds_in_place_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "investment_targets_zone_team_year_uq" UNIQUE("zone_id","team_id","year")
);
--> statement-breakpoint
CREATE TABLE "investment_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"leader_name" text DEFAULT '' NOT NULL,
	"department_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_teams_zone_name_uq" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "dispatch_issues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"key_project_id" uuid,
	"description" text NOT NULL,
	"owner_department_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"commitment" text DEFAULT 'none' NOT NULL,
	"raised_on" date NOT NULL,
	"workdays" integer NOT NULL,
	"due_on" date NOT NULL,
	"due_provisional" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"closing_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dispatch_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"chair_name" text DEFAULT '' NOT NULL,
	"agenda" jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_project_months" (
	"zone_id" uuid NOT NULL,
	"key_project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"completed_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "key_project_months_uq" UNIQUE("zone_id","key_project_id","year","month")
);
--> statement-breakpoint
CREATE TABLE "key_project_years" (
	"zone_id" uuid NOT NULL,
	"key_project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"planned_fen" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "key_project_years_uq" UNIQUE("zone_id","key_project_id","year")
);
--> statement-breakpoint
CREATE TABLE "key_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"pipeline_project_id" uuid,
	"enterprise_id" uuid,
	"sub_park_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"leader_name" text DEFAULT '' NOT NULL,
	"unit_id" uuid,
	"planned_start" date NOT NULL,
	"planned_completion" date NOT NULL,
	"actual_start" date,
	"actual_completion" date,
	"stats_registered_on" date,
	"total_investment_fen" bigint DEFAULT 0 NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light" text DEFAULT 'green' NOT NULL,
	"light_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"light_as_of" date,
	"light_since" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_projects_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
ALTER TABLE "investment_opinions" ADD CONSTRAINT "investment_opinions_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_opinions" ADD CONSTRAINT "investment_opinions_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_team_id_investment_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."investment_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_sub_park_id_sub_parks_id_fk" FOREIGN KEY ("sub_park_id") REFERENCES "public"."sub_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_projects" ADD CONSTRAINT "investment_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_settings" ADD CONSTRAINT "investment_settings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_stage_moves" ADD CONSTRAINT "investment_stage_moves_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_stage_moves" ADD CONSTRAINT "investment_stage_moves_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_targets" ADD CONSTRAINT "investment_targets_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_targets" ADD CONSTRAINT "investment_targets_team_id_investment_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."investment_teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_teams" ADD CONSTRAINT "investment_teams_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_teams" ADD CONSTRAINT "investment_teams_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_issues" ADD CONSTRAINT "dispatch_issues_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_issues" ADD CONSTRAINT "dispatch_issues_meeting_id_dispatch_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."dispatch_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_issues" ADD CONSTRAINT "dispatch_issues_key_project_id_key_projects_id_fk" FOREIGN KEY ("key_project_id") REFERENCES "public"."key_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_issues" ADD CONSTRAINT "dispatch_issues_owner_department_id_departments_id_fk" FOREIGN KEY ("owner_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatch_meetings" ADD CONSTRAINT "dispatch_meetings_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_months" ADD CONSTRAINT "key_project_months_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_months" ADD CONSTRAINT "key_project_months_key_project_id_key_projects_id_fk" FOREIGN KEY ("key_project_id") REFERENCES "public"."key_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_years" ADD CONSTRAINT "key_project_years_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_years" ADD CONSTRAINT "key_project_years_key_project_id_key_projects_id_fk" FOREIGN KEY ("key_project_id") REFERENCES "public"."key_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_pipeline_project_id_investment_projects_id_fk" FOREIGN KEY ("pipeline_project_id") REFERENCES "public"."investment_projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_sub_park_id_sub_parks_id_fk" FOREIGN KEY ("sub_park_id") REFERENCES "public"."sub_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_projects" ADD CONSTRAINT "key_projects_unit_id_departments_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "investment_opinions_zone_project_idx" ON "investment_opinions" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE INDEX "investment_projects_zone_stage_idx" ON "investment_projects" USING btree ("zone_id","type","stage");--> statement-breakpoint
CREATE INDEX "investment_projects_zone_team_idx" ON "investment_projects" USING btree ("zone_id","team_id");--> statement-breakpoint
CREATE INDEX "investment_projects_zone_signed_idx" ON "investment_projects" USING btree ("zone_id","signed_on");--> statement-breakpoint
CREATE INDEX "investment_stage_moves_zone_project_idx" ON "investment_stage_moves" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE INDEX "investment_stage_moves_zone_status_idx" ON "investment_stage_moves" USING btree ("zone_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "investment_stage_moves_one_pending_uq" ON "investment_stage_moves" USING btree ("zone_id","project_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "dispatch_issues_zone_status_idx" ON "dispatch_issues" USING btree ("zone_id","status","due_on");--> statement-breakpoint
CREATE INDEX "dispatch_issues_zone_meeting_idx" ON "dispatch_issues" USING btree ("zone_id","meeting_id");--> statement-breakpoint
CREATE INDEX "dispatch_issues_zone_project_idx" ON "dispatch_issues" USING btree ("zone_id","key_project_id");--> statement-breakpoint
CREATE INDEX "dispatch_meetings_zone_held_idx" ON "dispatch_meetings" USING btree ("zone_id","held_on");--> statement-breakpoint
CREATE INDEX "key_projects_zone_light_idx" ON "key_projects" USING btree ("zone_id","light","name");--> statement-breakpoint
CREATE INDEX "key_projects_zone_level_idx" ON "key_projects" USING btree ("zone_id","level","name");--> statement-breakpoint
CREATE INDEX "key_projects_zone_enterprise_idx" ON "key_projects" USING btree ("zone_id","enterprise_id");