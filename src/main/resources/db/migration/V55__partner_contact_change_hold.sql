-- A staff change of where a partner's portal links and codes go (its e-mail, extra e-mails and mobile) is held
-- for a while and announced to the contacts in place, so that no staff user can redirect a supplier's links to
-- himself and act in its name (#13, ADR 0001 addendum). One open change per partner; a newer one supersedes it.
create table partner_contact_change (
    id             bigserial    primary key,
    partner_id     bigint       not null references partner (id),
    contact_email  varchar(100),
    contact_mobile varchar(20),
    extra_emails   text         not null,
    requested_by   varchar(255) not null,
    requested_at   timestamptz  not null,
    effective_at   timestamptz  not null,
    state          varchar(16)  not null check (state in ('HELD', 'APPLIED', 'CANCELLED', 'SUPERSEDED')),
    ended_at       timestamptz,
    ended_by       varchar(255)
);
create unique index partner_contact_change_one_held on partner_contact_change (partner_id) where state = 'HELD';
create index partner_contact_change_due on partner_contact_change (effective_at) where state = 'HELD';
