package dk.referent.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dk.referent.meeting.api.DecisionConflict;
import dk.referent.shared.InvalidInput;
import dk.referent.shared.NotFound;
import dk.referent.shared.RuleViolation;

/**
 * Every error as application/problem+json (RFC 9457), in one place. Bodies never carry stack traces or class
 * names: the detail is written for the person who sent the request.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("https://referent.dk/problems/" + title.toLowerCase().replace(' ', '-')));
        return p;
    }

    static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input",
                errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                        : errors.size() + " fields are invalid");
        p.setProperty("errors", errors);
        return p;
    }

    static Map<String, String> fieldError(String field, String message) {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("field", field);
        e.put("message", message);
        return e;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r && cause != e) {
            return domain(r);
        }
        log.error("command failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "The command could not be carried out");
    }

    @ExceptionHandler({RuleViolation.class, InvalidInput.class, NotFound.class, AggregateNotFoundException.class,
            IncompatibleAggregateException.class, ConcurrencyException.class})
    ProblemDetail domain(RuntimeException e) {
        if (e instanceof DecisionConflict c) {
            ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", c.getMessage());
            Map<String, Object> current = new LinkedHashMap<>();
            current.put("revision", c.currentRevision());
            current.put("text", c.currentText());
            current.put("outcome", c.currentOutcome());
            p.setProperty("current", current);
            return p;
        }
        if (e instanceof RuleViolation) {
            return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        }
        if (e instanceof InvalidInput i) {
            return invalid(List.of(fieldError(i.field(), i.getMessage())));
        }
        if (e instanceof NotFound) {
            return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        }
        if (e instanceof AggregateNotFoundException a) {
            return problem(HttpStatus.NOT_FOUND, "Not found", "No such id: " + a.getAggregateIdentifier());
        }
        if (e instanceof IncompatibleAggregateException) {
            // the id names another kind of aggregate (a committee's id in a meeting's URL)
            return problem(HttpStatus.NOT_FOUND, "Not found", "No such id");
        }
        if (e instanceof ConcurrencyException) {
            return problem(HttpStatus.CONFLICT, "Conflict", "Someone else changed this at the same moment; try again");
        }
        return unexpected(e);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors()
                .forEach(f -> errors.add(fieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(fieldError(g.getObjectName(), g.getDefaultMessage())));
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                fieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage()))));
        return invalid(errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException u) {
            return invalid(List.of(fieldError(path(u), "unknown field")));
        }
        if (cause instanceof InvalidFormatException f) {
            String expected = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                    : "a value of another form";
            return invalid(List.of(fieldError(path(f), "'" + shortened(f.getValue()) + "' is not valid here; expected "
                    + expected)));
        }
        if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return invalid(List.of(fieldError(path(m), "has the wrong type or form")));
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request",
                "The request body is missing or is not well-formed JSON");
    }

    /** The refused value as the sender wrote it, but not a megabyte of it back. */
    private static String shortened(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ProblemDetail badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return invalid(List.of(fieldError(name, e instanceof MethodArgumentTypeMismatchException
                ? "has the wrong form" : "is required")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No such resource");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "Send application/json");
    }

    @ExceptionHandler(RequestTooLarge.class)
    ProblemDetail tooLarge(RequestTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "Something went wrong on our side");
    }
}
