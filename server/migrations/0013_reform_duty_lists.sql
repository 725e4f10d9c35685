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
ALTER TABLE "reform_duty_items" ADD CONSTRAINT "reform_duty_items_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reform_duty_items" ADD CONSTRAINT "reform_duty_items_district_department_id_reform_district_departments_id_fk" FOREIGN KEY ("district_department_id") REFERENCES "public"."reform_district_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_list_area_idx" ON "reform_duty_items" USING btree ("zone_id","list","area");--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_name_idx" ON "reform_duty_items" USING btree ("zone_id","name");--> statement-breakpoint
CREATE INDEX "reform_duty_items_zone_dept_idx" ON "reform_duty_items" USING btree ("zone_id","district_department_id");