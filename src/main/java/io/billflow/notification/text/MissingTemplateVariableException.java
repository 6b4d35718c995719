package io.billflow.notification.text;

import java.util.Set;

import io.billflow.platform.web.InvalidInputException;

/** A template was rendered without a value for each of its {@code #{변수}}: 400 on the web, a refusal elsewhere. */
public class MissingTemplateVariableException extends InvalidInputException {

    private final transient Set<String> missing;
    private final String detail;

    public MissingTemplateVariableException(String templateCode, Set<String> missing) {
        super("variables", detail(templateCode, missing));
        this.missing = Set.copyOf(missing);
        this.detail = detail(templateCode, missing);
    }

    private static String detail(String templateCode, Set<String> missing) {
        return "template " + templateCode + " needs a value for " + missing;
    }

    /** Names the missing variables (the 400 answer lists them under {@code errors}). */
    @Override
    public String getMessage() {
        return detail;
    }

    public Set<String> missing() {
        return missing;
    }
}
