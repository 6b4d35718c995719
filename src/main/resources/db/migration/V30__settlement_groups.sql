-- Settlement groups (정산그룹): the media of one partner settled on one tax invoice, their contacts, the
-- monthly deadline, the mobile that receives one-time codes, and the payout account (encrypted).

create table settlement_group (
    id                      bigserial    primary key,
    version                 integer      not null,
    partner_id              bigint       not null references partner (id),
    name                    varchar(100) not null,
    -- day of the month after the settlement month; at most the 10th, the tax invoice's issuance deadline
    settlement_deadline_day smallint     not null default 10 check (settlement_deadline_day between 1 and 10),
    verification_mobile     varchar(20)  not null,
    created_at              timestamptz  not null,
    created_by              varchar(255) not null,
    updated_at              timestamptz  not null
);

create unique index settlement_group_name_per_partner on settlement_group (partner_id, lower(name));

create table settlement_group_media (
    group_id bigint       not null references settlement_group (id) on delete cascade,
    position integer      not null,
    name     varchar(100) not null,
    primary key (group_id, position)
);

create unique index settlement_group_media_once on settlement_group_media (group_id, lower(btrim(name)));

create table settlement_group_contact (
    group_id bigint       not null references settlement_group (id) on delete cascade,
    position integer      not null,
    name     varchar(100) not null,
    email    varchar(100) not null,
    mobile   varchar(20),
    primary key (group_id, position)
);

-- Every account a group has had; the current one has replaced_at null. The number is sealed with AES-256-GCM
-- under a per-row data key wrapped by the KEK (BILLFLOW_KEK), associated data = group + row id; only the
-- masked form is stored in clear.
create table settlement_payout_account (
    id                 uuid         primary key,
    group_id           bigint       not null references settlement_group (id) on delete cascade,
    bank_code          char(3)      not null,
    account_masked     varchar(40)  not null,
    holder_name        varchar(50)  not null,
    account_ciphertext bytea        not null,
    account_iv         bytea        not null,
    wrapped_dek        bytea        not null,
    dek_iv             bytea        not null,
    kek_id             varchar(16)  not null,
    registered_at      timestamptz  not null,
    registered_by      varchar(255) not null,
    change_request_id  uuid,
    replaced_at        timestamptz
);

create unique index settlement_payout_account_current on settlement_payout_account (group_id) where replaced_at is null;

-- A payout account change waiting for its one-time code. The code is never stored: only its HMAC-SHA256
-- under a key derived from the KEK (code_key_id), bound to the request id.
create table settlement_payout_change_request (
    id                 uuid         primary key,
    group_id           bigint       not null references settlement_group (id) on delete cascade,
    bank_code          char(3)      not null,
    account_masked     varchar(40)  not null,
    holder_name        varchar(50)  not null,
    account_ciphertext bytea        not null,
    account_iv         bytea        not null,
    wrapped_dek        bytea        not null,
    dek_iv             bytea        not null,
    kek_id             varchar(16)  not null,
    code_hash          bytea        not null,
    code_key_id        varchar(16)  not null,
    sent_to            varchar(20)  not null,
    status             varchar(16)  not null
        check (status in ('PENDING', 'CONFIRMED', 'VOID', 'EXPIRED', 'SUPERSEDED')),
    failed_attempts    smallint     not null default 0 check (failed_attempts between 0 and 5),
    requested_at       timestamptz  not null,
    requested_by       varchar(255) not null,
    expires_at         timestamptz  not null,
    decided_at         timestamptz,
    decided_by         varchar(255)
);

create index settlement_payout_change_request_open on settlement_payout_change_request (group_id) where status = 'PENDING';
