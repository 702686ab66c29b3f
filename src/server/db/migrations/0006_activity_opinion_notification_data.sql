ALTER TABLE "notifications" ADD COLUMN "data" jsonb;--> statement-breakpoint
ALTER TABLE "opinions" ADD COLUMN "activity_opinion_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "opinions_activity_opinion_uq" ON "opinions" USING btree ("activity_id","activity_opinion_key");