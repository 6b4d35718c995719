-- Korean public holidays (공휴일) on which banks and NTS do not count a business day.
-- Seeded from calendar/kr-holidays.txt at start (missing dates only); admins edit through the API.
create table business_holiday (
    holiday_date date         primary key,
    name         varchar(200) not null,
    source       varchar(32)  not null check (source in ('SHIPPED', 'ADMIN')),
    updated_at   timestamptz  not null,
    updated_by   varchar(255) not null
);

-- dates an admin removed on purpose stay removed when the shipped file is loaded again
create table business_holiday_removed (
    holiday_date date        primary key,
    removed_at   timestamptz not null,
    removed_by   varchar(255) not null
);
