-- Sessions are cached in the process that holds the embedded database (modules/auth/session-cache.ts); these triggers
-- tell it, in the committing statement, that a session ended or changed, a user changed (roles, disabled, member…) or
-- a group's leader changed, whatever code path (or cascade) made the change. Without a listener they cost a no-op queue entry.
CREATE FUNCTION jl_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_LEVEL = 'STATEMENT' THEN
    PERFORM pg_notify('jl_auth', '*');
  ELSIF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('jl_auth', 's:' || OLD.id);
  ELSE
    PERFORM pg_notify('jl_auth', 'u:' || OLD.id::text);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_auth_change AFTER DELETE OR UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION jl_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER sessions_auth_truncate AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION jl_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_auth_change AFTER DELETE OR UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION jl_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_auth_truncate AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION jl_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER liaison_groups_auth_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON liaison_groups
  FOR EACH STATEMENT EXECUTE FUNCTION jl_notify_auth_change();
