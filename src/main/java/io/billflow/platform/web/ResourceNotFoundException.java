package io.billflow.platform.web;

/** The addressed resource does not exist, or the caller may not know that it does: 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
