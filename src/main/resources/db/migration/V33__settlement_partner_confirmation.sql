-- The partner's confirmation in the supplier portal (세금계산서 역발행 신청): a one-time code sent by SMS to the
-- group's verification mobile, valid 5 minutes, 5 tries. Like the payout account codes, the code itself is
-- never stored: only HMAC-SHA256 under a key derived from the KEK (code_key_id), bound to the row id. A newer
-- code for the same report supersedes the open one.
create table settlement_confirmation_code (
    id              uuid         primary key,
    report_id       bigint       not null references settlement_report (id),
    code_hash       bytea        not null,
    code_key_id     varchar(16)  not null,
    sent_to         varchar(20)  not null,
    status          varchar(16)  not null
        check (status in ('PENDING', 'CONFIRMED', 'VOID', 'EXPIRED', 'SUPERSEDED')),
    failed_attempts smallint     not null default 0 check (failed_attempts between 0 and 5),
    requested_at    timestamptz  not null,
    requested_by    varchar(255) not null,
    expires_at      timestamptz  not null,
    decided_at      timestamptz,
    decided_by      varchar(255)
);

create index settlement_confirmation_code_report on settlement_confirmation_code (report_id, requested_at);
