CREATE TABLE "investment_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"team_id" uuid,
	"project_id" uuid,
	"target_company_id" uuid,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"counterparts" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"recorded_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investment_chain_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"chain_id" uuid NOT NULL,
	"parent_id" uuid,
	"segment" text NOT NULL,
	"name" text NOT NULL,
	"gap_action" text DEFAULT 'none' NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "investment_chain_links_chain_name_uq" UNIQUE("zone_id","chain_id","name")
);
--> statement-breakpoint
CREATE TABLE "investment_chains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_chains_zone_name_uq" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "investment_green_cards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"card_no" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_phone" text DEFAULT '' NOT NULL,
	"specialist_name" text NOT NULL,
	"specialist_phone" text DEFAULT '' NOT NULL,
	"privileges" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_reason" text DEFAULT '' NOT NULL,
	"issued_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_green_cards_zone_no_uq" UNIQUE("zone_id","card_no")
);
--> statement-breakpoint
CREATE TABLE "investment_link_enterprises" (
	"zone_id" uuid NOT NULL,
	"link_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"chain_leader" boolean DEFAULT false NOT NULL,
	CONSTRAINT "investment_link_enterprises_link_id_enterprise_id_pk" PRIMARY KEY("link_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "investment_target_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"chain_id" uuid,
	"link_id" uuid,
	"region" text DEFAULT '' NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"priority" text DEFAULT 'B' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"fortune500" boolean DEFAULT false NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"project_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investment_target_companies_zone_name_uq" UNIQUE("zone_id","name")
);
--> statement-breakpoint
CREATE TABLE "key_project_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"key_project_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"caption" text DEFAULT '' NOT NULL,
	"uploaded_by_name" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "key_project_photos_file_uq" UNIQUE("zone_id","key_project_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "investment_activities" ADD CONSTRAINT "investment_activities_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_activities" ADD CONSTRAINT "investment_activities_team_id_investment_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."investment_teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_activities" ADD CONSTRAINT "investment_activities_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_activities" ADD CONSTRAINT "investment_activities_target_company_id_investment_target_companies_id_fk" FOREIGN KEY ("target_company_id") REFERENCES "public"."investment_target_companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_chain_links" ADD CONSTRAINT "investment_chain_links_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_chain_links" ADD CONSTRAINT "investment_chain_links_chain_id_investment_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."investment_chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_chain_links" ADD CONSTRAINT "investment_chain_links_parent_id_investment_chain_links_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."investment_chain_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_chains" ADD CONSTRAINT "investment_chains_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_green_cards" ADD CONSTRAINT "investment_green_cards_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_green_cards" ADD CONSTRAINT "investment_green_cards_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_link_enterprises" ADD CONSTRAINT "investment_link_enterprises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_link_enterprises" ADD CONSTRAINT "investment_link_enterprises_link_id_investment_chain_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."investment_chain_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_link_enterprises" ADD CONSTRAINT "investment_link_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_target_companies" ADD CONSTRAINT "investment_target_companies_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_target_companies" ADD CONSTRAINT "investment_target_companies_chain_id_investment_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."investment_chains"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_target_companies" ADD CONSTRAINT "investment_target_companies_link_id_investment_chain_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."investment_chain_links"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investment_target_companies" ADD CONSTRAINT "investment_target_companies_project_id_investment_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."investment_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_photos" ADD CONSTRAINT "key_project_photos_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_photos" ADD CONSTRAINT "key_project_photos_key_project_id_key_projects_id_fk" FOREIGN KEY ("key_project_id") REFERENCES "public"."key_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_project_photos" ADD CONSTRAINT "key_project_photos_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "investment_activities_zone_day_idx" ON "investment_activities" USING btree ("zone_id","held_on");--> statement-breakpoint
CREATE INDEX "investment_activities_zone_project_idx" ON "investment_activities" USING btree ("zone_id","project_id");--> statement-breakpoint
CREATE INDEX "investment_chain_links_zone_chain_idx" ON "investment_chain_links" USING btree ("zone_id","chain_id");--> statement-breakpoint
CREATE UNIQUE INDEX "investment_green_cards_one_active_uq" ON "investment_green_cards" USING btree ("zone_id","project_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "investment_link_enterprises_zone_idx" ON "investment_link_enterprises" USING btree ("zone_id","enterprise_id");--> statement-breakpoint
CREATE INDEX "investment_target_companies_zone_link_idx" ON "investment_target_companies" USING btree ("zone_id","chain_id","link_id");--> statement-breakpoint
CREATE INDEX "key_project_photos_zone_project_idx" ON "key_project_photos" USING btree ("zone_id","key_project_id","taken_on");