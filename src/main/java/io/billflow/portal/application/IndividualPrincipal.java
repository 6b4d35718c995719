package io.billflow.portal.application;

import java.io.Serializable;

/**
 * An individual partner signed in to the portal by a code to a settlement group's verification mobile: it sees
 * that group's reports and nothing else (the mobile proves the group, not every group of the partner).
 */
public record IndividualPrincipal(long partnerId, long settlementGroupId, String name) implements Serializable {
}
