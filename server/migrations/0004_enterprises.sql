CREATE TABLE "enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"sub_park_id" uuid,
	"credit_code" text NOT NULL,
	"name" text NOT NULL,
	"name_pinyin" text DEFAULT '' NOT NULL,
	"name_initials" text DEFAULT '' NOT NULL,
	"industry_code" text NOT NULL,
	"industry_section" text NOT NULL,
	"scale" text DEFAULT 'below' NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"land_mu" numeric(12, 2),
	"building_m2" numeric(14, 2),
	"legal_rep" text DEFAULT '' NOT NULL,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_officer_id" uuid,
	"established_on" date,
	"status" text DEFAULT 'operating' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_zone_credit_code_uq" UNIQUE("zone_id","credit_code")
);
--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_sub_park_id_sub_parks_id_fk" FOREIGN KEY ("sub_park_id") REFERENCES "public"."sub_parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_service_officer_id_staff_id_fk" FOREIGN KEY ("service_officer_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enterprises_zone_name_idx" ON "enterprises" USING btree ("zone_id","name","id");--> statement-breakpoint
CREATE INDEX "enterprises_zone_sub_park_idx" ON "enterprises" USING btree ("zone_id","sub_park_id","scale","name");--> statement-breakpoint
CREATE INDEX "enterprises_zone_scale_idx" ON "enterprises" USING btree ("zone_id","scale","name");--> statement-breakpoint
CREATE INDEX "enterprises_zone_officer_idx" ON "enterprises" USING btree ("zone_id","service_officer_id");--> statement-breakpoint
CREATE INDEX "enterprises_zone_initials_idx" ON "enterprises" USING btree ("zone_id","name_initials" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enterprises_zone_pinyin_idx" ON "enterprises" USING btree ("zone_id","name_pinyin" text_pattern_ops);