package io.forewarn.web.security;

import io.forewarn.policy.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** Who is calling, and in which roles. */
public record Caller(String name, Set<Role> roles) {

public static Caller of(Authentication authentication) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name.startsWith("ROLE_")) {
                roles.add(Role.valueOf(name.substring(5)));
            }
        }
        return new Caller(authentication.getName(), roles);
    }

    /** Need-to-know: only analysts, approvers and directors see sources, methods and protected portions. */
   public boolean mayReadProtectedMaterial() {
        return roles.stream().anyMatch(Role::mayReadProtectedMaterial);
    }

    /**
     * The role the caller takes a step in, when only some roles may take it: the first it holds that
     * may (in the order of {@link Role}). The role matrix lets only such callers through; anyone else is refused.
     */
   public Role actingAs(Predicate<Role> may) {
        return roles.stream().filter(may).findFirst()
                .orElseThrow(() -> new AccessDeniedException("no role of the caller may take this step"));
    }

    /** The role whose view of protected material the caller gets: one with need-to-know, if it holds any. */
    public Role reader() {
        return roles.stream().filter(Role::mayReadProtectedMaterial).findFirst()
                .orElseGet(() -> roles.stream().findFirst().orElse(Role.PARTNER));
    }
}
