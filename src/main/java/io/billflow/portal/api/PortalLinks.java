package io.billflow.portal.api;

/** A fresh supplier portal link (token in the URL; only its hash is kept), without sending anything. */
public interface PortalLinks {

    String newLink(long partnerId, String purpose, String actor);
}
