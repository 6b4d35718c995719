package io.billflow.partner.api;

import java.util.Optional;

/** The partner module's face to other modules (invoice, settlement). */
public interface PartnerDirectory {

    Optional<PartnerSnapshot> partner(long partnerId);

    Optional<PartnerSnapshot> buyerCompany(long buyerCompanyId);
}
