package io.forewarn.web;

import io.forewarn.policy.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.Set;

/** Who is calling, and in which roles. */
record Caller(String name, Set<Role> roles) {

    static Caller of(Authentication authentication) {
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
    boolean mayReadProtectedMaterial() {
        return roles.stream().anyMatch(Role::mayReadProtectedMaterial);
    }
}
