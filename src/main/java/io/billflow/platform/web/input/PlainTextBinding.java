package io.billflow.platform.web.input;

import java.beans.PropertyEditorSupport;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * The non-JSON half of ADR 0004: every request parameter, path variable and form field of every
 * controller is {@link PlainText} (tab and line breaks allowed: forms have text areas; at most
 * {@link PlainText#DEFAULT_MULTI_LINE_MAX} characters) and every ISO date one of {@link SaneDates}.
 * A refusal surfaces as a {@code MethodArgumentTypeMismatchException} naming the parameter.
 */
@ControllerAdvice
class PlainTextBinding {

    @InitBinder
    public void plainText(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PlainTextEditor());
        binder.registerCustomEditor(LocalDate.class, new SaneDateEditor());
    }

    static final class PlainTextEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            PlainText.problem(text, true, PlainText.DEFAULT_MULTI_LINE_MAX).ifPresent(reason -> {
                throw new InputRefusedException(reason);
            });
            setValue(text);
        }
    }

    /** ISO {@code yyyy-MM-dd}, as {@code @DateTimeFormat(iso = DATE)} reads it; empty is no date. */
    static final class SaneDateEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            if (text == null || text.isBlank()) {
                setValue(null);
                return;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                throw new InputRefusedException("must be a real date (yyyy-MM-dd)");
            }
            SaneDates.problem(date).ifPresent(reason -> {
                throw new InputRefusedException(reason);
            });
            setValue(date);
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }
}
