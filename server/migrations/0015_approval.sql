CREATE TABLE "approval_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"notice_no" text NOT NULL,
	"issued_on" date NOT NULL,
	"issued_by" text,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_notices_no_uq" UNIQUE("notice_no")
);
--> statement-breakpoint
ALTER TABLE "approval_notices" ADD CONSTRAINT "approval_notices_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_notices" ADD CONSTRAINT "approval_notices_case_id_approval_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."approval_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_notices_zone_case_idx" ON "approval_notices" USING btree ("zone_id","case_id","created_at");