-- Users signed in through OIDC are stored like local ones (issue 7): the identity is the issuer
-- plus the subject (the name may change at the provider, the subject does not); they have no
-- password (password_hash holds a value bcrypt never matches). last_login_at is the last
-- interactive sign-in (form or OIDC; not HTTP Basic or bearer tokens, which sign in per request).
ALTER TABLE users ADD COLUMN oidc_issuer VARCHAR(500);
ALTER TABLE users ADD COLUMN oidc_subject VARCHAR(255);
ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP WITH TIME ZONE;
CREATE UNIQUE INDEX users_oidc_identity ON users (oidc_issuer, oidc_subject);
CREATE INDEX api_tokens_username ON api_tokens (username);
