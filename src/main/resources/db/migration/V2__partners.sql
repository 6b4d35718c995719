-- Buyer companies (the operator's own business entities) and partners (suppliers).

create table buyer_company (
    id             bigserial    primary key,
    version        integer      not null,
    corp_num       char(10)     not null unique,
    tax_reg_id     char(4),
    corp_name      varchar(200) not null,
    ceo_name       varchar(100) not null,
    addr           varchar(300) not null,
    biz_type       varchar(100) not null,
    biz_class      varchar(100) not null,
    contact_name   varchar(100),
    contact_email  varchar(100),
    contact_mobile varchar(20),
    contact_tel    varchar(20),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

create table partner (
    id                        bigserial    primary key,
    version                   integer      not null,
    partner_type              varchar(16)  not null check (partner_type in ('BUSINESS', 'INDIVIDUAL')),
    corp_num                  char(10),
    tax_reg_id                char(4),
    corp_name                 varchar(200) not null,
    ceo_name                  varchar(100),
    addr                      varchar(300),
    biz_type                  varchar(100),
    biz_class                 varchar(100),
    contact_name              varchar(100),
    contact_email             varchar(100),
    contact_mobile            varchar(20),
    contact_tel               varchar(20),
    business_state            varchar(16)  not null default 'UNKNOWN',
    business_state_checked_at timestamptz,
    nts_linked_at             timestamptz,
    nts_linked_by             varchar(255),
    created_at                timestamptz  not null,
    updated_at                timestamptz  not null,
    constraint partner_business_has_number check (partner_type <> 'BUSINESS' or corp_num is not null),
    constraint partner_individual_has_no_number check (partner_type <> 'INDIVIDUAL' or corp_num is null)
);

-- one partner per business registration number and 종사업장 (the operator runs one installation)
create unique index partner_corp_num_unique on partner (corp_num, coalesce(tax_reg_id, ''))
    where corp_num is not null;
create index partner_corp_name on partner (lower(corp_name));

create table partner_email (
    partner_id bigint       not null references partner (id) on delete cascade,
    position   integer      not null,
    email      varchar(100) not null,
    primary key (partner_id, position)
);
