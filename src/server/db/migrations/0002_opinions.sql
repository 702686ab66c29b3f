CREATE TABLE "calendar_overrides" (
	"date" date PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_overrides_kind_ck" CHECK ("calendar_overrides"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "opinion_assignments" (
	"opinion_id" integer NOT NULL,
	"department_id" integer NOT NULL,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_assignments_opinion_id_department_id_pk" PRIMARY KEY("opinion_id","department_id"),
	CONSTRAINT "opinion_assignments_role_ck" CHECK ("opinion_assignments"."role" in ('lead','co'))
);
--> statement-breakpoint
CREATE TABLE "opinion_attachments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_attachments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"opinion_id" integer NOT NULL,
	"event_id" bigint,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_attachments_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "opinion_categories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_categories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"parent_id" integer,
	"name" text NOT NULL,
	"reply_working_days" integer,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"opinion_id" integer NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" integer,
	"actor_kind" text NOT NULL,
	"actor_name" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_originators" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinion_originators_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"opinion_id" integer NOT NULL,
	"kind" text NOT NULL,
	"member_id" integer,
	"representative_id" integer,
	"user_id" integer,
	"name" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"relayed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinion_originators_kind_ck" CHECK ("opinion_originators"."kind" in ('citizen','member','representative','officer'))
);
--> statement-breakpoint
CREATE TABLE "opinions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "opinions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"tracking_code" text NOT NULL,
	"title" text NOT NULL,
	"content" text NOT NULL,
	"category_id" integer,
	"region_id" integer,
	"sector_id" integer,
	"channel" text NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"confidentiality" text DEFAULT 'normal' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"activity_id" integer,
	"merged_into_id" integer,
	"lead_department_id" integer,
	"deadline" date,
	"accept_due_at" timestamp with time zone,
	"has_pending_extension" boolean DEFAULT false NOT NULL,
	"is_in_bulletin" boolean DEFAULT false NOT NULL,
	"is_escalated" boolean DEFAULT false NOT NULL,
	"contact_released" boolean DEFAULT false NOT NULL,
	"public_reply" text DEFAULT '' NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"idempotency_key" text,
	"created_by" integer,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opinions_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "opinions_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "opinions_status_ck" CHECK ("opinions"."status" in ('received','accepted','not_accepted','forwarded','replied','returned_for_rework','reviewed','replied_directly','feedback_sent','rated','closed','reopened','merged')),
	CONSTRAINT "opinions_urgency_ck" CHECK ("opinions"."urgency" in ('normal','urgent')),
	CONSTRAINT "opinions_confidentiality_ck" CHECK ("opinions"."confidentiality" in ('normal','internal','confidential')),
	CONSTRAINT "opinions_channel_ck" CHECK ("opinions"."channel" in ('activity','web','box','phone','letter','email','petition','officer','reception','forum'))
);
--> statement-breakpoint
ALTER TABLE "opinion_assignments" ADD CONSTRAINT "opinion_assignments_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_assignments" ADD CONSTRAINT "opinion_assignments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_attachments" ADD CONSTRAINT "opinion_attachments_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_events" ADD CONSTRAINT "opinion_events_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_originators" ADD CONSTRAINT "opinion_originators_opinion_id_opinions_id_fk" FOREIGN KEY ("opinion_id") REFERENCES "public"."opinions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_originators" ADD CONSTRAINT "opinion_originators_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_originators" ADD CONSTRAINT "opinion_originators_representative_id_representatives_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."representatives"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinion_originators" ADD CONSTRAINT "opinion_originators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_category_id_opinion_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."opinion_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_lead_department_id_departments_id_fk" FOREIGN KEY ("lead_department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opinion_assignments_dept_idx" ON "opinion_assignments" USING btree ("department_id","active");--> statement-breakpoint
CREATE INDEX "opinion_attachments_opinion_idx" ON "opinion_attachments" USING btree ("opinion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_categories_parent_name_uq" ON "opinion_categories" USING btree (coalesce("parent_id", 0),"name");--> statement-breakpoint
CREATE INDEX "opinion_events_opinion_idx" ON "opinion_events" USING btree ("opinion_id","at");--> statement-breakpoint
CREATE INDEX "opinion_events_type_at_idx" ON "opinion_events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "opinion_originators_opinion_idx" ON "opinion_originators" USING btree ("opinion_id");--> statement-breakpoint
CREATE INDEX "opinion_originators_member_idx" ON "opinion_originators" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "opinions_status_idx" ON "opinions" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "opinions_received_idx" ON "opinions" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "opinions_region_idx" ON "opinions" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "opinions_category_idx" ON "opinions" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "opinions_lead_dept_idx" ON "opinions" USING btree ("lead_department_id","status");--> statement-breakpoint
CREATE INDEX "opinions_deadline_idx" ON "opinions" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "opinions_search_idx" ON "opinions" USING gin (to_tsvector('simple', "search_text"));