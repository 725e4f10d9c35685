CREATE TABLE "reform_duty_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"area" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"receiver_kind" text,
	"receiving_body" text DEFAULT '' NOT NULL,
	"district_department_id" uuid,
	"zone_duty" text DEFAULT '' NOT NULL,
	"district_duty" text DEFAULT '' NOT NULL,
	"platform_duty" text DEFAULT '' NOT NULL,
	"effective_on" date NOT NULL,
	"retired_on" date,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_duty_items_zone_list_code_uq" UNIQUE("zone_id","list","code")
);
--> statement-breakpoint
CREATE TABLE "reform_platform_cooperation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"area" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text,
	"contract_fen" bigint DEFAULT 0 NOT NULL,
	"year" integer NOT NULL,
	"counterparty" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_platform_cooperation_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
CREATE TABLE "reform_platform_financing" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"lender" text NOT NULL,
	"kind" text NOT NULL,
	"principal_fen" bigint NOT NULL,
	"rate_bp" integer NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"replaces_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_platform_financing_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
CREATE TABLE "reform_platform_matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"company" text NOT NULL,
	"amount_fen" bigint,
	"detail" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date,
	"submitted_by" text DEFAULT '' NOT NULL,
	"decided_on" date,
	"meeting" text DEFAULT '' NOT NULL,
	"decision_note" text DEFAULT '' NOT NULL,
	"decided_by" text DEFAULT '' NOT NULL,
	"executed_on" date,
	"execution_note" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reform_platform_matters_zone_code_uq" UNIQUE("zone_id","code")
);
--> statement-breakpoint
ALTER TABLE "reform_duty_items" ADD CONSTRAINT "reform_duty_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_duty_items" ADD CONSTRAINT "reform_duty_items_district_department_id_reform_district_departments_id_fk" FOREIGN KEY ("district_department_id") REFERENCES "public"."reform_district_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_platform_cooperation" ADD CONSTRAINT "reform_platform_cooperation_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_platform_financing" ADD CONSTRAINT "reform_platform_financing_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_platform_matters" ADD CONSTRAINT "reform_platform_matters_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_list_area_idx" ON "reform_duty_items" USING btree ("zone_id","list","area");--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_name_idx" ON "reform_duty_items" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_dept_idx" ON "reform_duty_items" USING btree ("zone_id","district_department_id");--> statement-breakpoint
CREATE INDEX "reform_platform_cooperation_zone_kind_idx" ON "reform_platform_cooperation" USING btree ("zone_id","kind","year");--> statement-breakpoint
CREATE UNIQUE INDEX "reform_platform_financing_replaces_uq" ON "reform_platform_financing" USING btree ("zone_id","replaces_id") WHERE replaces_id is not null;--> statement-breakpoint
CREATE INDEX "reform_platform_matters_zone_status_idx" ON "reform_platform_matters" USING btree ("zone_id","status");