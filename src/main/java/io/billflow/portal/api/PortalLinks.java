package io.billflow.portal.api;

/** A fresh supplier portal link (token in the URL; only its hash is kept), without sending anything. */
public interface PortalLinks {

    /** A link from a settlement notice: after the proof the supplier lands on its settlement reports. */
    String SETTLEMENT = "SETTLEMENT";

    /** A business's link: proven with its business number. */
    String newLink(long partnerId, String purpose, String actor);

    /**
     * An individual's link (no business number): bound to the settlement group it is sent for, proven with a
     * one-time code to that group's verification mobile, and opening that group's reports only.
     */
    String newIndividualLink(long settlementGroupId, String purpose, String actor);
}
