CREATE TABLE "appointment_applicants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"staff_id" uuid NOT NULL,
	"written_score" numeric(5, 2),
	"interview_score" numeric(5, 2),
	"total" numeric(6, 2),
	"rank" integer,
	"result" text,
	"appointment_id" uuid,
	CONSTRAINT "appointment_applicants_round_staff_uq" UNIQUE("round_id","staff_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_round_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	CONSTRAINT "appointment_round_posts_uq" UNIQUE("round_id","post_id")
);
--> statement-breakpoint
CREATE TABLE "appointment_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"zone_id" uuid NOT NULL,
	"name" text NOT NULL,
	"method" text NOT NULL,
	"written_weight" numeric(5, 2) NOT NULL,
	"interview_weight" numeric(5, 2) NOT NULL,
	"pass_score" numeric(5, 2) NOT NULL,
	"publicity_days" integer NOT NULL,
	"term_starts_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"publicity_starts_on" date,
	"publicity_ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_rounds_zone_name_uq" UNIQUE("zone_id","name")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment_applicants" ADD CONSTRAINT "appointment_applicants_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_applicants" ADD CONSTRAINT "appointment_applicants_round_id_appointment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."appointment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_applicants" ADD CONSTRAINT "appointment_applicants_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_applicants" ADD CONSTRAINT "appointment_applicants_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_applicants" ADD CONSTRAINT "appointment_applicants_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_round_posts" ADD CONSTRAINT "appointment_round_posts_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_round_posts" ADD CONSTRAINT "appointment_round_posts_round_id_appointment_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."appointment_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_round_posts" ADD CONSTRAINT "appointment_round_posts_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_rounds" ADD CONSTRAINT "appointment_rounds_zone_id_zones_id_fk" FOREIGN KEY ("zone_id") REFERENCES "public"."zones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointment_applicants_zone_round_idx" ON "appointment_applicants" USING btree ("zone_id","round_id","post_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_staff_id_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_staff_uq" UNIQUE("staff_id");