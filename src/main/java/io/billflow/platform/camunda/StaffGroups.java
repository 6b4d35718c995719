package io.billflow.platform.camunda;

import java.util.List;

/**
 * The staff groups. They live in Camunda's identity service (ACT_ID_GROUP) so that Tasklist
 * candidate groups, Camunda authorizations and our own API rules all speak of the same groups.
 * Spring Security sees each membership as the authority {@code GROUP_<id>}.
 */
public final class StaffGroups {

    public static final String ADMIN = "camunda-admin";
    public static final String OPERATIONS = "operations";
    public static final String SETTLEMENT_MANAGERS = "settlement-managers";
    public static final String API_CLIENTS = "api-clients";

    public static final List<String> ALL = List.of(ADMIN, OPERATIONS, SETTLEMENT_MANAGERS, API_CLIENTS);

    public static final String AUTHORITY_PREFIX = "GROUP_";

    private StaffGroups() {
    }

    public static String authority(String groupId) {
        return AUTHORITY_PREFIX + groupId;
    }

    public static String[] authorities(String... groupIds) {
        String[] authorities = new String[groupIds.length];
        for (int i = 0; i < groupIds.length; i++) {
            authorities[i] = authority(groupIds[i]);
        }
        return authorities;
    }

    public static String[] allAuthorities() {
        return authorities(ALL.toArray(String[]::new));
    }
}
