CREATE TABLE "contact_station_members" (
	"station_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "contact_station_members_station_id_member_id_pk" PRIMARY KEY("station_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "contact_stations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "contact_stations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"region_id" integer NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"open_hours" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "livelihood_problems" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "livelihood_problems_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"region_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'collecting' NOT NULL,
	"goal" text DEFAULT '' NOT NULL,
	"outcome" text DEFAULT '' NOT NULL,
	"lead_department_id" integer,
	"progress" smallint DEFAULT 0 NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "livelihood_problems_status_ck" CHECK ("livelihood_problems"."status" in ('collecting','confirmed','in_progress','solved','partly_solved')),
	CONSTRAINT "livelihood_problems_progress_ck" CHECK ("livelihood_problems"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "opinion_named_staff" (
	"opinion_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_named_staff_opinion_id_user_id_pk" PRIMARY KEY("opinion_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "problem_departments" (
	"problem_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	CONSTRAINT "problem_departments_problem_id_department_id_pk" PRIMARY KEY("problem_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "problem_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"problem_id" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_evidence" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_evidence_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"problem_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"department_id" integer,
	"published" boolean DEFAULT true NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_evidence_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "problem_evidence_kind_ck" CHECK ("problem_evidence"."kind" in ('photo','document','report'))
);
--> statement-breakpoint
CREATE TABLE "problem_items" (
	"problem_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	"linked_by" integer,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_items_problem_id_opinion_id_pk" PRIMARY KEY("problem_id","opinion_id")
);
--> statement-breakpoint
CREATE TABLE "problem_milestones" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_milestones_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"problem_id" integer NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"progress" smallint NOT NULL,
	"reached_at" date,
	"note" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_milestones_progress_ck" CHECK ("problem_milestones"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "problem_subscriptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "problem_subscriptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"problem_id" integer,
	"region_id" integer,
	"lang" text DEFAULT 'zh' NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "problem_subscriptions_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "problem_subscriptions_target_ck" CHECK (("problem_subscriptions"."problem_id" is null) <> ("problem_subscriptions"."region_id" is null))
);
--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "publish_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "contact_station_id" integer;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "redacted_title" text;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "redacted_content" text;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "redaction_note" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "contact_station_members" ADD CONSTRAINT "contact_station_members_station_id_contact_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."contact_stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_station_members" ADD CONSTRAINT "contact_station_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_stations" ADD CONSTRAINT "contact_stations_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_problems" ADD CONSTRAINT "livelihood_problems_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "livelihood_problems" ADD CONSTRAINT "livelihood_problems_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_named_staff" ADD CONSTRAINT "opinion_named_staff_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_named_staff" ADD CONSTRAINT "opinion_named_staff_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_departments" ADD CONSTRAINT "problem_departments_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_departments" ADD CONSTRAINT "problem_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_evidence" ADD CONSTRAINT "problem_evidence_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_items" ADD CONSTRAINT "problem_items_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_items" ADD CONSTRAINT "problem_items_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_milestones" ADD CONSTRAINT "problem_milestones_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_subscriptions" ADD CONSTRAINT "problem_subscriptions_problem_id_livelihood_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."livelihood_problems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_subscriptions" ADD CONSTRAINT "problem_subscriptions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_station_members_member_idx" ON "contact_station_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "contact_stations_region_idx" ON "contact_stations" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "livelihood_problems_region_idx" ON "livelihood_problems" USING btree ("region_id","year");--> statement-breakpoint
CREATE INDEX "opinion_named_staff_user_idx" ON "opinion_named_staff" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "problem_events_problem_idx" ON "problem_events" USING btree ("problem_id","at");--> statement-breakpoint
CREATE INDEX "problem_evidence_problem_idx" ON "problem_evidence" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_items_opinion_idx" ON "problem_items" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "problem_milestones_problem_idx" ON "problem_milestones" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_subscriptions_problem_idx" ON "problem_subscriptions" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "problem_subscriptions_region_idx" ON "problem_subscriptions" USING btree ("region_id");--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_contact_station_id_contact_stations_id_fk" FOREIGN KEY ("contact_station_id") REFERENCES "public"."contact_stations"("id") ON DELETE no action ON UPDATE no action;