package io.forewarn.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Refuses a body announced as larger than any document Forewarn reads, before reading it; a body
 * that does not announce its length is still held to the same limit by the document reader.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** The largest document the YAML/JSON reader accepts. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            ProblemWriter.write(response, json, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request body too large",
                    "the body has " + request.getContentLengthLong() + " bytes; the limit is " + MAX_BYTES, false);
            return;
        }
        chain.doFilter(request, response);
    }
}
