-- One table for every one-time code (platform.onetimecode), instead of one per use: payout-account change codes
-- (settlement_payout_change_request), partners' confirmation codes (settlement_confirmation_code) and individuals'
-- sign-in codes (settlement_sign_in_code). As before only HMAC-SHA256(key derived from the KEK, id | code) is kept;
-- the rows move with their ids, so codes sent before the migration still check.
--   challenge: what the code unlocks; a newer code supersedes the open one of the same challenge
--   scope:     what the daily limit counts over
--   holder:    who holds the mobile; a new mobile supersedes every open code of its holder
create table one_time_code (
    id              uuid         primary key,
    purpose         varchar(40)  not null,
    challenge       varchar(200) not null,
    scope           varchar(200) not null,
    holder          varchar(200) not null,
    code_hash       bytea        not null,
    code_key_id     varchar(16)  not null,
    sent_to         varchar(20)  not null,
    status          varchar(16)  not null
        check (status in ('PENDING', 'USED', 'VOID', 'EXPIRED', 'SUPERSEDED')),
    failed_attempts smallint     not null default 0 check (failed_attempts >= 0),
    requested_at    timestamptz  not null,
    requested_by    varchar(255) not null,
    expires_at      timestamptz  not null,
    decided_at      timestamptz,
    decided_by      varchar(255),
    subject_type    varchar(64)  not null,
    subject_id      varchar(64)  not null
);

create index one_time_code_challenge on one_time_code (purpose, challenge, requested_at);
create index one_time_code_scope on one_time_code (purpose, scope, requested_at);
create index one_time_code_open_by_holder on one_time_code (holder) where status = 'PENDING';

insert into one_time_code (id, purpose, challenge, scope, holder, code_hash, code_key_id, sent_to, status,
                           failed_attempts, requested_at, requested_by, expires_at, decided_at, decided_by,
                           subject_type, subject_id)
select id, 'PAYOUT_ACCOUNT_CHANGE', 'settlement-group:' || group_id || ':payout-account',
       'settlement-group:' || group_id, 'settlement-group:' || group_id, code_hash, code_key_id, sent_to,
       case status when 'CONFIRMED' then 'USED' else status end, failed_attempts, requested_at, requested_by,
       expires_at, decided_at, decided_by, 'settlement_group', group_id::text
from settlement_payout_change_request;

insert into one_time_code (id, purpose, challenge, scope, holder, code_hash, code_key_id, sent_to, status,
                           failed_attempts, requested_at, requested_by, expires_at, decided_at, decided_by,
                           subject_type, subject_id)
select c.id, 'SETTLEMENT_CONFIRMATION', 'settlement-report:' || c.report_id, 'settlement-report:' || c.report_id,
       'settlement-group:' || r.group_id, c.code_hash, c.code_key_id, c.sent_to,
       case c.status when 'CONFIRMED' then 'USED' else c.status end, c.failed_attempts, c.requested_at,
       c.requested_by, c.expires_at, c.decided_at, c.decided_by, 'settlement_report', c.report_id::text
from settlement_confirmation_code c join settlement_report r on r.id = c.report_id;

insert into one_time_code (id, purpose, challenge, scope, holder, code_hash, code_key_id, sent_to, status,
                           failed_attempts, requested_at, requested_by, expires_at, decided_at, decided_by,
                           subject_type, subject_id)
select id, 'PORTAL_SIGN_IN', 'settlement-group:' || group_id || ':link:' || challenge,
       'settlement-group:' || group_id, 'settlement-group:' || group_id, code_hash, code_key_id, sent_to, status,
       failed_attempts, requested_at, requested_by, expires_at, decided_at, decided_by, 'settlement_group',
       group_id::text
from settlement_sign_in_code;

-- the change request keeps what it changes; its code's state is the code's
alter table settlement_payout_change_request add column code_id uuid;
update settlement_payout_change_request set code_id = id;
alter table settlement_payout_change_request alter column code_id set not null;
drop index settlement_payout_change_request_open;
alter table settlement_payout_change_request
    drop column code_hash, drop column code_key_id, drop column sent_to, drop column status,
    drop column failed_attempts, drop column expires_at, drop column decided_at, drop column decided_by;
create index settlement_payout_change_request_group on settlement_payout_change_request (group_id, requested_at);

drop table settlement_confirmation_code;
drop table settlement_sign_in_code;
