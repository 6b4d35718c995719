-- The verification mobile of a settlement group receives the codes that change its payout account and open an
-- individual's portal: a change of it waits for a hold, announced to the group's contacts and the mobile in
-- place, like a partner's contacts (V55). One open change per group.
create table settlement_verification_mobile_change (
    id           bigserial    primary key,
    group_id     bigint       not null references settlement_group (id) on delete cascade,
    mobile       varchar(20)  not null,
    requested_by varchar(255) not null,
    requested_at timestamptz  not null,
    effective_at timestamptz  not null,
    state        varchar(16)  not null check (state in ('HELD', 'APPLIED', 'CANCELLED', 'SUPERSEDED')),
    ended_at     timestamptz,
    ended_by     varchar(255)
);
create unique index settlement_verification_mobile_change_one_held on settlement_verification_mobile_change (group_id)
    where state = 'HELD';
create index settlement_verification_mobile_change_due on settlement_verification_mobile_change (effective_at)
    where state = 'HELD';
