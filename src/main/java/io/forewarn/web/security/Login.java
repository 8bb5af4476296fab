package io.forewarn.web.security;

import io.forewarn.policy.Role;
import io.forewarn.server.ServerSettings;
import org.springframework.security.core.GrantedAuthority;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** One login as the server knows it now: its name, the bcrypt hash of its password and its roles. */
record Login(String name, String passwordHash, Set<Role> roles) {

    Login {
        roles = Set.copyOf(roles);
    }

    /** A login of {@code forewarn.users}, checked: a name, a bcrypt hash and known roles. */
    static Login of(ServerSettings.User user) {
        if (user.name() == null || user.name().isBlank() || user.passwordHash() == null
                || !user.passwordHash().startsWith("$2")) {
            throw new IllegalArgumentException("forewarn.users: every user needs a name and a bcrypt password-hash "
                    + "(make one with 'forewarn user hash')");
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        user.roles().stream().map(Role::of).forEach(roles::add);
        return new Login(user.name(), user.passwordHash(), roles);
    }

    List<GrantedAuthority> authorities() {
        return roles.stream().sorted().map(SecurityConfiguration::authority).toList();
    }

    /** Never the hash. */
    @Override
    public String toString() {
        return "Login[" + name + ", roles=" + roles + "]";
    }
}
