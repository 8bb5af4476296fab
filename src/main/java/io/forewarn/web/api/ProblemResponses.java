package io.forewarn.web.api;

import io.forewarn.web.problem.NotFound;
import io.forewarn.web.problem.Problems;
import io.forewarn.web.request.RequestSizeLimit;
import io.forewarn.web.security.AccessRefusal;
import jakarta.servlet.http.HttpServletRequest;
import io.forewarn.report.InvalidReportException;
import io.forewarn.sanitize.LeakCheckRefusal;
import io.forewarn.yaml.FileProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error as {@code application/problem+json}. Messages come from the domain, which never puts
 * protected material into them; an unexpected failure gets a generic answer and no stack trace.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(FileProblem.class)
    ResponseEntity<ProblemDetail> invalidDocument(FileProblem problem) {
        ProblemDetail detail = Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request body is not valid",
                problem.getMessage());
        if (problem.line() > 0) {
            detail.setProperty("line", problem.line());
            detail.setProperty("column", problem.column());
        }
        return Problems.response(detail);
    }

    @ExceptionHandler(InvalidReportException.class)
    ResponseEntity<ProblemDetail> invalidReport(InvalidReportException problem) {
        ProblemDetail detail = Problems.of(HttpStatus.BAD_REQUEST, "invalid-report", "The report is not valid",
                problem.getMessage());
        detail.setProperty("field", problem.field());
        return Problems.response(detail);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException problem) {
        return Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request is not valid",
                problem.getMessage()));
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> refused(IllegalStateException problem) {
        return Problems.response(Problems.of(HttpStatus.CONFLICT, "refused", "The request conflicts with the case",
                problem.getMessage()));
    }

    @ExceptionHandler(LeakCheckRefusal.class)
    ResponseEntity<ProblemDetail> leaking(LeakCheckRefusal problem) {
        return Problems.response(Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "leak-check",
                "The leak check refuses the text", problem.getMessage()));
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound problem) {
        return Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", problem.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException problem, HttpServletRequest request) {
        return Problems.response(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", AccessRefusal.detail(request)));
    }

    /** A path the role matrix lets through (such as one under {@code /api/v1/obligations/}) that no controller answers. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException problem, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return asObject(Problems.response(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "nothing answers here; the API is described at /v3/api-docs")));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException problem,
                                                                         HttpHeaders headers, HttpStatusCode status,
                                                                         WebRequest request) {
        String methods = String.join(", ", problem.getSupportedMethods() == null ? new String[0]
                : problem.getSupportedMethods());
        ResponseEntity<ProblemDetail> answer = Problems.response(Problems.of(HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed", "Method not allowed", "this resource answers " + methods + " only"));
        return ResponseEntity.status(answer.getStatusCode()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.getBody());
    }

    /**
     * A body Spring could not read: one that was too long (it did not announce its length, so
     * {@link RequestSizeLimit} could only stop it while it was read), or none at all. Spring's own
     * message names the controller method, so it is not passed on.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException problem,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimit.TooLarge tooLarge) {
                return asObject(Problems.response(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large",
                        "Request body too large", tooLarge.getMessage())));
            }
        }
        String message = problem.getMessage() == null ? "" : problem.getMessage();
        return asObject(Problems.response(Problems.of(HttpStatus.BAD_REQUEST, "invalid-input", "The request body is not valid",
                message.startsWith("Required request body is missing") ? "the request needs a body"
                        : "the request body could not be read")));
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> response) {
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders()).body(response.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception problem) {
        // The class only: a message or stack trace could carry what the request carried.
        LOG.error("unexpected failure: {}", problem.getClass().getName());
        return Problems.response(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the server failed to handle the request; it has been logged"));
    }
}
