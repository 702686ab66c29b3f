ALTER TABLE "attachments" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_client_id_unique" UNIQUE("client_id");