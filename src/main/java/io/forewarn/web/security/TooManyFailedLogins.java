package io.forewarn.web.security;

import org.springframework.security.core.AuthenticationException;

/** A password refused unchecked: its login name or its address failed too often lately (429). */
final class TooManyFailedLogins extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final transient FailedLogins.Lockout lockout;

    TooManyFailedLogins(FailedLogins.Lockout lockout) {
        super("too many failed logins for " + lockout.scope().phrase);
        this.lockout = lockout;
    }

    FailedLogins.Lockout lockout() {
        return lockout;
    }
}
