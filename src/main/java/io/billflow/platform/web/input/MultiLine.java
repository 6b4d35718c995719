package io.billflow.platform.web.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field where a person may press Enter or Tab (memos, reasons, message templates): tab and
 * line breaks are accepted, the rest of {@link PlainText} still applies, and the default limit is
 * {@link PlainText#DEFAULT_MULTI_LINE_MAX} instead of {@link PlainText#DEFAULT_MAX}.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {
}
