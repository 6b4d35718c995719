package io.billflow.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.billflow.platform.web.input.InputRefusedException;
import io.billflow.platform.web.input.PlainTextViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into RFC 9457 (formerly 7807) {@code application/problem+json}.
 * Validation failures list every rejected field under {@code errors}; unexpected failures are logged
 * here with their stack trace and answered with a correlation-free generic 500, never the trace.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    public static final URI VALIDATION_TYPE = URI.create("https://billflow.io/problems/validation");
    private static final java.util.regex.Pattern DUPLICATE_FIELD =
            java.util.regex.Pattern.compile("^Duplicate field '([^']+)'");
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInputException.class)
    public ResponseEntity<Object> invalidInput(InvalidInputException e, WebRequest request) {
        return validationProblem(e.violations(), e, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<Object> constraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> FieldViolation.of(lastPathNodes(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validationProblem(violations, e, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        String message = e.getCause() instanceof InputRefusedException refused ? refused.getMessage()
                : "must be a valid " + expected;
        return validationProblem(List.of(FieldViolation.of(e.getName(), message)), e, request);
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    public ResponseEntity<Object> notFound(ResourceNotFoundException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler(ConflictException.class)
    public ResponseEntity<Object> conflict(ConflictException e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        if (e.field() != null) {
            body.setProperty("errors", List.of(FieldViolation.of(e.field(), e.getMessage())));
        }
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    public void rethrowSecurity(RuntimeException e) {
        // Spring Security's own entry point and access-denied handler answer these (401 / 403).
        throw e;
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unhandled error on {}", request.getDescription(false), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be completed. Operations has been notified through the log.");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return validationProblem(fieldViolations(e.getBindingResult()), e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error ->
                    violations.add(FieldViolation.of(name, error.getDefaultMessage())));
        });
        return validationProblem(violations, e, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldViolation violation;
        if (e.getCause() instanceof PlainTextViolation text) {
            violation = FieldViolation.of(jsonPath(text), text.reason());
        } else if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            violation = FieldViolation.of(jsonPath(unknown), "is not a known field");
        } else if (e.getCause() instanceof InvalidFormatException format) {
            violation = new FieldViolation(jsonPath(format),
                    "must be a valid " + format.getTargetType().getSimpleName(), String.valueOf(format.getValue()));
        } else if (e.getCause() instanceof ValueInstantiationException invalid && !invalid.getPath().isEmpty()) {
            Throwable reason = invalid.getCause() == null ? invalid : invalid.getCause();
            violation = FieldViolation.of(jsonPath(invalid), reason.getMessage());
        } else if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            violation = FieldViolation.of(jsonPath(mapping), "has the wrong type or shape");
        } else if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse
                && parse.getOriginalMessage() != null && DUPLICATE_FIELD.matcher(parse.getOriginalMessage()).find()) {
            java.util.regex.Matcher duplicate = DUPLICATE_FIELD.matcher(parse.getOriginalMessage());
            duplicate.find();
            violation = FieldViolation.of(duplicate.group(1), "appears twice in the document");
        } else {
            violation = FieldViolation.of("body", "is missing or is not valid JSON");
        }
        return validationProblem(List.of(violation), e, request);
    }

    private ResponseEntity<Object> validationProblem(List<FieldViolation> violations, Exception e, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has invalid fields: " + violations.stream().map(FieldViolation::field)
                        .distinct().collect(Collectors.joining(", ")));
        body.setType(VALIDATION_TYPE);
        body.setTitle("Invalid input");
        body.setProperty("errors", violations);
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    private static List<FieldViolation> fieldViolations(BindingResult result) {
        List<FieldViolation> violations = new ArrayList<>();
        result.getFieldErrors().forEach(error -> violations.add(new FieldViolation(error.getField(),
                error.getDefaultMessage(), safeValue(error.getField(), error.getRejectedValue()))));
        result.getGlobalErrors().forEach(error ->
                violations.add(FieldViolation.of(error.getObjectName(), error.getDefaultMessage())));
        return violations;
    }

    /** Never echo anything that looks like a secret back to the client (or into logs that copy responses). */
    private static Object safeValue(String field, Object value) {
        String lower = field.toLowerCase();
        if (value == null || lower.contains("password") || lower.contains("secret") || lower.contains("key")
                || lower.contains("code")) {
            return null;
        }
        return value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** {@code search.maxResults} → {@code maxResults}: clients know parameters, not Java method names. */
    private static String lastPathNodes(String propertyPath) {
        int firstDot = propertyPath.indexOf('.');
        return firstDot < 0 ? propertyPath : propertyPath.substring(firstDot + 1);
    }
}
