package io.billflow.portal.application;

import java.io.Serializable;

/** A supplier signed in to the portal: the partner it proved to be. */
public record SupplierPrincipal(long partnerId, String corpNum, String corpName) implements Serializable {

    public String actor() {
        return "supplier:" + corpNum;
    }
}
