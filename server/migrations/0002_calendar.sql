CREATE TABLE "calendar_days" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_days_pk" PRIMARY KEY("year","version","date"),
	CONSTRAINT "calendar_days_in_year_ck" CHECK (extract(year from "calendar_days"."date") = "calendar_days"."year")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "calendar_years_pk" PRIMARY KEY("year","version"),
	CONSTRAINT "calendar_years_year_ck" CHECK ("calendar_years"."year" between 1900 and 2200),
	CONSTRAINT "calendar_years_version_ck" CHECK ("calendar_years"."version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_version_fk" FOREIGN KEY ("year","version") REFERENCES "public"."calendar_years"("year","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;