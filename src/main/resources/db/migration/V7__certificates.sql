-- Registered joint certificates (공동인증서) of partners. The private key is stored only sealed:
-- AES-256-GCM under a per-record data key, itself wrapped by the key-encryption key kek_id.
-- The password is never stored.
create table certificate_registration (
    id               bigserial    primary key,
    partner_id       bigint       not null references partner (id),
    status           varchar(16)  not null check (status in ('ACTIVE', 'REPLACED', 'DELETED')),
    serial_number    varchar(64)  not null,
    issuer_dn        varchar(500) not null,
    subject_dn       varchar(500) not null,
    policy_oid       varchar(64)  not null,
    key_bits         integer      not null,
    key_format       varchar(32)  not null,
    not_before       timestamptz  not null,
    not_after        timestamptz  not null,
    expires_at       timestamptz  not null,
    vid_algorithm    varchar(16)  not null,
    certificate_der  bytea        not null,
    sealed_key       bytea        not null,
    key_iv           bytea        not null,
    wrapped_dek      bytea        not null,
    dek_iv           bytea        not null,
    kek_id           varchar(16)  not null,
    registered_at    timestamptz  not null,
    registered_by    varchar(255) not null,
    ended_at         timestamptz
);
create unique index certificate_one_active_per_partner on certificate_registration (partner_id) where status = 'ACTIVE';
create index certificate_expiry on certificate_registration (expires_at) where status = 'ACTIVE';
create index certificate_kek on certificate_registration (kek_id) where status = 'ACTIVE';

-- five wrong passwords in a row lock registration for that partner for 30 minutes
create table certificate_password_failures (
    partner_id      bigint      primary key references partner (id),
    failures        integer     not null,
    last_failure_at timestamptz not null,
    locked_until    timestamptz
);

-- every signature made with a stored key: who, which invoice, which document, which certificate
create table certificate_signature_audit (
    id                 bigserial    primary key,
    signed_at          timestamptz  not null,
    actor              varchar(255) not null,
    partner_id         bigint       not null,
    certificate_serial varchar(64)  not null,
    subject_type       varchar(32)  not null,
    subject_id         varchar(64)  not null,
    document_sha256    char(64)     not null
);
create index certificate_signature_audit_subject on certificate_signature_audit (subject_type, subject_id);

-- expiry reminders already announced (30, 7, 1 days), so each goes out once
create table certificate_expiry_reminder (
    registration_id bigint  not null references certificate_registration (id),
    days_before     integer not null,
    primary key (registration_id, days_before)
);
