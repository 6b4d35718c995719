-- The settlement's copy of who each partner is (name, type, business number), for its read models: the dashboard,
-- the statistics and the report pages sort and show partners by name without reading the partner module's table.
-- Kept by the partner module's PartnerNamed event, in the partner's own transaction; filled once here.
create table settlement_partner (
    partner_id   bigint       primary key,
    partner_type varchar(16)  not null,
    corp_num     char(10),
    corp_name    varchar(200) not null
);

insert into settlement_partner (partner_id, partner_type, corp_num, corp_name)
select id, partner_type, corp_num, corp_name from partner;
