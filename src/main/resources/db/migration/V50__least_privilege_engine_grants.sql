-- Least privilege (issue #13, 4), for databases made before it: StaffIdentityBootstrap only ever adds permissions,
-- so the ones it no longer grants are taken away here, once. Camunda stores a grant's permissions as a bit mask
-- (ACT_RU_AUTHORIZATION.PERMS_; type 1 = grant; resource 6 = process definition, 8 = process instance):
--   api-clients on every process definition: READ 2, CREATE_INSTANCE 256, READ_INSTANCE 512, READ_HISTORY 4096;
--   api-clients on every process instance: READ 2, CREATE 8;
--   settlement-managers on every process definition: READ_TASK 64, READ_INSTANCE 512, READ_HISTORY 4096 (READ stays);
--   settlement-managers on every process instance: READ 2.
-- On a new database the engine's tables do not exist yet when Flyway runs; the bootstrap then grants the new set.
do $$
begin
    if exists (select 1 from information_schema.tables where lower(table_name) = 'act_ru_authorization') then
        update act_ru_authorization set perms_ = perms_ & ~(2 | 256 | 512 | 4096)
            where type_ = 1 and group_id_ = 'api-clients' and resource_type_ = 6 and resource_id_ = '*';
        update act_ru_authorization set perms_ = perms_ & ~(2 | 8)
            where type_ = 1 and group_id_ = 'api-clients' and resource_type_ = 8 and resource_id_ = '*';
        update act_ru_authorization set perms_ = perms_ & ~(64 | 512 | 4096)
            where type_ = 1 and group_id_ = 'settlement-managers' and resource_type_ = 6 and resource_id_ = '*';
        update act_ru_authorization set perms_ = perms_ & ~2
            where type_ = 1 and group_id_ = 'settlement-managers' and resource_type_ = 8 and resource_id_ = '*';
    end if;
end
$$;
