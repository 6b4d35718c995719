-- Supplier portal access: a link sent by e-mail carries a random token (only its SHA-256 is stored);
-- the supplier proves who it is by typing its business registration number.
create table portal_invitation (
    id            bigserial    primary key,
    partner_id    bigint       not null references partner (id),
    token_sha256  char(64)     not null unique,
    purpose       varchar(32)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    expires_at    timestamptz  not null,
    failed_proofs integer      not null default 0,
    revoked_at    timestamptz
);
create index portal_invitation_partner on portal_invitation (partner_id);
