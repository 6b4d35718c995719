-- Who decided each settlement user task, as the engine authenticated them (not the task's assignee, which anyone
-- who may work the task can set to somebody else). The four-eyes rule reads it: whoever reviewed any revision of
-- a report (and so published it) can never approve its payout; settlement_payout.approved_by is copied from here.
create table settlement_task_decision (
    id          bigserial     primary key,
    report_id   bigint        not null references settlement_report (id),
    task        varchar(32)   not null check (task in ('REVIEW', 'PAYOUT_APPROVAL')),
    decision    varchar(16)   not null,
    decided_by  varchar(255)  not null,
    decided_at  timestamptz   not null,
    task_id     varchar(64)   not null
);
create index settlement_task_decision_report on settlement_task_decision (report_id, task, id);
