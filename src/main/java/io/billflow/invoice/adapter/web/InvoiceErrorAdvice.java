package io.billflow.invoice.adapter.web;

import io.billflow.invoice.api.InvoiceStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A change the invoice's state does not allow: 409, nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InvoiceErrorAdvice {

    /** A bulk file that cannot be read at all: 400 listing row/column problems (e.g. an unknown column). */
    @ExceptionHandler(io.billflow.invoice.bulk.BulkFileException.class)
    public ProblemDetail unreadableFile(io.billflow.invoice.bulk.BulkFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The file cannot be processed: " + e.getMessage());
        problem.setTitle("Invalid bulk file");
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(InvoiceStateException.class)
    public ProblemDetail wrongState(InvoiceStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in this state");
        return problem;
    }
}
