package io.billflow.invoice.adapter.web;

import io.billflow.invoice.domain.InvoiceStateException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A change the invoice's state does not allow: 409, nothing changed. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InvoiceErrorAdvice {

    @ExceptionHandler(InvoiceStateException.class)
    public ProblemDetail wrongState(InvoiceStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in this state");
        return problem;
    }
}
