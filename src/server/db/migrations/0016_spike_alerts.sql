CREATE TABLE "spike_alerts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "spike_alerts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_id" integer NOT NULL,
	"category_id" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"window_end" timestamp with time zone NOT NULL,
	"item_count" integer NOT NULL,
	"baseline" double precision NOT NULL,
	"opinion_ids" integer[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "spike_alerts" ADD CONSTRAINT "spike_alerts_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spike_alerts" ADD CONSTRAINT "spike_alerts_category_id_opinion_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."opinion_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "spike_alerts_window_uq" ON "spike_alerts" USING btree ("region_id","category_id","window_start");--> statement-breakpoint
CREATE INDEX "spike_alerts_created_idx" ON "spike_alerts" USING btree ("created_at");