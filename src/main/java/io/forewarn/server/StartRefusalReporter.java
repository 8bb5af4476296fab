package io.forewarn.server;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Keeps Spring Boot from logging a {@link StartRefusedException} as "Application run failed" with its stack
 * trace: the refusal is expected, and the command line prints its one line. Every other failure to start is
 * left to Spring Boot's own reporting. Registered in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class StartRefusalReporter implements SpringBootExceptionReporter {

    @Override
    public boolean reportException(Throwable failure) {
        return StartRefusedException.in(failure) != null;
    }
}
