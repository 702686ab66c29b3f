ALTER TABLE "opinions" DROP CONSTRAINT "opinions_channel_ck";--> statement-breakpoint
ALTER TABLE "outbox" DROP CONSTRAINT "outbox_channel_ck";--> statement-breakpoint
ALTER TABLE "opinions" ADD CONSTRAINT "opinions_channel_ck" CHECK ("opinions"."channel" in ('activity','web','box','phone','letter','email','petition','officer','reception','forum','open311'));--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_channel_ck" CHECK ("outbox"."channel" in ('email','sms','webhook'));