-- Portal sign-in for individual partners (원천징수 대상자), who have no business number to type. Their link is
-- bound to the settlement group the notice was sent for; possession is proven with a one-time code sent by SMS
-- to that group's verification mobile.

-- The group an individual's link was sent for (null: a business's link, proven with the business number).
alter table portal_invitation add column settlement_group_id bigint references settlement_group (id);

-- The sign-in codes. As for the other settlement codes only HMAC-SHA256 under a key derived from the KEK
-- (code_key_id) is stored, bound to the row id. A challenge names what the code unlocks (the portal link):
-- a newer code for it supersedes the open one, and its wrong codes are counted together, so requesting a new
-- code does not buy new guesses.
create table settlement_sign_in_code (
    id              uuid         primary key,
    group_id        bigint       not null references settlement_group (id),
    challenge       varchar(64)  not null,
    code_hash       bytea        not null,
    code_key_id     varchar(16)  not null,
    sent_to         varchar(20)  not null,
    status          varchar(16)  not null
        check (status in ('PENDING', 'USED', 'VOID', 'EXPIRED', 'SUPERSEDED')),
    failed_attempts smallint     not null default 0 check (failed_attempts between 0 and 5),
    requested_at    timestamptz  not null,
    requested_by    varchar(255) not null,
    expires_at      timestamptz  not null,
    decided_at      timestamptz,
    decided_by      varchar(255)
);

create index settlement_sign_in_code_challenge on settlement_sign_in_code (challenge, requested_at);
create index settlement_sign_in_code_group on settlement_sign_in_code (group_id, requested_at);
