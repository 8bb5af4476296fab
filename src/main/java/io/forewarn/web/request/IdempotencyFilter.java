package io.forewarn.web.request;

import io.forewarn.policy.PolicyBook;
import io.forewarn.server.CaseDesk;
import io.forewarn.web.problem.ProblemWriter;
import io.forewarn.store.JdbcIdempotencyKeys;
import io.forewarn.store.JdbcIdempotencyKeys.Answer;
import io.forewarn.store.JdbcIdempotencyKeys.Claim;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code Idempotency-Key} on every {@code POST} under {@code /api/v1/}: a repeated request returns the
 * first answer and changes nothing.
 *
 * <p>Keys belong to the login that sent them (the same key from two logins is two keys). A key is 1 to
 * {@value #MAX_KEY_LENGTH} printable ASCII characters. The first request with a key claims it and runs;
 * its answer (2xx, or a 4xx it was refused with) is stored with the method, the path with its query and
 * a SHA-256 of the body. A repeat of the same method, path and body gets the stored answer again (same
 * status, body, content type and Location, plus {@code Idempotency-Replayed: true}) without running;
 * another request under the same key is refused with 422; a repeat while the first is still running
 * gets 409. A 5xx answer is not stored: the claim is released and the request may be tried again.
 * Answers are kept for {@link #RETENTION}, after which the key is free again.
 *
 * <p><b>Atomicity.</b> The request runs inside one database transaction opened here, which the work of
 * the controllers joins ({@link CaseDesk} asks for a transaction, it does not insist on a new one). The
 * answer is written in that same transaction by an UPDATE that names the claim's token, and the
 * transaction commits only if that UPDATE found the claim still this request's: the change and its
 * stored answer are committed together or not at all. A 4xx answer rolls the transaction back (a
 * refused request changes nothing, even if it got part of the way; a refusal the workflow records on
 * purpose is written by {@link CaseDesk} in a transaction of its own) and is then stored on its own.
 * What remains:
 * <ul>
 *   <li>The claim is committed before the work starts, so that a repeat can see it. If the node dies
 *       in between, the claim stays unanswered and repeats get 409 until its {@link #LEASE} runs out;
 *       then a repeat takes it over and runs, which is right, since nothing was committed.</li>
 *   <li>A request that outlives its lease can be taken over by a repeat; its own commit then finds the
 *       claim gone, so it rolls back and answers 409 instead. Nothing is committed twice, but the slow
 *       request's caller is told to look again.</li>
 *   <li>Only database work is covered. State held in memory changes before the commit: an uploaded
 *       policy becomes active in {@link PolicyBook} even if the commit then fails (the database, and
 *       every other node, still have the old version until a restart reconciles them). No request
 *       sends anything outside the database before answering.</li>
 *   <li>If the client loses the answer on the wire, the stored copy is what it gets on its retry;
 *       that is the point.</li>
 * </ul>
 */
@Component
@Order(IdempotencyFilter.ORDER)
public class IdempotencyFilter extends OncePerRequestFilter {

    /** After Spring Security's filter chain (order -100), so that the caller's login is known. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;
    public static final String KEY_HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";
    static final int MAX_KEY_LENGTH = 200;
    /** The login column's width; longer login names cannot key requests. */
    static final int MAX_LOGIN_LENGTH = 500;
    /** How long a claim without an answer holds its key before a repeat may take it over. */
    public static final Duration LEASE = Duration.ofMinutes(2);
    /** How long an answer is kept for replay. */
    public static final Duration RETENTION = Duration.ofHours(24);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** A bearer token is never stored, so a request for one is never replayed: each gets a token of its own. */
    static final String TOKENS = "/api/v1/tokens";
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcIdempotencyKeys keys;
    private final PlatformTransactionManager transactions;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);

    IdempotencyFilter(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        this.keys = new JdbcIdempotencyKeys(dataSource);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !path(request).startsWith("/api/v1/")
                || path(request).equals(TOKENS) || request.getHeader(KEY_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response); // not reached: every POST under /api/v1 needs a login
            return;
        }
        String refusal = invalidKey(Collections.list(request.getHeaders(KEY_HEADER)));
        if (refusal == null && caller.getName().length() > MAX_LOGIN_LENGTH) {
            refusal = "the login name is too long to key requests by";
        }
        if (refusal != null) {
            problem(response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key", refusal);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) RequestSizeLimit.MAX_BYTES + 1);
        } catch (RequestSizeLimit.TooLarge tooLarge) {
            body = null;
        }
        if (body == null || body.length > RequestSizeLimit.MAX_BYTES) {
            RequestSizeLimit.tooLarge(response, json, "the body is longer than the limit of " + RequestSizeLimit.MAX_BYTES
                    + " bytes");
            return;
        }
        JdbcIdempotencyKeys.Request keyed = new JdbcIdempotencyKeys.Request(caller.getName(),
                request.getHeader(KEY_HEADER), "POST", pathAndQuery(request), sha256(body));
        Instant now = clock.instant();
        purgeNowAndThen(now);

        Claim claim;
        try {
            claim = keys.claim(keyed, now, LEASE, RETENTION);
        } catch (RuntimeException failed) {
            LOG.error("claiming an idempotency key failed: {}", failed.getClass().getName());
            problem(response, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the server failed to handle the request; nothing was changed and it has been logged");
            return;
        }
        if (claim instanceof Claim.Granted granted) {
            run(keyed, granted.token(), new BufferedRequest(request, body), response, chain);
        } else if (claim instanceof Claim.Replay replay) {
            replay(replay.answer(), response);
        } else if (claim instanceof Claim.InProgress) {
            response.setHeader("Retry-After", "1");
            problem(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "Request still running",
                    "a request with this Idempotency-Key is still running; repeat it once it has been answered");
        } else {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "key reused for a different request: this Idempotency-Key was first sent with another method, "
                            + "path or body; use a new key for a new request");
        }
    }

    /** Runs the request in one transaction and stores its answer in it; see the class comment. */
    private void run(JdbcIdempotencyKeys.Request keyed, String token, BufferedRequest request, HttpServletResponse response,
                     FilterChain chain) throws IOException, ServletException {
        BufferedResponse held = new BufferedResponse(response);
        TransactionStatus transaction = transactions.getTransaction(TransactionDefinition.withDefaults());
        try {
            chain.doFilter(request, held);
        } catch (Throwable failed) {
            abandon(transaction, keyed, token);
            throw failed;
        }
        int status = held.getStatus();
        if (held.errorSent() || status >= 500) {
            abandon(transaction, keyed, token); // not stored: the caller may try again
            held.send();
            return;
        }
        if (status >= 400) {
            transactions.rollback(transaction); // refused: whatever it did is undone, and the refusal is the answer
            try {
                keys.answer(keyed, token, answer(held), clock.instant());
            } catch (RuntimeException failed) {
                LOG.error("storing a refusal to a keyed request failed: {}", failed.getClass().getName());
                abandon(transaction, keyed, token); // the refusal still stands; a repeat will be judged afresh
            }
            held.send();
            return;
        }
        if (transaction.isRollbackOnly()) {
            // A success whose transaction something inside marked for rollback: it cannot be committed, so
            // it did not happen, and the caller must not be told it did.
            LOG.error("a keyed request answered {} but its transaction was marked for rollback", status);
            abandon(transaction, keyed, token);
            problem(held.discard(), HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the server failed to handle the request; nothing was changed and it has been logged");
            return;
        }
        boolean stored;
        try {
            stored = keys.answer(keyed, token, answer(held), clock.instant());
            if (stored) {
                transactions.commit(transaction);
            } else {
                transactions.rollback(transaction);
            }
        } catch (RuntimeException failed) {
            // Most likely nothing was committed; if the commit did reach the database, the answer is stored
            // with it (release only removes an unanswered claim), so a repeat learns which.
            LOG.error("storing the answer to a keyed request failed: {}", failed.getClass().getName());
            abandon(transaction, keyed, token);
            problem(held.discard(), HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                    "the server failed to record the outcome of the request; send it again with the same "
                            + "Idempotency-Key to get its answer if it was made, or to run it if it was not");
            return;
        }
        if (!stored) {
            // The claim is no longer ours: a repeat took it over after the lease, and runs (or ran) instead.
            problem(held.discard(), HttpStatus.CONFLICT, "idempotency-key-in-use", "Request superseded",
                    "this request took too long and a repeat with the same Idempotency-Key took it over; nothing was "
                            + "changed by this one, ask again for the answer");
            return;
        }
        held.send();
    }

    /** Rolls the transaction back and gives the claim up; failures here are logged, not thrown over the first. */
    private void abandon(TransactionStatus transaction, JdbcIdempotencyKeys.Request keyed, String token) {
        try {
            if (!transaction.isCompleted()) {
                transactions.rollback(transaction);
            }
        } catch (RuntimeException failed) {
            LOG.error("rolling back a keyed request failed: {}", failed.getClass().getName());
        }
        try {
            keys.release(keyed, token);
        } catch (RuntimeException failed) {
            LOG.error("releasing an idempotency key failed: {}", failed.getClass().getName());
        }
    }

    private static Answer answer(BufferedResponse held) {
        return new Answer(held.getStatus(), held.getContentType(), held.getHeader("Location"), held.body());
    }

    private static void replay(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        if (answer.location() != null) {
            response.setHeader("Location", answer.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = answer.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Why the header values are not one acceptable key, or null when they are. */
    private static String invalidKey(List<String> values) {
        if (values.size() != 1) {
            return "send one Idempotency-Key header, not " + values.size();
        }
        String key = values.get(0);
        if (key.isBlank()) {
            return "the Idempotency-Key is empty";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "the Idempotency-Key has " + key.length() + " characters; the limit is " + MAX_KEY_LENGTH;
        }
        if (!key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return "an Idempotency-Key is printable ASCII (a UUID is a good one)";
        }
        return null;
    }

    private void purgeNowAndThen(Instant now) {
        Instant due = nextPurge.get();
        if (now.isAfter(due) && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            try {
                keys.purge(now.minus(RETENTION));
            } catch (RuntimeException failed) {
                LOG.warn("purging old idempotency keys failed: {}", failed.getClass().getName());
            }
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        ProblemWriter.write(response, json, status, type, title, detail, false);
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? path(request) : path(request) + "?" + request.getQueryString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
