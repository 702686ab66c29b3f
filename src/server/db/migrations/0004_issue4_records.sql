CREATE TABLE "assessment_appeals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_appeals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"member_id" integer NOT NULL,
	"rule_id" integer NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"adjustment" numeric(7, 2) DEFAULT 0 NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_appeals_status_ck" CHECK ("assessment_appeals"."status" in ('pending','accepted','rejected'))
);
--> statement-breakpoint
CREATE TABLE "assessment_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"rule_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"date" date NOT NULL,
	"quantity" numeric(7, 2) DEFAULT 1 NOT NULL,
	"evidence" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_evaluations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_evaluations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"member_id" integer NOT NULL,
	"evaluator_kind" text NOT NULL,
	"representative_id" integer,
	"evaluator_name" text DEFAULT '' NOT NULL,
	"grade" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_evaluations_kind_ck" CHECK ("assessment_evaluations"."evaluator_kind" in ('representative','staff')),
	CONSTRAINT "assessment_evaluations_grade_ck" CHECK ("assessment_evaluations"."grade" in ('excellent','good','fair','poor'))
);
--> statement-breakpoint
CREATE TABLE "assessment_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"source" text NOT NULL,
	"points" numeric(7, 2) NOT NULL,
	"cap" numeric(7, 2),
	"is_deduction" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "assessment_rules_points_ck" CHECK ("assessment_rules"."points" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_snapshots" (
	"year" smallint NOT NULL,
	"member_id" integer NOT NULL,
	"total" numeric(7, 2) NOT NULL,
	"detail" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_snapshots_year_member_id_pk" PRIMARY KEY("year","member_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_years" (
	"year" smallint PRIMARY KEY NOT NULL,
	"scheme_name" text NOT NULL,
	"full_marks" integer DEFAULT 100 NOT NULL,
	"base_score" numeric(7, 2) DEFAULT 0 NOT NULL,
	"talk_threshold" numeric(7, 2) DEFAULT 60 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bulletin_items" (
	"bulletin_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	CONSTRAINT "bulletin_items_bulletin_id_opinion_id_pk" PRIMARY KEY("bulletin_id","opinion_id")
);
--> statement-breakpoint
CREATE TABLE "bulletin_outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bulletin_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"bulletin_id" integer NOT NULL,
	"kind" text NOT NULL,
	"level" text,
	"leader_name" text DEFAULT '' NOT NULL,
	"date" date NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletin_outcomes_kind_ck" CHECK ("bulletin_outcomes"."kind" in ('adoption','instruction')),
	CONSTRAINT "bulletin_outcomes_level_ck" CHECK ("bulletin_outcomes"."level" is null or "bulletin_outcomes"."level" in ('county','city','province','national'))
);
--> statement-breakpoint
CREATE TABLE "bulletins" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "bulletins_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"number" integer,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"distribution" text DEFAULT '' NOT NULL,
	"editor_id" integer,
	"signed_off_by" integer,
	"signed_off_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"issue_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bulletins_status_ck" CHECK ("bulletins"."status" in ('draft','submitted','signed_off','issued'))
);
--> statement-breakpoint
CREATE TABLE "consultation_outcomes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_outcomes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"content" text NOT NULL,
	"department_id" integer,
	"deadline" date,
	"progress" smallint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"grade" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_outcomes_status_ck" CHECK ("consultation_outcomes"."status" in ('open','assigned','in_progress','done')),
	CONSTRAINT "consultation_outcomes_grade_ck" CHECK ("consultation_outcomes"."grade" is null or "consultation_outcomes"."grade" in ('A','B','C')),
	CONSTRAINT "consultation_outcomes_progress_ck" CHECK ("consultation_outcomes"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "consultation_participants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultation_participants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"consultation_id" integer NOT NULL,
	"kind" text NOT NULL,
	"member_id" integer,
	"representative_id" integer,
	"department_id" integer,
	"name" text DEFAULT '' NOT NULL,
	"attended" boolean,
	CONSTRAINT "consultation_participants_kind_ck" CHECK ("consultation_participants"."kind" in ('member','representative','citizen','department'))
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "consultations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"topic" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"meeting_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultations_status_ck" CHECK ("consultations"."status" in ('planned','held','implementing','completed'))
);
--> statement-breakpoint
CREATE TABLE "proposal_cosigners" (
	"proposal_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "proposal_cosigners_proposal_id_member_id_pk" PRIMARY KEY("proposal_id","member_id"),
	CONSTRAINT "proposal_cosigners_status_ck" CHECK ("proposal_cosigners"."status" in ('invited','accepted','declined'))
);
--> statement-breakpoint
CREATE TABLE "proposal_departments" (
	"proposal_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "proposal_departments_proposal_id_department_id_pk" PRIMARY KEY("proposal_id","department_id"),
	CONSTRAINT "proposal_departments_role_ck" CHECK ("proposal_departments"."role" in ('lead','co'))
);
--> statement-breakpoint
CREATE TABLE "proposal_opinions" (
	"proposal_id" integer NOT NULL,
	"opinion_id" integer NOT NULL,
	CONSTRAINT "proposal_opinions_proposal_id_opinion_id_pk" PRIMARY KEY("proposal_id","opinion_id")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "proposals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"year" smallint NOT NULL,
	"number" integer,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"proposer_member_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"cosign_deadline" date,
	"submitted_at" timestamp with time zone,
	"decision_reason" text DEFAULT '' NOT NULL,
	"decided_at" timestamp with time zone,
	"assigned_at" timestamp with time zone,
	"reply_due" date,
	"reply" text DEFAULT '' NOT NULL,
	"replied_at" timestamp with time zone,
	"rating" text,
	"rating_comment" text DEFAULT '' NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_status_ck" CHECK ("proposals"."status" in ('draft','cosigning','submitted','registered','not_registered','converted','assigned','replied','rated')),
	CONSTRAINT "proposals_rating_ck" CHECK ("proposals"."rating" is null or "proposals"."rating" in ('satisfied','basically_satisfied','unsatisfied'))
);
--> statement-breakpoint
CREATE TABLE "reception_bookings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reception_bookings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slot_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"topic" text NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"opinion_id" integer,
	"checked_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_bookings_code_unique" UNIQUE("code"),
	CONSTRAINT "reception_bookings_status_ck" CHECK ("reception_bookings"."status" in ('booked','cancelled','checked_in','no_show'))
);
--> statement-breakpoint
CREATE TABLE "reception_day_members" (
	"reception_day_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	CONSTRAINT "reception_day_members_reception_day_id_member_id_pk" PRIMARY KEY("reception_day_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "reception_days" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reception_days_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"title" text NOT NULL,
	"date" date NOT NULL,
	"place" text NOT NULL,
	"region_id" integer,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"activity_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reception_days_status_ck" CHECK ("reception_days"."status" in ('scheduled','held','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "reception_slots" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reception_slots_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"reception_day_id" integer NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "record_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entity" text NOT NULL,
	"entity_id" integer NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"actor_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_views_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"user_id" integer NOT NULL,
	"scope" text DEFAULT 'opinions' NOT NULL,
	"name" text NOT NULL,
	"query" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_year_assessment_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."assessment_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_appeals" ADD CONSTRAINT "assessment_appeals_rule_id_assessment_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."assessment_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_year_assessment_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."assessment_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_rule_id_assessment_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."assessment_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_entries" ADD CONSTRAINT "assessment_entries_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evaluations" ADD CONSTRAINT "assessment_evaluations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_evaluations" ADD CONSTRAINT "assessment_evaluations_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_rules" ADD CONSTRAINT "assessment_rules_year_assessment_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."assessment_years"("year") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD CONSTRAINT "assessment_snapshots_year_assessment_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."assessment_years"("year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_snapshots" ADD CONSTRAINT "assessment_snapshots_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_items" ADD CONSTRAINT "bulletin_items_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_items" ADD CONSTRAINT "bulletin_items_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletin_outcomes" ADD CONSTRAINT "bulletin_outcomes_bulletin_id_bulletins_id_fk" FOREIGN KEY ("bulletin_id") REFERENCES "public"."bulletins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_category_id_opinion_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."opinion_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_editor_id_users_id_fk" FOREIGN KEY ("editor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulletins" ADD CONSTRAINT "bulletins_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_outcomes" ADD CONSTRAINT "consultation_outcomes_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_participants" ADD CONSTRAINT "consultation_participants_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_cosigners" ADD CONSTRAINT "proposal_cosigners_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_cosigners" ADD CONSTRAINT "proposal_cosigners_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_departments" ADD CONSTRAINT "proposal_departments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_departments" ADD CONSTRAINT "proposal_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_opinions" ADD CONSTRAINT "proposal_opinions_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_opinions" ADD CONSTRAINT "proposal_opinions_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_proposer_member_id_members_id_fk" FOREIGN KEY ("proposer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_slot_id_reception_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."reception_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_bookings" ADD CONSTRAINT "reception_bookings_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_day_members" ADD CONSTRAINT "reception_day_members_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_day_members" ADD CONSTRAINT "reception_day_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_days" ADD CONSTRAINT "reception_days_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_slots" ADD CONSTRAINT "reception_slots_reception_day_id_reception_days_id_fk" FOREIGN KEY ("reception_day_id") REFERENCES "public"."reception_days"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_appeals_year_idx" ON "assessment_appeals" USING btree ("year","status");--> statement-breakpoint
CREATE INDEX "assessment_entries_member_idx" ON "assessment_entries" USING btree ("year","member_id");--> statement-breakpoint
CREATE INDEX "assessment_evaluations_member_idx" ON "assessment_evaluations" USING btree ("year","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_rules_year_name_uq" ON "assessment_rules" USING btree ("year","name");--> statement-breakpoint
CREATE INDEX "bulletin_items_opinion_idx" ON "bulletin_items" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "bulletin_outcomes_bulletin_idx" ON "bulletin_outcomes" USING btree ("bulletin_id");--> statement-breakpoint
CREATE INDEX "bulletin_outcomes_date_idx" ON "bulletin_outcomes" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "bulletins_year_number_uq" ON "bulletins" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "bulletins_status_idx" ON "bulletins" USING btree ("status","year");--> statement-breakpoint
CREATE INDEX "consultation_outcomes_idx" ON "consultation_outcomes" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_outcomes_dept_idx" ON "consultation_outcomes" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "consultation_participants_idx" ON "consultation_participants" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "consultation_participants_member_idx" ON "consultation_participants" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "proposal_cosigners_member_idx" ON "proposal_cosigners" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "proposal_departments_dept_idx" ON "proposal_departments" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposals_year_number_uq" ON "proposals" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "proposals_proposer_idx" ON "proposals" USING btree ("proposer_member_id");--> statement-breakpoint
CREATE INDEX "proposals_status_idx" ON "proposals" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_bookings_slot_live_uq" ON "reception_bookings" USING btree ("slot_id") WHERE "reception_bookings"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "reception_day_members_member_idx" ON "reception_day_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "reception_days_date_idx" ON "reception_days" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "reception_slots_day_start_uq" ON "reception_slots" USING btree ("reception_day_id","start_time");--> statement-breakpoint
CREATE INDEX "record_events_entity_idx" ON "record_events" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_user_name_uq" ON "saved_views" USING btree ("user_id","scope","name");