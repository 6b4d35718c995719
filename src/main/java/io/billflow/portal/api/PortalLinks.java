package io.billflow.portal.api;

/** A fresh supplier portal link (token in the URL; only its hash is kept), without sending anything. */
public interface PortalLinks {

    /** A link from a settlement notice: after the proof the supplier lands on its settlement reports. */
    String SETTLEMENT = "SETTLEMENT";

    String newLink(long partnerId, String purpose, String actor);
}
